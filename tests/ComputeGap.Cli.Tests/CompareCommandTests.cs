using System.Text.Json;
using ComputeGap.IO.Tests;

namespace ComputeGap.Cli.Tests;

/// <summary>
/// Policy comparisons from aggregates (<c>sweep --output aggregate</c> of a sampled design with levers,
/// run in future order): what the rows give, exact where the rows' numbers are sums, counts and
/// thresholds, within the sketch's 1 % for quantiles; shards that merge to the whole; and
/// <c>--compare</c> refused with one line where it cannot apply.
/// </summary>
public sealed class CompareCommandTests
{
    private const string Design = """
        { "name": "policies", "model": "v2",
          "design": { "kind": "monte_carlo", "samples": 8192, "seed": 11 },
          "uncertain": [
            { "param": "ree_export_quota", "uniform": { "from": 0, "to": 1 } },
            { "param": "fab_capacity_growth", "triangular": { "min": 1.5, "mode": 2.85, "max": 4 } },
            { "param": "capex0[EU]", "log_uniform": { "from": 1e8, "to": 2e9 } } ],
          "levers": [ { "param": "us_priority", "values": [0, 1] }, { "param": "diffusion_rule", "values": [0, 1] } ] }
        """;

    /// <summary>Ishigami's three inputs, uniform on [−π, π].</summary>
    private const string IshigamiInputs = """
        "uncertain": [ { "param": "x1", "uniform": { "from": -3.14159, "to": 3.14159 } },
                       { "param": "x2", "uniform": { "from": -3.14159, "to": 3.14159 } },
                       { "param": "x3", "uniform": { "from": -3.14159, "to": 3.14159 } } ]
        """;

