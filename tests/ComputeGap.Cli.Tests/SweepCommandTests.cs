using System.Text.Json;
using ComputeGap.IO.Parquet;
using ComputeGap.IO.Tests;

namespace ComputeGap.Cli.Tests;

/// <summary>The sweep and summarize commands end to end: files, summaries, shards, and an independent reader.</summary>
public sealed class SweepCommandTests
{
    [Fact]
    public async Task SweepWritesRowsThatDuckDbReadsWithTheSameCountsAndSums()
    {
        using var dir = new TempDirectory();
        var run = await Cli.InvokeAsync("sweep", Cli.SweepFile("v1/eu-ree-shock.json"), "--out", dir.Path, "--backend", "cpu", "--series", "--format", "json");
        Assert.True(run.ExitCode == 0, run.Error);
        var rows = dir.File("eu-ree-shock.0000000000000000000.rows.parquet");
        var table = await ParquetTableReader.ReadAsync(rows);
        Assert.Equal(150, table.RowCount);

        var columns = new[] { "share_US", "share_EU", "focus_coverage", "ree_lost_h100e", "dc_growth_EU", "ree_depletion_month" };
        var sql = "SELECT count(*) AS n, " + string.Join(", ", columns.Select(c => $"sum({c})::DOUBLE AS {c}")) + " FROM data";
        var duck = (await DuckDb.QueryAsync(rows, sql)).Single();
        Assert.Equal(table.RowCount, DuckDb.ToInt64(duck["n"]));
        foreach (var c in columns)
        {
            // SQL's sum leaves a month outcome's NULL ("never") out, as a comparison sees it.
            var ours = table[c].ToComparableDoubles().Where(v => !double.IsNaN(v)).Sum();
            Assert.Equal(ours, DuckDb.ToDouble(duck[c]), Math.Max(1e-6, Math.Abs(ours) * 1e-9));
        }

        var metadata = await DuckDb.QueryAsync(rows, "SELECT decode(key) AS k, decode(value) AS v FROM parquet_kv_metadata({path})");
        var kv = metadata.ToDictionary(r => r["k"].GetString()!, r => r["v"].GetString()!);
        Assert.Equal("1", kv["model_version"]);
        Assert.Equal(await File.ReadAllTextAsync(Cli.SweepFile("v1/eu-ree-shock.json")), kv["sweep"]);
        Assert.Equal("cpu", kv["backend"]);

        // The series: 150 scenarios x 72 months x 5 regions, shares summing to one per scenario-month.
        var series = dir.File("eu-ree-shock.0000000000000000000.series.parquet");
        var check = (await DuckDb.QueryAsync(series, "SELECT count(*) AS n, max(abs(s - 1)) AS worst FROM (SELECT scenario, month, sum(share) AS s FROM data GROUP BY ALL)")).Single();
        Assert.Equal(150 * 72, DuckDb.ToInt64(check["n"]));
        Assert.True(DuckDb.ToDouble(check["worst"]) < 1e-5);

        using var summary = JsonDocument.Parse(run.Output);
        Assert.Equal(150, summary.RootElement.GetProperty("row_count").GetInt64());
    }

    [Fact]
    public async Task ShardsTogetherSummariseExactlyLikeOneRun()
    {
        using var whole = new TempDirectory();
        using var parts = new TempDirectory();
        var file = Cli.SweepFile("v1/us-export-policy.json");
        Assert.Equal(0, (await Cli.InvokeAsync("sweep", file, "--out", whole.Path, "--backend", "cpu", "-q")).ExitCode);
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(0, (await Cli.InvokeAsync("sweep", file, "--out", parts.Path, "--backend", "cpu", "--shard", $"{i}/3", "-q")).ExitCode);
        }

        var a = await ParquetTableReader.ReadAsync(whole.Path);
        var b = await ParquetTableReader.ReadAsync(parts.Path);
        Assert.Equal(3, b.SourceFiles.Count);
        Assert.Equal(3, Directory.GetFiles(parts.Path, "*.manifest.json").Length);
        Assert.Equal(a.RowCount, b.RowCount);
        foreach (var column in a.Columns)
        {
            Assert.Equal(column.Values, b[column.Name].Values);
        }

        var sa = Cli.StripVolatile((await Cli.InvokeAsync("summarize", whole.Path, "--format", "json")).Output);
        var sb = Cli.StripVolatile((await Cli.InvokeAsync("summarize", parts.Path, "--format", "json")).Output);
        Assert.Equal(sa, sb);
    }

    [Fact]
    public async Task AggregateShardsMergeToExactlyTheReportOfOneRun()
    {
        using var whole = new TempDirectory();
        using var parts = new TempDirectory();
        var file = Cli.SweepFile("v1/ree-shock.json");
        string[] common = ["--backend", "cpu", "--output", "aggregate", "--chunk-size", "4096", "-q"];
        Assert.Equal(0, (await Cli.InvokeAsync(["sweep", file, "--out", whole.Path, .. common])).ExitCode);
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(0, (await Cli.InvokeAsync(["sweep", file, "--out", parts.Path, "--shard", $"{i}/3", .. common])).ExitCode);
        }

        Assert.Equal(3, Directory.GetFiles(parts.Path, "*.aggregate.manifest.json").Length);
        var a = Cli.StripVolatile((await Cli.InvokeAsync("summarize", whole.Path, "--format", "json")).Output);
        var b = Cli.StripVolatile((await Cli.InvokeAsync("summarize", parts.Path, "--format", "json")).Output);
        Assert.Equal(a, b);
    }

    [Fact]
    public async Task ADirectoryRefusesOutputOfAnotherSweep()
    {
        using var dir = new TempDirectory();
        Assert.Equal(0, (await Cli.InvokeAsync("sweep", Cli.SweepFile("v1/eu-ree-shock.json"), "--out", dir.Path, "--backend", "cpu", "-q")).ExitCode);
        var before = Directory.GetFiles(dir.Path).Order().ToArray();
        var run = await Cli.InvokeAsync("sweep", Cli.SweepFile("v1/us-export-policy.json"), "--out", dir.Path, "--backend", "cpu", "-q");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("a different sweep file", run.Error, StringComparison.Ordinal);
        Assert.Equal(before, Directory.GetFiles(dir.Path).Order().ToArray());
    }

    [Fact]
    public async Task SummarizeRefusesAMissingShardUnlessAskedForAPartialReport()
    {
        using var parts = new TempDirectory();
        var file = Cli.SweepFile("v1/us-export-policy.json");
        Assert.Equal(0, (await Cli.InvokeAsync("sweep", file, "--out", parts.Path, "--backend", "cpu", "--shard", "0/2", "-q")).ExitCode);
        var refused = await Cli.InvokeAsync("summarize", parts.Path);
        Assert.Equal(2, refused.ExitCode);
        Assert.Contains("1/2 missing", refused.Error, StringComparison.Ordinal);
        var partial = await Cli.InvokeAsync("summarize", parts.Path, "--partial", "--format", "json");
        Assert.Equal(0, partial.ExitCode);
        Assert.Contains("warning", partial.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DefaultSweepRunsFromNoArguments()
    {
        using var dir = new TempDirectory();
        var run = await Cli.InvokeAsync("sweep", "--out", dir.Path, "--backend", "cpu");
        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains("EU: 20 % of demand", run.Output, StringComparison.Ordinal);
        Assert.Single(Directory.GetFiles(dir.Path, "default.*.rows.parquet"));
        Assert.True(File.Exists(dir.File("default.all.rows.manifest.json")));
    }

}
