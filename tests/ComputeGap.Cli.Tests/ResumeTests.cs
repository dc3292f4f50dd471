using ComputeGap.IO.Tests;
using System.Diagnostics;
using ComputeGap.IO.Parquet;

namespace ComputeGap.Cli.Tests;

/// <summary>
/// Crash safety: a sweep killed with SIGKILL at random moments and resumed after each kill ends with
/// every scenario exactly once, equal to an uninterrupted run; Ctrl-C keeps finished parts and says
/// how to resume.
/// </summary>
public sealed class ResumeTests
{
    private static readonly string[] RowArgs = ["--backend", "cpu", "--chunk-size", "16", "--output", "rows", "-q"];

    [Fact]
    public async Task RowOutputKilledTenTimesAndResumedEqualsAnUninterruptedRun()
    {
        using var clean = new TempDirectory();
        using var killed = new TempDirectory();
        var sweep = Cli.SweepFile("v1/ree-shock.json");
        Assert.Equal(0, (await Cli.InvokeAsync(["sweep", sweep, "--out", clean.Path, .. RowArgs])).ExitCode);

        var kills = await KillRepeatedlyAsync(["sweep", sweep, "--out", killed.Path, .. RowArgs, "--resume"], seed: 5);
        Assert.True(kills >= 10, $"only {kills} kills landed mid-run");
        Assert.Empty(Directory.GetFiles(killed.Path, "*.tmp-*"));

        var expected = await ParquetTableReader.ReadAsync(clean.Path);
        var actual = await ParquetTableReader.ReadAsync(killed.Path);
        Assert.Equal(expected.RowCount, actual.RowCount);
        Assert.Equal(Enumerable.Range(0, expected.RowCount).Select(i => (long)i), actual["scenario"].As<long>());
        foreach (var column in expected.Columns)
        {
            Assert.Equal(column.Values, actual[column.Name].Values);
        }
    }

    [Fact]
    public async Task AggregateOutputKilledAndResumedSummarisesLikeAnUninterruptedRun()
    {
        using var clean = new TempDirectory();
        using var killed = new TempDirectory();
        var sweep = Cli.SweepFile("v1/ree-shock.json");
        string[] args = ["--backend", "cpu", "--chunk-size", "4096", "--output", "aggregate", "--checkpoint-seconds", "1", "-q"];
        Assert.Equal(0, (await Cli.InvokeAsync(["sweep", sweep, "--out", clean.Path, .. args])).ExitCode);
        await KillRepeatedlyAsync(["sweep", sweep, "--out", killed.Path, .. args, "--resume"], seed: 6, minimumKills: 3);

        var a = Cli.StripVolatile((await Cli.InvokeAsync("summarize", clean.Path, "--format", "json")).Output);
        var b = Cli.StripVolatile((await Cli.InvokeAsync("summarize", killed.Path, "--format", "json")).Output);
        Assert.Equal(a, b);
    }

    [Fact]
    public Task SaltelliAggregatesKilledAndResumedGiveTheSameSobolIndices() => KilledAndCleanAsync(
        """
        { "model": "v2", "horizon_months": 36, "design": { "kind": "saltelli", "samples": 2097152, "seed": 3 },
          "uncertain": [ { "param": "capex0[EU]", "log_uniform": { "from": 1e8, "to": 2e9 } },
                         { "param": "us_priority", "uniform": { "from": 0, "to": 1 } },
                         { "param": "ree_export_quota", "uniform": { "from": 0, "to": 1 } } ] }
        """,
        ["--backend", "cpu", "--chunk-size", "100000", "--output", "aggregate", "--checkpoint-seconds", "1", "-q"],
        seed: 7,
        async (clean, killed) =>
        {
            var a = (await Cli.InvokeAsync("summarize", clean, "--format", "csv")).Output.Split('\n').Where(l => l.StartsWith("sensitivity,", StringComparison.Ordinal)).ToArray();
            var b = (await Cli.InvokeAsync("summarize", killed, "--format", "csv")).Output.Split('\n').Where(l => l.StartsWith("sensitivity,", StringComparison.Ordinal)).ToArray();
            Assert.NotEmpty(a);
            Assert.Equal(a, b);
        });