    /// <summary>
    /// 8,192 futures run window by window; 5,000, not a whole number of blocks, run in one window in scenario
    /// order, where chunks of 4,096 cross from one combination into the next.
    /// </summary>
    [Theory]
    [InlineData("8192")]
    [InlineData("5000")]
    public async Task Aggregates_compare_the_policies_as_the_rows_do(string samples)
    {
        using var directory = new TempDirectory();
        var (_, rows, aggregates) = await Cli.RowsAndAggregatesAsync(directory.Path, "policies", Design.Replace("8192", samples, StringComparison.Ordinal), "--chunk-size", "4096", "--compare", "installed_EU");
        foreach (var query in new[] { new[] { "--outcome", "share_EU" }, ["--outcome", "installed_EU", "--lower-is-better"], ["--outcome", "share_US"] })
        {
            var fromRows = await Policies(rows, query);
            var fromAggregates = await Policies(aggregates, query);
            Assert.Equal(fromRows.GetProperty("futures").GetInt64(), fromAggregates.GetProperty("futures").GetInt64());
            Assert.Equal(fromRows.GetProperty("better").GetString(), fromAggregates.GetProperty("better").GetString());
            var expected = fromRows.GetProperty("combinations").EnumerateArray().ToArray();
            var actual = fromAggregates.GetProperty("combinations").EnumerateArray().ToArray();
            Assert.Equal(4, expected.Length);
            Assert.Equal(4, actual.Length);
            foreach (var (e, a) in expected.Zip(actual))
            {
                Assert.Equal(e.GetProperty("levers").ToString(), a.GetProperty("levers").ToString());
                Close(e, a, "mean", 1e-9);
                Close(e, a, "regret_mean", 1e-9);
                Close(e, a, "best_share", 0);
                foreach (var q in new[] { "p5", "p50", "p95", "regret_p50", "regret_p90" })
                {
                    Close(e, a, q, 0.02);
                }

                foreach (var threshold in e.GetProperty("thresholds").EnumerateObject())
                {
                    Assert.Equal(threshold.Value.GetDouble(), a.GetProperty("thresholds").GetProperty(threshold.Name).GetDouble());
                }
            }
        }

        // DuckDB, reading the rows and the agg-policy table on its own, finds the same regret and best counts.
        var fromSql = await DuckDb.QueryAsync(Path.Combine(rows, "*.rows.parquet"), $"""
            WITH r AS (SELECT scenario % {samples} AS e, scenario // {samples} AS c, share_EU::DOUBLE AS y FROM data),
                 b AS (SELECT e, max(y) AS best FROM r GROUP BY e)
            SELECT c, avg(best - y) AS regret, sum(CASE WHEN y = best THEN 1 ELSE 0 END) AS best_n FROM r JOIN b USING (e) GROUP BY c ORDER BY c
            """);
        var fromTable = await DuckDb.QueryAsync(Path.Combine(aggregates, "*.agg-policy.parquet"), """
            SELECT combination AS c,
                   max(CASE WHEN kind = 'regret_higher' THEN value / count END) AS regret,
                   max(CASE WHEN kind = 'best_higher' THEN count END) AS best_n
            FROM data WHERE outcome = 'share_EU' AND slot = -1 GROUP BY combination ORDER BY combination
            """);
        Assert.Equal(4, fromSql.Count);
        foreach (var (sql, table) in fromSql.Zip(fromTable))
        {
            Assert.Equal(DuckDb.ToInt64(sql["c"]), DuckDb.ToInt64(table["c"]));
            Assert.Equal(DuckDb.ToDouble(sql["regret"]), DuckDb.ToDouble(table["regret"]), 1e-12);
            Assert.Equal(DuckDb.ToInt64(sql["best_n"]), DuckDb.ToInt64(table["best_n"]));
        }

        // The best and worst scenarios carry their uncertain values, decoded from their numbers as the rows hold them.
        var extremes = new List<string>();
        foreach (var run in new[] { rows, aggregates })
        {
            var json = JsonDocument.Parse((await Cli.InvokeAsync("summarize", run, "--format", "json")).Output).RootElement.GetProperty("extremes");
            Assert.Contains("capex0_EU", json.ToString(), StringComparison.Ordinal);
            extremes.Add(json.ToString());
        }

        Assert.Equal(extremes[0], extremes[1]);

        // plot draws the comparison from the aggregates: the outcome under each policy, and the regret.
        var pictures = Path.Combine(directory.Path, "plots");
        var plot = await Cli.InvokeAsync("plot", aggregates, "--out", pictures, "--outcome", "installed_EU", "--lower-is-better");
        Assert.Equal(0, plot.ExitCode);
        Assert.True(File.Exists(Path.Combine(pictures, "policies.png")) && File.Exists(Path.Combine(pictures, "regret.png")), plot.Output);

        // An outcome not compared: none, and the report says how to get it.
        var other = await Cli.InvokeAsync("summarize", aggregates, "--outcome", "price_final");
        Assert.Contains("run the sweep with --compare price_final", other.Output.Replace("\n  ", " ", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Shards_of_whole_windows_merge_to_the_comparison_of_the_whole_run()
    {
        // Four policies of 2^20 futures: two windows of 2^19 futures each (2^21 scenarios).
        const string sweep = $$"""
            { "name": "ishigami-policies", "model": "ishigami",
              "design": { "kind": "monte_carlo", "samples": 1048576, "seed": 5 },
              {{IshigamiInputs}},
              "levers": [ { "param": "a", "values": [7, 5, 3, 1] } ] }
            """;
        using var directory = new TempDirectory();
        var file = Path.Combine(directory.Path, "ishigami-policies.json");
        await File.WriteAllTextAsync(file, sweep);
        var whole = Path.Combine(directory.Path, "whole");
        var shards = Path.Combine(directory.Path, "shards");
        Assert.Equal(0, (await Cli.InvokeAsync("sweep", file, "--out", whole, "--backend", "cpu", "--output", "aggregate", "-q")).ExitCode);
        foreach (var shard in new[] { "0/2", "1/2" })
        {
            Assert.Equal(0, (await Cli.InvokeAsync("sweep", file, "--out", shards, "--backend", "cpu", "--output", "aggregate", "--shard", shard, "-q")).ExitCode);
        }

        var manifest = Directory.GetFiles(shards, "*.manifest.json").Select(File.ReadAllText).ToArray();
        Assert.Equal(2, manifest.Length);
        Assert.All(manifest, m => Assert.Contains("\"order\": \"futures/524288\"", m, StringComparison.Ordinal));
        var a = await Policies(whole, ["--outcome", "y"]);
        var b = await Policies(shards, ["--outcome", "y"]);

        // y_7 − y_a = (7 − a) sin² x2 in every future, and E[sin² x2] = 1/2: the regret of a is (7 − a)/2 on average.
        foreach (var policy in a.GetProperty("combinations").EnumerateArray())
        {
            var lever = policy.GetProperty("levers").GetProperty("a").GetDouble();
            Assert.Equal((7 - lever) / 2, policy.GetProperty("regret_mean").GetDouble(), 0.01);
            Assert.True(lever == 7 ? policy.GetProperty("best_share").GetDouble() > 0.999 : policy.GetProperty("best_share").GetDouble() < 0.001);
        }

        Assert.Equal(a.ToString(), b.ToString());
    }

    /// <summary>
    /// Shards that compared different outcomes merge to no comparison, and the report says why; a run resumed
    /// with another <c>--compare</c> starts afresh rather than mix them.
    /// </summary>
    [Fact]
    public async Task Parts_that_compared_different_outcomes_are_not_mixed()
    {
        using var directory = new TempDirectory();
        var sweep = Path.Combine(directory.Path, "policies.json");
        await File.WriteAllTextAsync(sweep, Design
            .Replace("\"model\": \"v2\",", "\"model\": \"v2\", \"horizon_months\": 24,", StringComparison.Ordinal)
            .Replace("8192", "1048576", StringComparison.Ordinal));
        var shards = Path.Combine(directory.Path, "shards");
        string[] args = ["--out", shards, "--backend", "cpu", "--output", "aggregate", "-q"];
        Assert.Equal(0, (await Cli.InvokeAsync(["sweep", sweep, .. args, "--shard", "0/2", "--compare", "installed_EU"])).ExitCode);
        Assert.Equal(0, (await Cli.InvokeAsync(["sweep", sweep, .. args, "--shard", "1/2"])).ExitCode);
        var summary = await Cli.InvokeAsync("summarize", shards);
        Assert.Contains("compared share_US, share_CN, share_EU, share_ALLY, share_ROW, installed_EU were merged with parts that compared share_US",
            summary.Output.Replace("\n  ", " ", StringComparison.Ordinal), StringComparison.Ordinal);

        var resumed = await Cli.InvokeAsync(["sweep", sweep, .. args[..^1], "--shard", "1/2", "--compare", "installed_EU", "--resume"]);
        Assert.Equal(0, resumed.ExitCode);
        Assert.Contains("compared the policies on share_US,share_CN,share_EU,share_ALLY,share_ROW, this one on share_US,share_CN,share_EU,share_ALLY,share_ROW,installed_EU; starting afresh", resumed.Error + resumed.Output, StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Object, (await Policies(shards, ["--outcome", "installed_EU"])).ValueKind);
    }

    [Theory]
    [InlineData("design", "aggregate", "instaled_EU", "did you mean installed_EU?")]
    [InlineData("design", "rows", "installed_EU", "--compare keeps a policy comparison beside aggregates")]
    [InlineData("design", "aggregate", " , ", "give one or more outcomes")]
    [InlineData("grid", "aggregate", "installed_EU", "this sweep has no policies to compare")]
    [InlineData("uneven", "aggregate", "installed_EU", "not a whole number of 4,096-scenario units (blocks and sensitivity units), which only a run not cut into shards compares")]
    public async Task Bad_compare_options_are_refused_with_one_line_and_nothing_written(string sweep, string output, string names, string message)
    {
        using var directory = new TempDirectory();
        var outDir = Path.Combine(directory.Path, "out");
        var file = Path.Combine(directory.Path, "sweep.json");
        await File.WriteAllTextAsync(file, sweep == "uneven" ? Design.Replace("8192", "1000", StringComparison.Ordinal) : Design);
        var args = sweep == "grid" ? new List<string> { "sweep" } : ["sweep", file];
        args.AddRange(["--out", outDir, "--backend", "cpu", "--output", output, "--compare", names, "-q"]);
        if (sweep == "uneven")
        {
            args.AddRange(["--shard", "0/2"]);
        }

        var run = await Cli.InvokeAsync([.. args]);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains(message, run.Error, StringComparison.Ordinal);
        Assert.Single(run.Error.Trim().Split('\n'));
        Assert.False(Directory.Exists(outDir) && Directory.EnumerateFileSystemEntries(outDir).Any());
    }

    [Fact]
    public async Task Aggregates_of_more_than_64_lever_combinations_compare_them_as_the_rows_do()
    {
        // 9 × 8 = 72 Ishigami policies on the same 4,096 futures, windows of whole blocks within 2^21 scenarios.
        const string Many = $$"""
            { "name": "many", "model": "ishigami",
              "design": { "kind": "lhs", "samples": 4096, "seed": 2 },
              {{IshigamiInputs}},
              "levers": [ { "param": "a", "values": [1, 2, 3, 4, 5, 6, 7, 8, 9] },
                          { "param": "b", "values": [0, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35] } ],
              "thresholds": [ { "outcome": "y", "at_least": 3.5 } ] }
            """;
        using var directory = new TempDirectory();
        var (_, rows, aggregates) = await Cli.RowsAndAggregatesAsync(directory.Path, "many", Many);
        var fromRows = await Policies(rows, ["--outcome", "y"]);
        var fromAggregates = await Policies(aggregates, ["--outcome", "y"]);
        Assert.Equal(4096, fromAggregates.GetProperty("futures").GetInt64());
        var expected = fromRows.GetProperty("combinations").EnumerateArray().ToArray();
        var actual = fromAggregates.GetProperty("combinations").EnumerateArray().ToArray();
        Assert.Equal(72, actual.Length);
        foreach (var (e, a) in expected.Zip(actual))
        {
            Assert.Equal(e.GetProperty("levers").ToString(), a.GetProperty("levers").ToString());
            Close(e, a, "mean", 1e-9);
            Close(e, a, "regret_mean", 1e-9);
            Close(e, a, "best_share", 0);
            Assert.Equal(e.GetProperty("thresholds").GetProperty("y_at_least_3.5").GetDouble(), a.GetProperty("thresholds").GetProperty("y_at_least_3.5").GetDouble());
        }

        // The best policy differs from future to future, so the regret says something.
        Assert.True(actual.Count(a => a.GetProperty("best_share").GetDouble() > 0) > 1);
    }

    [Fact]
    public async Task Shards_of_an_ensemble_of_uneven_futures_run_and_say_at_once_and_in_the_summary_why_they_compare_no_policies()
    {
        using var directory = new TempDirectory();
        var outDir = Path.Combine(directory.Path, "out");
        var file = Path.Combine(directory.Path, "sweep.json");
        await File.WriteAllTextAsync(file, Design.Replace("8192", "5000", StringComparison.Ordinal));
        var run = await Cli.InvokeAsync("sweep", file, "--out", outDir, "--backend", "cpu", "--output", "aggregate", "--shard", "0/2");
        Assert.Equal(0, run.ExitCode);
        Assert.Equal(0, (await Cli.InvokeAsync("sweep", file, "--out", outDir, "--backend", "cpu", "--output", "aggregate", "--shard", "1/2", "-q")).ExitCode);
        const string Why = "its 5,000 futures are not a whole number of 4,096-scenario units (blocks and sensitivity units), which only a run not cut into shards compares, in one window; \"samples\": 8192 gives whole units (8,192 futures)";
        Assert.Contains($"policies: these aggregates will not compare the lever combinations: {Why}; rows compare any design (--output rows)", run.Error, StringComparison.Ordinal);

        // The merged shards hold no comparison; summarize, which does not know how the run was cut, names the cases.
        var summary = await Cli.InvokeAsync("summarize", outDir);
        Assert.Equal(0, summary.ExitCode);
        Assert.Contains("they were run in scenario order (shards of an ensemble that is not a whole number of blocks and sensitivity units", summary.Output.Replace("\n  ", " ", StringComparison.Ordinal), StringComparison.Ordinal);

        // The same ensemble not cut into shards compares its policies, in one window, and says nothing of the kind.
        var whole = await Cli.InvokeAsync("sweep", file, "--out", Path.Combine(directory.Path, "whole"), "--backend", "cpu", "--output", "aggregate");
        Assert.Equal(0, whole.ExitCode);
        Assert.DoesNotContain("policies:", whole.Error, StringComparison.Ordinal);
        Assert.Equal(5000, (await Policies(Path.Combine(directory.Path, "whole"), ["--outcome", "share_EU"])).GetProperty("futures").GetInt64());

        // Both shards held scenarios (20,000 in whole blocks: 12,288 and 7,712), so the merged report counts them all.
        using var merged = JsonDocument.Parse((await Cli.InvokeAsync("summarize", outDir, "--format", "json")).Output);
        Assert.Equal(20_000, merged.RootElement.GetProperty("row_count").GetInt64());

        // The design that divides into whole blocks says nothing of the kind.
        var evenFile = Path.Combine(directory.Path, "even.json");
        await File.WriteAllTextAsync(evenFile, Design);
        var even = await Cli.InvokeAsync("sweep", evenFile, "--out", Path.Combine(directory.Path, "even"), "--backend", "cpu", "--output", "aggregate");
        Assert.Equal(0, even.ExitCode);
        Assert.DoesNotContain("policies:", even.Error, StringComparison.Ordinal);
    }

    private static async Task<JsonElement> Policies(string run, string[] query)
    {
        var summary = await Cli.InvokeAsync(["summarize", run, "--format", "json", .. query]);
        Assert.Equal(0, summary.ExitCode);
        var policies = JsonDocument.Parse(summary.Output).RootElement.GetProperty("policies").Clone();
        Assert.Equal(JsonValueKind.Object, policies.ValueKind);
        return policies;
    }

    private static void Close(JsonElement expected, JsonElement actual, string name, double relative)
    {
        var (x, y) = (expected.GetProperty(name).GetDouble(), actual.GetProperty(name).GetDouble());
        Assert.True(Math.Abs(x - y) <= relative * Math.Abs(x) + 1e-15, $"{name}: rows {x}, aggregates {y}");
    }
}
