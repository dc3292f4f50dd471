using ComputeGap.Engine.Output;
using ComputeGap.IO.Tests;

namespace ComputeGap.Engine.Tests.Output;

/// <summary>The writer lock within one process (the CLI tests cover separate and killed processes).</summary>
public sealed class RunLockTests
{
    [Fact]
    public void ASecondWriterIsRefusedNamingTheHolderUntilTheFirstReleases()
    {
        using var dir = new TempDirectory();
        var path = Path.Combine(dir.Path, "run.all.rows.lock");
        using (var first = RunLock.Acquire(path, "a.json", "the run", TimeSpan.Zero))
        {
            Assert.Null(first.TakenOverFrom);
            var refused = Assert.Throws<OutputLockedException>(() => RunLock.Acquire(path, "b.json", "the run", TimeSpan.FromMilliseconds(100)));
            Assert.StartsWith($"the run is being written by pid {Environment.ProcessId} on {Environment.MachineName} since ", refused.Message, StringComparison.Ordinal);
            Assert.Contains("(sweep a.json)", refused.Message, StringComparison.Ordinal);
            Assert.Equal(Environment.ProcessId, RunLock.Holder(path)?.Pid);
        }

        Assert.Null(RunLock.Holder(path));
        using var second = RunLock.Acquire(path, "b.json", "the run", TimeSpan.Zero);
        Assert.Null(second.TakenOverFrom);
    }
}
