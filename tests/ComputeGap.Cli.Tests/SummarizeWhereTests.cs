using System.Text.Json;
using ComputeGap.IO.Tests;

namespace ComputeGap.Cli.Tests;

/// <summary><c>summarize --where</c>: how often a condition holds, checked against DuckDB.</summary>
public sealed class SummarizeWhereTests
{
    [Fact]
    public async Task Probabilities_overall_and_per_axis_value_equal_DuckDB_counts()
    {
        using var dir = new TempDirectory();
        var outDir = Path.Combine(dir.Path, "rows");
        Assert.Equal(0, (await Cli.InvokeAsync("sweep", Cli.SweepFile("us-export-policy.json"), "--out", outDir, "--output", "rows", "--backend", "cpu", "--quiet")).ExitCode);
        const string where = "share_EU < 0.02 or rival_ratio >= 70";
        var run = await Cli.InvokeAsync("summarize", outDir, "--where", where, "--format", "json");
        Assert.True(run.ExitCode == 0, run.Error);
        using var json = JsonDocument.Parse(run.Output);
        var section = json.RootElement.GetProperty("where");

        var glob = Path.Combine(outDir, "*.rows.parquet");
        var total = (await DuckDb.QueryAsync(glob, $"SELECT count(*) AS n, count(*) FILTER (WHERE {where}) AS k FROM data"))[0];
        Assert.Equal(DuckDb.ToInt64(total["n"]), section.GetProperty("cases").GetInt64());
        Assert.Equal(DuckDb.ToInt64(total["k"]), section.GetProperty("holds").GetInt64());

        var byInput = section.GetProperty("by_input");
        var axes = byInput.EnumerateObject().Select(p => p.Name).ToList();
        Assert.Equal(6, axes.Count);
        foreach (var axis in axes)
        {
            var groups = await DuckDb.QueryAsync(glob, $"SELECT {axis} AS v, avg(CASE WHEN {where} THEN 1.0 ELSE 0.0 END) AS p, count(*) AS n FROM data GROUP BY 1 ORDER BY 1");
            var levels = byInput.GetProperty(axis).GetProperty("levels").EnumerateArray().ToList();
            Assert.Equal(groups.Count, levels.Count);
            for (var i = 0; i < groups.Count; i++)
            {
                Assert.Equal((float)DuckDb.ToDouble(groups[i]["v"]), (float)levels[i].GetProperty("low").GetDouble());
                Assert.Equal(DuckDb.ToDouble(groups[i]["p"]), levels[i].GetProperty("probability").GetDouble(), 12);
                Assert.Equal(DuckDb.ToInt64(groups[i]["n"]), levels[i].GetProperty("count").GetInt64());
            }
        }

        var table = await Cli.InvokeAsync("summarize", outDir, "--where", where);
        Assert.Contains("P(share_EU < 0.02 or rival_ratio >= 70) = ", table.Output, StringComparison.Ordinal);
        Assert.Contains("every grid point weighs the same", table.Output, StringComparison.Ordinal);
        var csv = await Cli.InvokeAsync("summarize", outDir, "--where", where, "--format", "csv");
        Assert.Contains("where,share_EU < 0.02 or rival_ratio >= 70,,probability,", csv.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_sampled_design_groups_each_uncertain_parameter_in_deciles()
    {
        using var dir = new TempDirectory();
        var sweep = dir.File("mc.json");
        await File.WriteAllTextAsync(sweep, """
            { "model": "v2", "name": "mc", "design": { "kind": "monte_carlo", "samples": 2000, "seed": 3 },
              "uncertain": [ { "param": "ree_export_quota", "uniform": { "from": 0, "to": 1 } },
                             { "param": "leakage", "uniform": { "from": 0, "to": 0.5 } } ] }
            """);
        var outDir = Path.Combine(dir.Path, "rows");
        var made = await Cli.InvokeAsync("sweep", sweep, "--out", outDir, "--output", "rows", "--backend", "cpu", "--quiet");
        Assert.True(made.ExitCode == 0, made.Error);
        var run = await Cli.InvokeAsync("summarize", outDir, "--where", "cn_domestic_share > 0.5", "--format", "json");
        Assert.True(run.ExitCode == 0, run.Error);
        using var json = JsonDocument.Parse(run.Output);
        var byInput = json.RootElement.GetProperty("where").GetProperty("by_input");
        foreach (var name in new[] { "ree_export_quota", "leakage" })
        {
            var group = byInput.GetProperty(name);
            Assert.Equal("deciles", group.GetProperty("groups").GetString());
            var levels = group.GetProperty("levels").EnumerateArray().ToList();
            Assert.Equal(10, levels.Count);
            Assert.Equal(2000, levels.Sum(l => l.GetProperty("count").GetInt64()));
            Assert.All(levels, l => Assert.InRange(l.GetProperty("count").GetInt64(), 190, 210));
            Assert.All(levels.Zip(levels.Skip(1)), p => Assert.True(p.First.GetProperty("high").GetDouble() < p.Second.GetProperty("low").GetDouble()));
        }
    }

    [Fact]
    public async Task Aggregates_an_unknown_column_and_a_malformed_condition_are_one_line_and_exit_2()
    {
        using var dir = new TempDirectory();
        var rows = Path.Combine(dir.Path, "rows");
        var aggregates = Path.Combine(dir.Path, "agg");
        Assert.Equal(0, (await Cli.InvokeAsync("sweep", Cli.SweepFile("us-export-policy.json"), "--out", rows, "--output", "rows", "--backend", "cpu", "--quiet")).ExitCode);
        Assert.Equal(0, (await Cli.InvokeAsync("sweep", Cli.SweepFile("us-export-policy.json"), "--out", aggregates, "--output", "aggregate", "--backend", "cpu", "--quiet")).ExitCode);

        foreach (var (target, where, expected) in new[]
        {
            (aggregates, "share_EU < 0.02", $"error: --where: {aggregates} holds aggregates, not rows"),
            (rows, "shares_EU < 0.02", $"error: --where: no column \"shares_EU\" in {rows} (did you mean share_EU?)"),
            (rows, "share_EU <", "error: --where \"share_EU <\": at character 11: the condition ends where a column or a number was expected"),
        })
        {
            var run = await Cli.InvokeAsync("summarize", target, "--where", where);
            Assert.Equal(2, run.ExitCode);
            Assert.StartsWith(expected, Assert.Single(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries)), StringComparison.Ordinal);
            Assert.Equal(string.Empty, run.Output);
        }
    }
}
