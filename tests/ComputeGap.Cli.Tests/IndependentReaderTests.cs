using System.Globalization;
using System.Text.Json;
using ComputeGap.IO.Tests;
using Xunit.Abstractions;

namespace ComputeGap.Cli.Tests;

/// <summary>
/// The ree-shock sweep (16,170 scenarios), run once as row output (in several parts, with the series)
/// and once as aggregate output, for <see cref="IndependentReaderTests"/>.
/// </summary>
public sealed class ReeShockOutputs : IAsyncLifetime
{
    public const string SweepName = "v1/ree-shock.json";
    public const long Scenarios = 16_170;
    public const int ChunkSize = 4_000;
    public const int Months = 72;
    public const int Regions = 5;

    public static readonly string[] Axes = ["ree_export_quota", "ree_stock_months", "ree_criticality_escalated", "ree_controls_end"];

    public TempDirectory Rows { get; } = new();

    public TempDirectory Aggregates { get; } = new();

    /// <summary><c>summarize ROWS --format json</c>.</summary>
    public JsonDocument RowSummary { get; private set; } = null!;

    /// <summary><c>summarize AGGREGATES --format json</c>.</summary>
    public JsonDocument AggregateSummary { get; private set; } = null!;

    /// <summary>Glob over the row parts only (the series files sit beside them).</summary>
    public string RowsGlob => Path.Combine(Rows.Path, "*.rows.parquet");

    public async Task InitializeAsync()
    {
        var file = Cli.SweepFile(SweepName);
        string[] common = ["--backend", "cpu", "--chunk-size", ChunkSize.ToString(CultureInfo.InvariantCulture), "-q"];
        var rows = await Cli.InvokeAsync(["sweep", file, "--out", Rows.Path, "--output", "rows", "--series", .. common]);
        Assert.True(rows.ExitCode == 0, rows.Error);
        var aggregates = await Cli.InvokeAsync(["sweep", file, "--out", Aggregates.Path, "--output", "aggregate", .. common]);
        Assert.True(aggregates.ExitCode == 0, aggregates.Error);
        RowSummary = await SummarizeAsync(Rows.Path);
        AggregateSummary = await SummarizeAsync(Aggregates.Path);
    }

    public Task DisposeAsync()
    {
        RowSummary?.Dispose();
        AggregateSummary?.Dispose();
        Rows.Dispose();
        Aggregates.Dispose();
        return Task.CompletedTask;
    }

    private static async Task<JsonDocument> SummarizeAsync(string directory)
    {
        var run = await Cli.InvokeAsync("summarize", directory, "--format", "json");
        Assert.True(run.ExitCode == 0, run.Error);
        return JsonDocument.Parse(run.Output);
    }
}

/// <summary>
/// DuckDB, an independent reader, recomputes from the row parts what <c>summarize</c> reports for row
/// output (exactly, up to float64 rounding) and for aggregate output (exact counts, sums, extremes and
/// main effects; quantiles within the sketch's error bound), and reads every aggregate table and the series.
/// </summary>
public sealed class IndependentReaderTests(ReeShockOutputs runs, ITestOutputHelper log) : IClassFixture<ReeShockOutputs>
{
    private static readonly string[] Outcomes = ["share_EU", "share_US", "focus_coverage", "ree_lost_h100e", "global_installed", "supply_slack"];

    private static readonly (string Key, double P)[] Quantiles = [("p5", 0.05), ("p25", 0.25), ("p50", 0.50), ("p75", 0.75), ("p95", 0.95)];

    /// <summary>
    /// The sketch's stated bound is α = 1 % relative for every rank (QuantileSketch.RelativeAccuracy), and an
    /// R-7 interpolation between two ranks of one sign stays within it. The bucket index is computed in float
    /// (MathF.Log times a float 1/ln γ), so a value within float rounding of a bucket edge may land in the
    /// neighbouring bucket and be off by α plus a few parts per million; 1.02 % leaves room for that and nothing more.
    /// </summary>
    private const double SketchTolerance = 0.0102;

