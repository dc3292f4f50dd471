using System.Globalization;
using System.Text.Json;
using ComputeGap.IO.Tests;

namespace ComputeGap.Cli.Tests;

/// <summary>The EU rare-earth shock sweep (150 scenarios; the EU reaches its target in some), as rows with the series.</summary>
public sealed class EuReeShockRows : IAsyncLifetime
{
    public const string SweepName = "v1/eu-ree-shock.json";

    public TempDirectory Directory { get; } = new();

    /// <summary><c>summarize DIR --format json</c>.</summary>
    public JsonDocument Summary { get; private set; } = null!;

    public string RowsGlob => Path.Combine(Directory.Path, "*.rows.parquet");

    public string SeriesGlob => Path.Combine(Directory.Path, "*.series.parquet");

    public async Task InitializeAsync()
    {
        var run = await Cli.InvokeAsync("sweep", Cli.SweepFile(SweepName), "--out", Directory.Path, "--output", "rows", "--series", "--backend", "cpu", "-q");
        Assert.True(run.ExitCode == 0, run.Error);
        var summary = await Cli.InvokeAsync("summarize", Directory.Path, "--format", "json");
        Assert.True(summary.ExitCode == 0, summary.Error);
        Summary = JsonDocument.Parse(summary.Output);
    }

    public Task DisposeAsync()
    {
        Summary?.Dispose();
        Directory.Dispose();
        return Task.CompletedTask;
    }
}

/// <summary>
/// Row schema 2 read by DuckDB: month outcomes are NULL for never, so SQL's mean and counts are the tool's;
/// date columns are the start month plus the month index; axis columns equal the decimals the sweep file writes;
/// <c>computegap-meta</c> holds the metadata with typed values.
/// </summary>
public sealed class TidyRowsTests(EuReeShockRows run) : IClassFixture<EuReeShockRows>
{
    private static readonly string[] Months = ["focus_target_month", "ree_depletion_month"];

    [Fact]
    public async Task Avg_of_a_month_outcome_in_DuckDB_is_the_tool_s_mean_and_its_nulls_are_the_never_count()
    {
        foreach (var month in Months)
        {
            var ours = run.Summary.RootElement.GetProperty("outcomes").GetProperty(month);
            var theirs = Assert.Single(await DuckDb.QueryAsync(run.RowsGlob,
                $"SELECT avg({month}) AS mean, count({month}) AS n, count(*) FILTER (WHERE {month} IS NULL) AS never, "
                + $"count(*) FILTER (WHERE {month} < 0) AS negative FROM data"));

            Assert.True(ours.GetProperty("never").GetInt64() > 0, $"{month}: the sweep should have scenarios that never get there");
            Assert.True(ours.GetProperty("count").GetInt64() > 0, $"{month}: the sweep should have scenarios that get there");
            Assert.Equal(ours.GetProperty("never").GetInt64(), DuckDb.ToInt64(theirs["never"]));
            Assert.Equal(ours.GetProperty("count").GetInt64(), DuckDb.ToInt64(theirs["n"]));
            Assert.Equal(0, DuckDb.ToInt64(theirs["negative"]));
            // JSON prints the mean as the shortest round-trip double: the two sums of whole months agree to the last bit but one.
            Assert.Equal(ours.GetProperty("mean").GetDouble(), DuckDb.ToDouble(theirs["mean"]), 1e-12);
        }
    }

    [Fact]
    public async Task Each_date_column_is_the_start_month_plus_the_month_index_and_null_when_never()
    {
        var start = StartMonth();
        foreach (var month in Months)
        {
            var date = month.Replace("_month", "_date", StringComparison.Ordinal);
            var row = Assert.Single(await DuckDb.QueryAsync(run.RowsGlob,
                $"SELECT count(*) FILTER (WHERE {date} = DATE '{start}-01' + to_months({month})) AS same, count({month}) AS n, "
                + $"count(*) FILTER (WHERE ({date} IS NULL) <> ({month} IS NULL)) AS mismatched, any_value(typeof({date})) AS type FROM data"));

            Assert.Equal("DATE", row["type"].GetString());
            Assert.Equal(DuckDb.ToInt64(row["n"]), DuckDb.ToInt64(row["same"]));
            Assert.Equal(0, DuckDb.ToInt64(row["mismatched"]));
        }

        var series = Assert.Single(await DuckDb.QueryAsync(run.SeriesGlob,
            $"SELECT count(*) AS n, count(*) FILTER (WHERE date = DATE '{start}-01' + to_months(month)) AS same, any_value(typeof(date)) AS type FROM data"));
        Assert.Equal("DATE", series["type"].GetString());
        Assert.Equal(DuckDb.ToInt64(series["n"]), DuckDb.ToInt64(series["same"]));
    }

