using System.Text.Json;
using ComputeGap.IO.Tests;

namespace ComputeGap.Cli.Tests;

/// <summary><c>sweep --where</c>: a grid's bitmap beside its aggregates, read by discover and summarize as its rows would be.</summary>
public sealed class SweepWhereTests
{
    private const string Where = "share_EU < 0.03 and rival_ratio > 40";

    private static async Task<string> SweepAsync(TempDirectory dir, string name, params string[] extra)
    {
        var outDir = Path.Combine(dir.Path, name);
        var run = await Cli.InvokeAsync(["sweep", Cli.SweepFile("us-export-policy.json"), "--out", outDir, "--backend", "cpu", "--quiet", .. extra]);
        Assert.True(run.ExitCode == 0, run.Error);
        return outDir;
    }

    private static string Stable(string csv) => string.Join('\n', csv.Split('\n')
        .Where(l => !l.StartsWith("summary,source", StringComparison.Ordinal) && !l.StartsWith("summary,verification", StringComparison.Ordinal)));

    [Fact]
    public async Task The_bitmap_of_a_sharded_chunked_run_gives_the_report_of_the_rows()
    {
        using var dir = new TempDirectory();
        var rows = await SweepAsync(dir, "rows", "--output", "rows");
        var whole = await SweepAsync(dir, "bits", "--output", "aggregate", "--where", Where);
        var sharded = Path.Combine(dir.Path, "shards");
        foreach (var shard in new[] { "0/3", "1/3", "2/3" })
        {
            await SweepAsync(dir, "shards", "--output", "aggregate", "--where", "share_EU<0.03 AND rival_ratio>40", "--shard", shard, "--chunk-size", "4096");
        }

        string[] args = ["--where", Where, "--format", "csv", "--resamples", "6", "--seed", "4"];
        var fromRows = await Cli.InvokeAsync(["discover", rows, .. args]);
        var fromBits = await Cli.InvokeAsync(["discover", whole, .. args]);
        var fromShards = await Cli.InvokeAsync(["discover", sharded, .. args]);
        Assert.True(fromRows.ExitCode == 0, fromRows.Error);
        Assert.True(fromBits.ExitCode == 0, fromBits.Error);
        Assert.True(fromShards.ExitCode == 0, fromShards.Error);
        Assert.Equal(Stable(fromRows.Output), Stable(fromBits.Output));
        Assert.Equal(Stable(fromRows.Output), Stable(fromShards.Output));
        Assert.Contains("trajectory,box,3,", fromRows.Output, StringComparison.Ordinal);

        // summarize --where reads the bitmap of aggregates as it reads the rows.
        var summaryRows = await Cli.InvokeAsync("summarize", rows, "--where", Where, "--format", "json");
        var summaryBits = await Cli.InvokeAsync("summarize", sharded, "--where", Where, "--format", "json");
        Assert.True(summaryBits.ExitCode == 0, summaryBits.Error);
        using var a = JsonDocument.Parse(summaryRows.Output);
        using var b = JsonDocument.Parse(summaryBits.Output);
        Assert.Equal(a.RootElement.GetProperty("where").GetRawText(), b.RootElement.GetProperty("where").GetRawText());
    }

    [Fact]
    public async Task A_bitmap_answers_only_for_its_own_condition_and_only_on_grid_aggregates()
    {
        using var dir = new TempDirectory();
        var bits = await SweepAsync(dir, "bits", "--output", "aggregate", "--where", Where);
        var plain = await SweepAsync(dir, "plain", "--output", "aggregate");

        var other = await Cli.InvokeAsync("discover", bits, "--where", "share_EU < 0.02");
        Assert.Equal(2, other.ExitCode);
        Assert.Contains($"keeps the bitmap of \"{Where}\" only", other.Error, StringComparison.Ordinal);

        var none = await Cli.InvokeAsync("discover", plain, "--where", Where);
        Assert.Equal(2, none.ExitCode);
        Assert.Contains("holds aggregates, not one row per scenario, and these aggregates keep no bitmap: run the sweep with --where", none.Error, StringComparison.Ordinal);

        var summary = await Cli.InvokeAsync("summarize", bits, "--where", "share_EU < 0.02");
        Assert.Equal(2, summary.ExitCode);
        Assert.Contains("keep the bitmap of", summary.Error, StringComparison.Ordinal);

        foreach (var (extra, expected) in new[]
        {
            (new[] { "--output", "rows", "--where", Where }, "--where keeps one bit per scenario beside aggregates; this sweep writes rows"),
            (new[] { "--output", "aggregate", "--where", "leakage < 0.1" }, "--where: no column \"leakage\""),
            (new[] { "--output", "aggregate", "--where", "share_EU <" }, "--where \"share_EU <\": at character 11"),
        })
        {
            var run = await Cli.InvokeAsync(["sweep", Cli.SweepFile("us-export-policy.json"), "--out", Path.Combine(dir.Path, "bad"), "--backend", "cpu", "--quiet", .. extra]);
            Assert.Equal(2, run.ExitCode);
            Assert.Contains(expected, Assert.Single(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries)), StringComparison.Ordinal);
            Assert.False(Directory.Exists(Path.Combine(dir.Path, "bad")) && Directory.EnumerateFiles(Path.Combine(dir.Path, "bad"), "*.parquet").Any());
        }

        var design = dir.File("mc.json");
        await File.WriteAllTextAsync(design, """
            { "model": "v2", "name": "mc", "design": { "kind": "monte_carlo", "samples": 5000, "seed": 3 },
              "uncertain": [ { "param": "leakage", "uniform": { "from": 0, "to": 0.5 } } ] }
            """);
        var sampled = await Cli.InvokeAsync("sweep", design, "--out", Path.Combine(dir.Path, "mc"), "--output", "aggregate", "--where", "share_EU < 0.03", "--backend", "cpu", "--quiet");
        Assert.Equal(2, sampled.ExitCode);
        Assert.Contains("--where bitmaps are for grids", sampled.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Resuming_with_another_condition_starts_afresh()
    {
        using var dir = new TempDirectory();
        var outDir = await SweepAsync(dir, "bits", "--output", "aggregate", "--where", Where);
        var again = await Cli.InvokeAsync("sweep", Cli.SweepFile("us-export-policy.json"), "--out", outDir, "--backend", "cpu", "--output", "aggregate", "--where", "share_EU < 0.02", "--resume");
        Assert.True(again.ExitCode == 0, again.Error);
        Assert.Contains($"resume: the earlier run kept the bitmap of \"{Where}\", not of \"share_EU < 0.02\"; starting afresh", again.Error, StringComparison.Ordinal);
        var found = await Cli.InvokeAsync("discover", outDir, "--where", "share_EU < 0.02", "--resamples", "0");
        Assert.True(found.ExitCode == 0, found.Error);
    }
}