    [Fact]
    public async Task RowSummaryMatchesDuckDbOverAllRowParts()
    {
        Assert.True(Directory.GetFiles(runs.Rows.Path, "*.rows.parquet").Length >= 4, "the sweep should be written in several parts");
        var duck = await DuckStatsAsync();
        var summary = runs.RowSummary.RootElement;
        Assert.Equal(ReeShockOutputs.Scenarios, summary.GetProperty("row_count").GetInt64());
        Assert.Equal("rows", summary.GetProperty("metadata").GetProperty("output").GetString());
        foreach (var outcome in Outcomes)
        {
            var ours = summary.GetProperty("outcomes").GetProperty(outcome);
            var theirs = duck[outcome];
            Assert.Equal(ReeShockOutputs.Scenarios, theirs.Count);
            Assert.Equal(theirs.Count, ours.GetProperty("count").GetInt64());
            AssertRelative(theirs.Mean, ours.GetProperty("mean").GetDouble(), 1e-9, $"{outcome} mean");
            Assert.Equal(theirs.Min, ours.GetProperty("min").GetDouble());
            Assert.Equal(theirs.Max, ours.GetProperty("max").GetDouble());
            foreach (var (key, _) in Quantiles)
            {
                AssertRelative(theirs.Quantiles[key], ours.GetProperty(key).GetDouble(), 1e-6, $"{outcome} {key}");
            }
        }

        await AssertMainEffectsAsync(summary);
    }

    [Fact]
    public async Task AggregateSummaryMatchesDuckDbOverTheRowsWithinTheSketchBound()
    {
        var duck = await DuckStatsAsync();
        var summary = runs.AggregateSummary.RootElement;
        Assert.Equal(ReeShockOutputs.Scenarios, summary.GetProperty("row_count").GetInt64());
        Assert.Equal("aggregate", summary.GetProperty("metadata").GetProperty("output").GetString());
        var worst = (Deviation: 0.0, Where: "none");
        foreach (var outcome in Outcomes)
        {
            var ours = summary.GetProperty("outcomes").GetProperty(outcome);
            var theirs = duck[outcome];
            Assert.Equal(theirs.Count, ours.GetProperty("count").GetInt64());
            Assert.Equal(0, ours.GetProperty("non_finite").GetInt64());

            // Exact sums over float values: the mean differs from DuckDB's float64 running sum by its rounding only.
            AssertRelative(theirs.Mean, ours.GetProperty("mean").GetDouble(), 1e-9, $"{outcome} mean");
            Assert.Equal(theirs.Min, ours.GetProperty("min").GetDouble());
            Assert.Equal(theirs.Max, ours.GetProperty("max").GetDouble());
            foreach (var (key, _) in Quantiles)
            {
                var exact = theirs.Quantiles[key];
                var sketched = ours.GetProperty(key).GetDouble();
                var deviation = Relative(exact, sketched);
                log.WriteLine($"{outcome,-18} {key,-3} duckdb {exact,22:R} sketch {sketched,22:R} relative deviation {deviation:P4}");
                if (deviation > worst.Deviation)
                {
                    worst = (deviation, $"{outcome} {key}");
                }

                Assert.True(deviation <= SketchTolerance,
                    $"{outcome} {key}: sketch {sketched:R} vs DuckDB quantile_cont {exact:R}, {deviation:P4} off (bound {SketchTolerance:P2})");
            }
        }

        log.WriteLine($"largest quantile deviation of the sketch: {worst.Deviation:P4} ({worst.Where})");
        await AssertMainEffectsAsync(summary);
    }