    [Fact]
    public async Task Axis_columns_compare_equal_to_the_decimals_the_sweep_file_writes()
    {
        // The file writes ree_export_quota as [0, 0.26, 1]; 0.26 is not a float32 (0.26f is 0.25999999046…).
        Assert.NotEqual(0.26, (double)0.26f);
        var rows = await DuckDb.QueryAsync(run.RowsGlob,
            "SELECT ree_export_quota AS v, typeof(ree_export_quota) AS type, count(*) AS n FROM data GROUP BY ALL ORDER BY v");

        Assert.Equal([0, 0.26, 1], rows.Select(r => DuckDb.ToDouble(r["v"])));
        Assert.All(rows, r => Assert.Equal("DOUBLE", r["type"].GetString()));
        var selected = Assert.Single(await DuckDb.QueryAsync(run.RowsGlob, "SELECT count(*) AS n FROM data WHERE ree_export_quota = 0.26"));
        Assert.Equal(run.Summary.RootElement.GetProperty("row_count").GetInt64() / 3, DuckDb.ToInt64(selected["n"]));
    }

    [Fact]
    public async Task The_computegap_meta_key_holds_the_string_keys_as_typed_json()
    {
        var pairs = (await DuckDb.QueryAsync(run.RowsGlob, "SELECT DISTINCT decode(key) AS k, decode(value) AS v FROM parquet_kv_metadata({path})"))
            .ToDictionary(r => r["k"].GetString()!, r => r["v"].GetString()!, StringComparer.Ordinal);

        using var meta = JsonDocument.Parse(pairs["computegap-meta"]);
        var root = meta.RootElement;
        Assert.Equal("2", pairs["row_schema"]);
        Assert.Equal(2, root.GetProperty("row_schema").GetInt32());
        Assert.Equal(int.Parse(pairs["horizon_months"], CultureInfo.InvariantCulture), root.GetProperty("horizon_months").GetInt32());
        Assert.Equal(double.Parse(pairs["focus_usage_share"], CultureInfo.InvariantCulture), root.GetProperty("focus_usage_share").GetDouble());
        Assert.Equal(JsonSerializer.Deserialize<string[]>(pairs["regions"]), root.GetProperty("regions").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(JsonSerializer.Deserialize<string[]>(pairs["axes"]), root.GetProperty("axes").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("month", root.GetProperty("outcome_kinds").GetProperty("focus_target_month").GetString());
        Assert.Equal(pairs["start_month"], root.GetProperty("start_month").GetString());
        Assert.Equal(pairs["sweep"], root.GetProperty("sweep").GetString());
        Assert.Equal("rows", root.GetProperty("output").GetString());
        Assert.Equal(pairs.Keys.Where(k => k != "computegap-meta").Order(StringComparer.Ordinal), root.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Discover_counts_a_never_as_no_case_of_a_month_condition_as_SQL_does()
    {
        const string Where = "focus_target_month < 40";
        var discover = await Cli.InvokeAsync("discover", run.Directory.Path, "--where", Where, "--format", "json", "--resamples", "5");
        Assert.True(discover.ExitCode == 0, discover.Error);
        using var json = JsonDocument.Parse(discover.Output);

        var counts = Assert.Single(await DuckDb.QueryAsync(run.RowsGlob, $"SELECT count(*) FILTER (WHERE {Where}) AS k, count(*) FILTER (WHERE focus_target_month IS NULL) AS never FROM data"));
        Assert.True(DuckDb.ToInt64(counts["never"]) > 0);
        Assert.Equal(DuckDb.ToInt64(counts["k"]), json.RootElement.GetProperty("cases_of_interest").GetInt64());
    }

    private string StartMonth() => run.Summary.RootElement.GetProperty("metadata").GetProperty("start_month").GetString()!;
}
