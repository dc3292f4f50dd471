using ComputeGap.IO.Tests;

namespace ComputeGap.Cli.Tests;

/// <summary>One run of the US export policy grid (rows, CPU), shared by the report tests that only read it.</summary>
public sealed class ReportRunFixture : IDisposable
{
    private readonly TempDirectory dir = new();

    public ReportRunFixture()
    {
        Run = Path.Combine(dir.Path, "run");
        var made = Cli.InvokeAsync("sweep", Cli.SweepFile("us-export-policy.json"), "--out", Run, "--output", "rows", "--backend", "cpu", "-q").GetAwaiter().GetResult();
        Assert.Equal(0, made.ExitCode);
    }

    public string Run { get; }

    public void Dispose() => dir.Dispose();
}