    [Fact]
    public async Task DuckDbReadsEveryAggregateTableAndTheSeriesWithTheirMetadata()
    {
        var sweepText = await File.ReadAllTextAsync(Cli.SweepFile(ReeShockOutputs.SweepName));
        var dir = runs.Aggregates.Path;
        var expected = new Dictionary<string, string[]>(StringComparer.Ordinal)
        {
            ["outcomes"] = ["outcome", "count", "non_finite", "never", "sum", "mean", "min", "max", "p5", "p25", "p50", "p75", "p95", "finite", "finite_sum", "finite_min", "finite_max"],
            ["sketch"] = ["outcome", "slot", "count"],
            ["effects"] = ["axis", "level", "value", "outcome", "count", "finite", "sum", "mean", "sum_exact"],
            ["thresholds"] = ["name", "outcome", "comparison", "bound", "from", "count", "total"],
            ["extremes"] = ["kind", "rank", "scenario", "focus_share", .. ReeShockOutputs.Axes],
        };
        foreach (var (table, columns) in expected)
        {
            var glob = Path.Combine(dir, $"*.agg-{table}.parquet");
            Assert.NotEmpty(Directory.GetFiles(dir, $"*.agg-{table}.parquet"));
            Assert.True(await CountAsync(glob) > 0, $"agg-{table} is empty");
            Assert.Equal(columns, await ColumnsAsync(glob));
            await AssertMetadataAsync(glob, sweepText, "aggregate");
        }

        // What the tables hold, read by DuckDB alone: every outcome's sketch counts every scenario, every
        // axis's effect counts partition the scenarios, thresholds count out of all, and the best and worst
        // focus shares are the extremes of share_EU over the rows.
        var outcomeCount = runs.RowSummary.RootElement.GetProperty("outcomes").EnumerateObject().Count();
        var sketch = await DuckDb.QueryAsync(Path.Combine(dir, "*.agg-sketch.parquet"), "SELECT outcome, sum(count) AS n FROM data GROUP BY outcome");
        Assert.Equal(outcomeCount, sketch.Count);
        Assert.All(sketch, r => Assert.Equal(ReeShockOutputs.Scenarios, DuckDb.ToInt64(r["n"])));
        var effects = await DuckDb.QueryAsync(Path.Combine(dir, "*.agg-effects.parquet"), "SELECT axis, outcome, sum(count) AS n FROM data GROUP BY ALL");
        Assert.Equal(ReeShockOutputs.Axes.Length * outcomeCount, effects.Count);
        Assert.All(effects, r => Assert.Equal(ReeShockOutputs.Scenarios, DuckDb.ToInt64(r["n"])));
        var thresholds = await DuckDb.QueryAsync(Path.Combine(dir, "*.agg-thresholds.parquet"), "SELECT min(total) AS lo, max(total) AS hi, max(count) AS most FROM data");
        Assert.Equal(ReeShockOutputs.Scenarios, DuckDb.ToInt64(thresholds[0]["lo"]));
        Assert.Equal(ReeShockOutputs.Scenarios, DuckDb.ToInt64(thresholds[0]["hi"]));
        Assert.True(DuckDb.ToInt64(thresholds[0]["most"]) <= ReeShockOutputs.Scenarios);
        var extremes = (await DuckDb.QueryAsync(Path.Combine(dir, "*.agg-extremes.parquet"),
            "SELECT max(focus_share) FILTER (kind = 'best') AS best, min(focus_share) FILTER (kind = 'worst') AS worst FROM data")).Single();
        var shares = (await DuckDb.QueryAsync(runs.RowsGlob, "SELECT max(share_EU)::DOUBLE AS best, min(share_EU)::DOUBLE AS worst FROM data")).Single();
        Assert.Equal(DuckDb.ToDouble(shares["best"]), DuckDb.ToDouble(extremes["best"]));
        Assert.Equal(DuckDb.ToDouble(shares["worst"]), DuckDb.ToDouble(extremes["worst"]));

        // The series (long form) beside the row parts.
        var series = Path.Combine(runs.Rows.Path, "*.series.parquet");
        Assert.Equal(Directory.GetFiles(runs.Rows.Path, "*.rows.parquet").Length, Directory.GetFiles(runs.Rows.Path, "*.series.parquet").Length);
        Assert.Equal(ReeShockOutputs.Scenarios * ReeShockOutputs.Months * ReeShockOutputs.Regions, await CountAsync(series));
        Assert.Equal(["scenario", "month", "date", "region", "share"], await ColumnsAsync(series));
        await AssertMetadataAsync(series, sweepText, "rows");
        await AssertMetadataAsync(runs.RowsGlob, sweepText, "rows");
    }

    private async Task<Dictionary<string, DuckStats>> DuckStatsAsync()
    {
        var select = new List<string>();
        for (var i = 0; i < Outcomes.Length; i++)
        {
            var o = Outcomes[i];
            select.Add($"count({o}) AS c{i}_n");
            select.Add($"avg({o}::DOUBLE) AS c{i}_mean");
            select.Add($"min({o})::DOUBLE AS c{i}_min");
            select.Add($"max({o})::DOUBLE AS c{i}_max");
            select.AddRange(Quantiles.Select(q => $"quantile_cont({o}::DOUBLE, {q.P.ToString(CultureInfo.InvariantCulture)}) AS c{i}_{q.Key}"));
        }

        var row = (await DuckDb.QueryAsync(runs.RowsGlob, $"SELECT {string.Join(", ", select)} FROM data")).Single();
        return Outcomes.Select((o, i) => (o, new DuckStats(
                DuckDb.ToInt64(row[$"c{i}_n"]),
                DuckDb.ToDouble(row[$"c{i}_mean"]),
                DuckDb.ToDouble(row[$"c{i}_min"]),
                DuckDb.ToDouble(row[$"c{i}_max"]),
                Quantiles.ToDictionary(q => q.Key, q => DuckDb.ToDouble(row[$"c{i}_{q.Key}"]), StringComparer.Ordinal))))
            .ToDictionary(p => p.o, p => p.Item2, StringComparer.Ordinal);
    }