    /// <summary>
    /// A sampled design with levers runs in future order: killed and resumed, its parts still hold whole
    /// windows of futures, and its policy comparison is the uninterrupted run's, bit for bit.
    /// </summary>
    [Fact]
    public Task PolicyAggregatesKilledAndResumedCompareThePoliciesAsAnUninterruptedRun() => KilledAndCleanAsync(
        """
        { "name": "ishigami-policies", "model": "ishigami", "design": { "kind": "monte_carlo", "samples": 16777216, "seed": 8 },
          "uncertain": [ { "param": "x1", "uniform": { "from": -3.14159, "to": 3.14159 } },
                         { "param": "x2", "uniform": { "from": -3.14159, "to": 3.14159 } },
                         { "param": "x3", "uniform": { "from": -3.14159, "to": 3.14159 } } ],
          "levers": [ { "param": "a", "values": [7, 5, 3, 1] } ] }
        """,
        ["--backend", "cpu", "--output", "aggregate", "--checkpoint-seconds", "1", "-q"],
        seed: 9,
        async (clean, killed) =>
        {
            var manifest = System.Text.Json.JsonDocument.Parse(await File.ReadAllTextAsync(Directory.GetFiles(killed, "*.manifest.json").Single())).RootElement;
            Assert.Equal("futures/524288", manifest.GetProperty("order").GetString());
            var parts = manifest.GetProperty("parts").EnumerateArray().Select(p => p.GetProperty("first").GetInt64()).ToArray();
            Assert.True(parts.Length > 1, $"{parts.Length} part(s)");
            Assert.All(parts, first => Assert.Equal(0, first % (4 * 524288)));

            string Policies(string output) => System.Text.Json.JsonDocument.Parse(output).RootElement.GetProperty("policies").ToString();
            var a = Policies((await Cli.InvokeAsync("summarize", clean, "--format", "json", "--outcome", "y")).Output);
            var b = Policies((await Cli.InvokeAsync("summarize", killed, "--format", "json", "--outcome", "y")).Output);
            Assert.Contains("regret_mean", a, StringComparison.Ordinal);
            Assert.Equal(a, b);
        });

    /// <summary>
    /// Writes <paramref name="sweepText"/> beside two temporary directories, runs it once uninterrupted and once
    /// killed repeatedly and resumed (at least twice), then checks the two runs' directories; the sweep file is
    /// removed afterwards.
    /// </summary>
    private static async Task KilledAndCleanAsync(string sweepText, string[] args, int seed, Func<string, string, Task> check)
    {
        using var clean = new TempDirectory();
        using var killed = new TempDirectory();
        var sweep = Path.Combine(clean.Path, "..", Path.GetFileName(clean.Path) + "-sweep.json");
        await File.WriteAllTextAsync(sweep, sweepText);
        try
        {
            Assert.Equal(0, (await Cli.InvokeAsync(["sweep", sweep, "--out", clean.Path, .. args])).ExitCode);
            await KillRepeatedlyAsync(["sweep", sweep, "--out", killed.Path, .. args, "--resume"], seed, minimumKills: 2);
            await check(clean.Path, killed.Path);
        }
        finally
        {
            File.Delete(sweep);
        }
    }

    [Fact]
    public async Task CtrlCKeepsFinishedPartsAndPrintsTheResumeCommand()
    {
        using var dir = new TempDirectory();
        using var process = CliProcess.Start(["sweep", Cli.SweepFile("v1/default.json"), "--out", dir.Path, "--backend", "cpu", "--chunk-size", "32", "--output", "rows"]);
        var error = process.StandardError.ReadToEndAsync();
        _ = process.StandardOutput.ReadToEndAsync();
        await WaitForPartsAsync(dir.Path, 3);
        Assert.Equal(0, Kill(process.Id, "INT"));
        await process.WaitForExitAsync();

        Assert.Equal(130, process.ExitCode);
        var message = await error;
        Assert.Contains("--resume", message, StringComparison.Ordinal);
        Assert.Contains(dir.Path, message, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(dir.Path, "*.tmp-*"));
        var kept = Directory.GetFiles(dir.Path, "*.rows.parquet");
        Assert.NotEmpty(kept);
        var table = await ParquetTableReader.ReadAsync(dir.Path);
        Assert.Equal(kept.Length * 32, table.RowCount);
        Assert.Matches(@"stopped: every finished part in .* is kept \([\d,]+ scenarios\)", message);
    }

