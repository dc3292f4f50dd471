using System.Diagnostics;
using ComputeGap.IO.Tests;

namespace ComputeGap.Cli.Tests;

/// <summary>
/// One writer per run: processes started together into one directory, with the same sweep or with
/// different ones, leave exactly one writing and refuse the others with one line naming the holder;
/// a SIGKILLed holder's lock is stale and the next run takes it over and finishes the run.
/// </summary>
public sealed class ConcurrencyTests
{
    /// <summary>4,000,000 scenarios of 24 months: a few seconds of work, so the others start while it runs.</summary>
    private const string Busy = """
        { "model": "v2", "name": "busy", "horizon_months": 24,
          "axes": [ { "param": "us_priority", "range": { "from": 0, "to": 1, "count": 100 } },
                    { "param": "leakage", "range": { "from": 0, "to": 0.5, "count": 100 } },
                    { "param": "ree_export_quota", "range": { "from": 0.2, "to": 1, "count": 400 } } ] }
        """;

    private static readonly string[] Options = ["--backend", "cpu", "--output", "aggregate", "--checkpoint-seconds", "1"];

    [Theory]
    [InlineData(2)]
    [InlineData(4)]
    public async Task WritersOfTheSameSweepStartedTogetherLeaveOneWriting(int writers)
    {
        using var dir = new TempDirectory();
        var sweep = Write(dir.Path, "busy.json", Busy);
        var run = Path.Combine(dir.Path, "run");
        var results = await Task.WhenAll(Enumerable.Range(0, writers).Select(_ => RunAsync(["sweep", sweep, "--out", run, "-q", .. Options])));

        Assert.Single(results, r => r.ExitCode == 0);
        foreach (var refused in results.Where(r => r.ExitCode != 0))
        {
            Assert.Equal(75, refused.ExitCode);
            var line = Assert.Single(Lines(refused.Error));
            Assert.Matches(@"^error: .*busy\.all\.aggregate\.manifest\.json\) is being written by pid \d+ on .+ since .+ UTC \(sweep .*busy\.json\)", line);
        }

        Assert.Equal(await Reference.Value, await ReportAsync(run));
    }

    [Fact]
    public async Task AnotherSweepStartedTogetherIsRefusedNamingTheWriter()
    {
        using var dir = new TempDirectory();
        var sweep = Write(dir.Path, "busy.json", Busy);
        var other = Write(dir.Path, "other.json", Busy.Replace("\"busy\"", "\"other\"", StringComparison.Ordinal).Replace("0.5", "0.4", StringComparison.Ordinal));
        var run = Path.Combine(dir.Path, "run");
        var results = await Task.WhenAll(RunAsync(["sweep", sweep, "--out", run, "-q", .. Options]), RunAsync(["sweep", other, "--out", run, "-q", .. Options]));

        var winner = Assert.Single(results, r => r.ExitCode == 0);
        var loser = Assert.Single(results, r => r.ExitCode != 0);
        Assert.Equal(2, loser.ExitCode);
        var line = Assert.Single(Lines(loser.Error));
        Assert.Matches(@"^error: .*run already holds output of a different sweep file \(.+\.manifest\.json, being written by pid \d+ on .+\); choose another --out", line);
        Assert.Single(Directory.GetFiles(run, "*.manifest.json"));
    }

    [Fact]
    public async Task AKilledWritersStaleLockIsTakenOverAndTheRunFinished()
    {
        using var dir = new TempDirectory();
        var sweep = Write(dir.Path, "busy.json", Busy);
        var run = Path.Combine(dir.Path, "run");
        using (var holder = CliProcess.Start(["sweep", sweep, "--out", run, "-q", .. Options]))
        {
            var parts = Stopwatch.StartNew();
            var manifest = Path.Combine(run, "busy.all.aggregate.manifest.json");
            while (!(File.Exists(manifest) && File.ReadAllText(manifest).Contains("\"checks\"", StringComparison.Ordinal)))
            {
                Assert.False(holder.HasExited, "the run ended before it could be killed");
                Assert.True(parts.Elapsed < TimeSpan.FromMinutes(2), "no part committed");
                await Task.Delay(20);
            }

            holder.Kill();
            await holder.WaitForExitAsync();
        }

        var resumed = await RunAsync(["sweep", sweep, "--out", run, "--resume", .. Options]);
        Assert.True(resumed.ExitCode == 0, resumed.Error);
        Assert.Contains("lock: taking over the stale lock of pid", resumed.Error, StringComparison.Ordinal);
        Assert.Contains("resuming:", resumed.Error, StringComparison.Ordinal);
        Assert.Equal(await Reference.Value, await ReportAsync(run));
    }

    /// <summary>The report of one uninterrupted run by one writer, computed once for all the tests.</summary>
    private static readonly Lazy<Task<string>> Reference = new(async () =>
    {
        using var dir = new TempDirectory();
        var sweep = Write(dir.Path, "busy.json", Busy);
        var run = Path.Combine(dir.Path, "reference");
        Assert.Equal(0, (await Cli.InvokeAsync(["sweep", sweep, "--out", run, "-q", .. Options])).ExitCode);
        return await ReportAsync(run);
    });

    private static async Task<string> ReportAsync(string run)
    {
        var report = await Cli.InvokeAsync("summarize", run, "--format", "json");
        Assert.True(report.ExitCode == 0, report.Error);
        return Cli.StripVolatile(report.Output);
    }

    private static async Task<(int ExitCode, string Error)> RunAsync(string[] args) => await CliProcess.RunAsync(args);

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static string Write(string directory, string name, string text)
    {
        var path = Path.Combine(directory, name);
        File.WriteAllText(path, text);
        return path;
    }
}
