using ComputeGap.Engine.Backends;
using ComputeGap.Engine.Running;

namespace ComputeGap.Engine.Tests;

/// <summary>
/// While the sink writes, progress keeps coming, saying how many scenarios are being written: a sink
/// that will not finish until it has been seen writing proves the reports arrive during the write
/// (without them the run would wait for the guard's timeout and fail).
/// </summary>
public sealed class WritingProgressTests
{
    private static readonly TimeSpan Guard = TimeSpan.FromMinutes(2);
    private const int Chunk = 100;

    [Fact]
    public async Task A_slow_last_write_reports_the_scenarios_still_being_written()
    {
        var plan = TestSweeps.RandomGrid(seed: 3, horizon: 12);
        var seen = new TaskCompletionSource();
        var reports = new List<SweepProgress>();
        var progress = new InlineProgress(p =>
        {
            lock (reports)
            {
                reports.Add(p);
            }

            if (p.Writing > 0)
            {
                seen.TrySetResult();
            }
        });
        var sink = new WaitingSink(seen.Task, plan.ScenarioCount);
        using var cpu = new CpuBackend();

        await SweepRunner.RunAsync(plan, cpu, sink, new SweepOptions(ChunkSize: Chunk), progress).WaitAsync(Guard);

        var writing = reports.First(r => r.Writing > 0);
        Assert.Equal(plan.ScenarioCount, writing.Done + writing.Writing);
        var last = plan.ScenarioCount % Chunk == 0 ? Chunk : plan.ScenarioCount % Chunk;
        Assert.Equal(plan.ScenarioCount - last, writing.Done);
        Assert.Equal((plan.ScenarioCount, 0L), (reports[^1].Done, reports[^1].Writing));
    }

    /// <summary>Finishes its last chunk only once <paramref name="release"/> completes.</summary>
    private sealed class WaitingSink(Task release, long total) : IChunkSink
    {
        public async Task WriteAsync(SweepPlan plan, ChunkBuffers chunk, CancellationToken cancellationToken)
        {
            if (chunk.First + chunk.Count == total)
            {
                await release.ConfigureAwait(false);
            }
        }
    }
}