    /// <summary>A run that compares policies in one window (futures not whole blocks) keeps no part when stopped, and says so.</summary>
    [Fact]
    public async Task CtrlCOfAOneWindowComparisonSaysNoPartWasFinished()
    {
        using var dir = new TempDirectory();
        var sweep = Path.Combine(dir.Path, "uneven.json");
        await File.WriteAllTextAsync(sweep, """
            { "name": "uneven", "model": "v2", "design": { "kind": "monte_carlo", "samples": 1000000, "seed": 3 },
              "uncertain": [ { "param": "ree_export_quota", "uniform": { "from": 0, "to": 1 } } ],
              "levers": [ { "param": "us_priority", "values": [0, 1] }, { "param": "diffusion_rule", "values": [0, 1] } ] }
            """);
        var outDir = Path.Combine(dir.Path, "out");
        using var process = CliProcess.Start(["sweep", sweep, "--out", outDir, "--backend", "cpu", "--output", "aggregate", "--checkpoint-seconds", "1"]);
        var error = process.StandardError.ReadToEndAsync();
        _ = process.StandardOutput.ReadToEndAsync();

        // The run has claimed its directory (its manifest is written) and computes 4,000,000 scenarios: stop it a second in.
        while (!error.IsCompleted && !(Directory.Exists(outDir) && Directory.GetFiles(outDir, "*.manifest.json").Length > 0))
        {
            await Task.Delay(50);
        }

        await Task.Delay(1000);
        Assert.Equal(0, Kill(process.Id, "INT"));
        await process.WaitForExitAsync();

        Assert.Equal(130, process.ExitCode);
        var message = await error;
        Assert.Contains($"stopped: no part in {outDir} was finished: a run that compares its policies in one window commits only at its end. Resume with:", message, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(outDir, "*.parquet"));
    }

    /// <summary>
    /// Starts the command and, once it has committed at least one more part, kills it with SIGKILL
    /// after a further random delay (so kills land mid-run, in or between part writes); repeats until
    /// <paramref name="minimumKills"/> kills have landed, then lets a last run finish.
    /// </summary>
    private static async Task<int> KillRepeatedlyAsync(string[] args, int seed, int minimumKills = 10)
    {
        var rng = new Random(seed);
        var directory = args[Array.IndexOf(args, "--out") + 1];
        var kills = 0;
        for (var attempt = 0; attempt < 100; attempt++)
        {
            var before = Directory.Exists(directory) ? Directory.GetFiles(directory, "*.parquet").Length : 0;
            using var process = CliProcess.Start(args);
            _ = process.StandardError.ReadToEndAsync();
            _ = process.StandardOutput.ReadToEndAsync();
            if (kills < minimumKills)
            {
                while (!process.HasExited && (Directory.Exists(directory) ? Directory.GetFiles(directory, "*.parquet").Length : 0) <= before)
                {
                    await Task.Delay(5);
                }

                await Task.Delay(rng.Next(0, 150));
                if (!process.HasExited)
                {
                    process.Kill();
                    await process.WaitForExitAsync();
                    kills++;
                    continue;
                }
            }

            using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(5));
            await process.WaitForExitAsync(limit.Token);
            Assert.True(process.ExitCode == 0, $"run {attempt} failed with {process.ExitCode}");
            return kills;
        }

        Assert.Fail("the sweep never finished");
        return kills;
    }

    private static async Task WaitForPartsAsync(string directory, int parts)
    {
        var clock = Stopwatch.StartNew();
        while (Directory.GetFiles(directory, "*.rows.parquet").Length < parts)
        {
            Assert.True(clock.Elapsed < TimeSpan.FromMinutes(2), "no parts appeared");
            await Task.Delay(20);
        }
    }

    private static int Kill(int pid, string signal)
    {
        using var kill = Process.Start("kill", $"-{signal} {pid}");
        kill.WaitForExit();
        return kill.ExitCode;
    }
}