    /// <summary>The summary's main effects (mean share_EU per axis value) against DuckDB's GROUP BY over the rows.</summary>
    private async Task AssertMainEffectsAsync(JsonElement summary)
    {
        Assert.Equal("share_EU", summary.GetProperty("main_effects_outcome").GetString());
        var sql = string.Join(" UNION ALL ", ReeShockOutputs.Axes.Select(a =>
            $"SELECT '{a}' AS axis, {a}::DOUBLE AS v, avg(share_EU::DOUBLE) AS m, count(*) AS n FROM data GROUP BY ALL"));
        var duck = (await DuckDb.QueryAsync(runs.RowsGlob, sql))
            .GroupBy(r => r["axis"].GetString()!)
            .ToDictionary(g => g.Key, g => g.ToDictionary(r => (float)DuckDb.ToDouble(r["v"]), r => (Mean: DuckDb.ToDouble(r["m"]), Count: DuckDb.ToInt64(r["n"]))));
        var effects = summary.GetProperty("main_effects").EnumerateArray().ToArray();
        Assert.Equal(ReeShockOutputs.Axes.Order(StringComparer.Ordinal), effects.Select(e => e.GetProperty("axis").GetString()!).Order(StringComparer.Ordinal));
        var largest = 0.0;
        foreach (var effect in effects)
        {
            var axis = effect.GetProperty("axis").GetString()!;
            var levels = effect.GetProperty("levels").EnumerateArray().ToArray();
            Assert.Equal(duck[axis].Count, levels.Length);
            foreach (var level in levels)
            {
                var value = (float)level.GetProperty("value").GetDouble();
                Assert.True(duck[axis].TryGetValue(value, out var theirs), $"{axis} = {value} is not a value DuckDB groups by");
                Assert.Equal(theirs.Count, level.GetProperty("count").GetInt64());
                var mean = level.GetProperty("mean").GetDouble();
                largest = Math.Max(largest, Relative(theirs.Mean, mean));
                AssertRelative(theirs.Mean, mean, 1e-9, $"main effect {axis} = {value}");
            }
        }

        log.WriteLine($"largest relative main-effect difference from DuckDB: {largest:E2}");
    }

    private static async Task AssertMetadataAsync(string glob, string sweepText, string output)
    {
        var rows = await DuckDb.QueryAsync(glob, "SELECT file_name AS f, decode(key) AS k, decode(value) AS v FROM parquet_kv_metadata({path})");
        var files = rows.GroupBy(r => r["f"].GetString()!).ToArray();
        Assert.Equal(Directory.GetFiles(Path.GetDirectoryName(glob)!, Path.GetFileName(glob)).Length, files.Length);
        foreach (var file in files)
        {
            var kv = file.ToDictionary(r => r["k"].GetString()!, r => r["v"].GetString()!, StringComparer.Ordinal);
            Assert.Equal("1", kv["model_version"]);
            Assert.Equal(sweepText, kv["sweep"]);
            Assert.Equal(output, kv["output"]);
        }
    }

    private static async Task<long> CountAsync(string glob) =>
        DuckDb.ToInt64((await DuckDb.QueryAsync(glob, "SELECT count(*) AS n FROM data")).Single()["n"]);

    private static async Task<string[]> ColumnsAsync(string glob) =>
        [.. (await DuckDb.QueryAsync(glob, "DESCRIBE data")).Select(r => r["column_name"].GetString()!)];

    /// <summary>|actual − expected| / |expected| (0 when equal, ∞ when only the expected value is 0).</summary>
    private static double Relative(double expected, double actual) =>
        expected == actual ? 0 : Math.Abs(actual - expected) / Math.Abs(expected);

    private static void AssertRelative(double expected, double actual, double tolerance, string what) =>
        Assert.True(Relative(expected, actual) <= tolerance,
            $"{what}: expected {expected:R}, got {actual:R} (relative difference {Relative(expected, actual):E2} > {tolerance:E0})");

    private sealed record DuckStats(long Count, double Mean, double Min, double Max, IReadOnlyDictionary<string, double> Quantiles);
}
