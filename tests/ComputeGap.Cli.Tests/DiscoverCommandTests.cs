using System.Globalization;
using System.Text.Json;
using ComputeGap.IO.Tests;

namespace ComputeGap.Cli.Tests;

/// <summary><c>computegap discover</c> on a run's rows and on tables written by DuckDB, checked by DuckDB.</summary>
public sealed class DiscoverCommandTests
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    private static async Task<string> RunSweepAsync(TempDirectory dir, string name, params string[] extra)
    {
        var outDir = Path.Combine(dir.Path, name);
        var run = await Cli.InvokeAsync(["sweep", Cli.SweepFile("us-export-policy.json"), "--out", outDir, "--output", "rows", "--backend", "cpu", "--quiet", .. extra]);
        Assert.True(run.ExitCode == 0, run.Error);
        return outDir;
    }

    [Fact]
    public async Task The_chosen_box_s_limits_select_in_DuckDB_exactly_the_cases_the_report_counts()
    {
        using var dir = new TempDirectory();
        var outDir = await RunSweepAsync(dir, "rows");
        var glob = Path.Combine(outDir, "*.rows.parquet");
        var median = DuckDb.ToDouble((await DuckDb.QueryAsync(glob, "SELECT quantile_disc(share_EU, 0.3) AS q FROM data"))[0]["q"]);
        var where = "share_EU <= " + median.ToString("R", Invariant);

        var run = await Cli.InvokeAsync("discover", outDir, "--where", where, "--format", "json", "--resamples", "5");
        Assert.True(run.ExitCode == 0, run.Error);
        using var json = JsonDocument.Parse(run.Output);
        var root = json.RootElement;
        Assert.Equal("computegap-discover/1", root.GetProperty("format").GetString());
        Assert.StartsWith("verified:", root.GetProperty("verification").GetString(), StringComparison.Ordinal);

        var counts = (await DuckDb.QueryAsync(glob, $"SELECT count(*) AS n, count(*) FILTER (WHERE {where}) AS k FROM data"))[0];
        Assert.Equal(DuckDb.ToInt64(counts["n"]), root.GetProperty("cases").GetInt64());
        Assert.Equal(DuckDb.ToInt64(counts["k"]), root.GetProperty("cases_of_interest").GetInt64());

        var chosen = root.GetProperty("chosen").GetInt32();
        var box = root.GetProperty("trajectory")[chosen];
        var limits = box.GetProperty("limits").EnumerateObject().ToList();
        Assert.NotEmpty(limits);
        var filter = string.Join(" AND ", limits.Select(l =>
            $"CAST({l.Name} AS FLOAT) BETWEEN CAST({l.Value.GetProperty("min").GetRawText()} AS FLOAT) AND CAST({l.Value.GetProperty("max").GetRawText()} AS FLOAT)"));
        var inBox = (await DuckDb.QueryAsync(glob, $"SELECT count(*) AS n, count(*) FILTER (WHERE {where}) AS k FROM data WHERE {filter}"))[0];
        Assert.Equal(DuckDb.ToInt64(inBox["n"]), box.GetProperty("cases").GetInt64());
        Assert.Equal(DuckDb.ToInt64(inBox["k"]), box.GetProperty("cases_of_interest").GetInt64());
        Assert.Equal((double)DuckDb.ToInt64(inBox["k"]) / DuckDb.ToInt64(inBox["n"]), box.GetProperty("density").GetDouble(), 12);
        foreach (var limit in limits)
        {
            Assert.True(box.GetProperty("quasi_p").GetProperty(limit.Name).GetDouble() is >= 0 and <= 1);
        }

        // The table names the same box, in lines of at most 120 characters.
        var table = await Cli.InvokeAsync("discover", outDir, "--where", where, "--resamples", "5");
        Assert.Equal(0, table.ExitCode);
        Assert.Contains($"box {chosen} (the densest box", table.Output, StringComparison.Ordinal);
        Assert.All(table.Output.Split('\n'), line => Assert.True(line.Length <= 120, line));
    }

    [Fact]
    public async Task Parts_and_chunk_sizes_do_not_change_a_bit_of_the_report()
    {
        using var dir = new TempDirectory();
        var whole = await RunSweepAsync(dir, "whole");
        var parts = await RunSweepAsync(dir, "parts", "--chunk-size", "257");
        Assert.True(Directory.GetFiles(parts, "*.rows.parquet").Length > 5);
        string[] args = ["--where", "share_EU < 0.03 and rival_ratio > 40", "--format", "csv", "--resamples", "4", "--seed", "9"];
        var a = await Cli.InvokeAsync(["discover", whole, .. args]);
        var b = await Cli.InvokeAsync(["discover", parts, .. args]);
        Assert.True(a.ExitCode == 0, a.Error);
        Assert.Equal(0, b.ExitCode);
        static string Stable(string csv) => string.Join('\n', csv.Split('\n').Where(l => !l.StartsWith("summary,source", StringComparison.Ordinal) && !l.StartsWith("summary,verification", StringComparison.Ordinal)));
        Assert.Equal(Stable(a.Output), Stable(b.Output));
        Assert.StartsWith("section,name,key,statistic,value", a.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reads_a_table_DuckDB_wrote_with_spaces_in_column_names()
    {
        using var dir = new TempDirectory();
        var seed = dir.File("seed.parquet");
        await SampleTables.WriteAsync(seed, groups: 1, rowsPerGroup: 4);
        var table = dir.File("foreign table.parquet");

        // Two uniform-looking inputs from integer hashes, a text policy, and a 0/1 outcome that is 1 inside
        // "x one" < 0.5 and "x two" > 0.4 under the "tight" policy (a mass of 1/3 x 0.5 x 0.6 = 0.1, above
        // the minimum mass of 0.05).
        var copy = $"""
            COPY (
              SELECT i AS "run id",
                     ((i * 7919) % 10007) / 10007.0 AS "x one",
                     ((i * 104729) % 10009) / 10009.0 AS "x two",
                     CASE WHEN i % 3 = 0 THEN 'tight' WHEN i % 3 = 1 THEN 'loose' ELSE 'none' END AS "export policy",
                     CASE WHEN ((i * 7919) % 10007) / 10007.0 < 0.5 AND ((i * 104729) % 10009) / 10009.0 > 0.4 AND i % 3 = 0
                          THEN 1 ELSE 0 END AS "Greater than 90%"
              FROM range(30000) t(i)
            ) TO '{table.Replace("'", "''", StringComparison.Ordinal)}' (FORMAT PARQUET)
            """;
        await DuckDb.QueryAsync(seed, copy);

        var run = await Cli.InvokeAsync("discover", table, "--where", "\"Greater than 90%\" = 1", "--inputs", "x one,x two,export policy,run id", "--format", "json");
        Assert.True(run.ExitCode == 0, run.Error);
        using var json = JsonDocument.Parse(run.Output);
        var root = json.RootElement;
        Assert.StartsWith("not verified", root.GetProperty("verification").GetString(), StringComparison.Ordinal);
        var box = root.GetProperty("trajectory")[root.GetProperty("chosen").GetInt32()];
        var limits = box.GetProperty("limits");
        Assert.Equal(["export policy", "x one", "x two"], limits.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Equal(["tight"], limits.GetProperty("export policy").GetProperty("values").EnumerateArray().Select(v => v.GetString()));
        Assert.InRange(limits.GetProperty("x one").GetProperty("max").GetDouble(), 0.48, 0.52);
        Assert.InRange(limits.GetProperty("x two").GetProperty("min").GetDouble(), 0.38, 0.42);

        // Without --inputs: every numeric column the condition does not read.
        var defaults = await Cli.InvokeAsync("discover", table, "--where", "\"Greater than 90%\" = 1", "--format", "json", "--resamples", "0");
        Assert.True(defaults.ExitCode == 0, defaults.Error);
        using var d = JsonDocument.Parse(defaults.Output);
        Assert.Equal(["run id", "x one", "x two"], d.RootElement.GetProperty("inputs").EnumerateArray().Select(i => i.GetProperty("name").GetString()));
    }

    [Theory]
    [InlineData("--where|share_EUU < 0.02", "--where: no column \"share_EUU\" in {dir} (did you mean share_EU?)")]
    [InlineData("--where|share_EU < 0.02 and", "--where \"share_EU < 0.02 and\": at character 20: the condition ends where a column or a number was expected")]
    [InlineData("--where|share_EU < -1", "--where \"share_EU < -1\" holds in no case of the 1,800 in {dir}, so there is nothing to tell apart")]
    [InlineData("--where|share_EU >= 0", "holds in every case")]
    [InlineData("--where|share_EU < 0.02|--inputs|leakge", "--inputs: no column \"leakge\" in {dir} (did you mean leakage?)")]
    [InlineData("--where|share_EU < 0.02|--inputs|horizon_months_x", "--inputs: no column \"horizon_months_x\"")]
    [InlineData("--where|share_EU < 0.02|--mass-min|1.5", "--mass-min 1.5: must be above 0 and below 1")]
    [InlineData("--where|share_EU < 0.02|--peel-alpha|0", "--peel-alpha 0: must be above 0 and below 0.5")]
    [InlineData("--where|share_EU < 0.02|--box|999", "--box 999: the trajectory has boxes 0 to")]
    [InlineData("--where|share_EU < 0.02|--resamples|-1", "--resamples -1: must be 0 or more")]
    public async Task Bad_input_is_one_line_naming_the_field_and_exit_2(string args, string expected)
    {
        using var dir = new TempDirectory();
        var outDir = await RunSweepAsync(dir, "rows");
        var run = await Cli.InvokeAsync(["discover", outDir, .. args.Split('|')]);
        Assert.Equal(2, run.ExitCode);
        var line = Assert.Single(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains(expected.Replace("{dir}", outDir, StringComparison.Ordinal), line, StringComparison.Ordinal);
        Assert.Equal(string.Empty, run.Output);
    }

    [Fact]
    public async Task A_constant_input_an_empty_directory_and_aggregates_are_refused()
    {
        using var dir = new TempDirectory();
        var outDir = await RunSweepAsync(dir, "rows");
        var constant = await Cli.InvokeAsync("discover", outDir, "--where", "share_EU < 0.02", "--inputs", "leakage,ree_lost_h100e");
        Assert.Equal(2, constant.ExitCode);
        Assert.Contains("constant", constant.Error, StringComparison.Ordinal);

        var empty = Path.Combine(dir.Path, "empty");
        Directory.CreateDirectory(empty);
        var none = await Cli.InvokeAsync("discover", empty, "--where", "a < 1");
        Assert.Equal(2, none.ExitCode);
        Assert.Contains("No *.parquet files", none.Error, StringComparison.Ordinal);

        var aggregates = Path.Combine(dir.Path, "agg");
        Assert.Equal(0, (await Cli.InvokeAsync("sweep", Cli.SweepFile("us-export-policy.json"), "--out", aggregates, "--output", "aggregate", "--backend", "cpu", "--quiet")).ExitCode);
        var agg = await Cli.InvokeAsync("discover", aggregates, "--where", "share_EU < 0.05");
        Assert.Equal(2, agg.ExitCode);
        Assert.Contains("holds aggregates, not one row per scenario, and these aggregates keep no bitmap", agg.Error, StringComparison.Ordinal);
    }
}
