using System.Text.Json;

namespace ComputeGap.Cli.Tests;

/// <summary>The model v2 commands as a user runs them: hindcast and levers pass, calibrate reproduces the baseline, bad options fail clearly.</summary>
public sealed class ModelV2CommandTests
{
    [Fact]
    public async Task HindcastPassesEveryHardCriterionAndSaysSoInJson()
    {
        var run = await Cli.InvokeAsync("hindcast", "--format", "json");
        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.Output);
        var criteria = json.RootElement.GetProperty("criteria").EnumerateArray().ToList();
        Assert.Contains(criteria, c => c.GetProperty("id").GetString() == "output_2025" && c.GetProperty("result").GetString() == "pass");
        Assert.DoesNotContain(criteria, c => c.GetProperty("result").GetString() == "FAIL");
        Assert.True(json.RootElement.GetProperty("constraints").GetArrayLength() >= 7);
    }

    [Fact]
    public async Task HindcastCsvIsOneTidyTable()
    {
        var run = await Cli.InvokeAsync("hindcast", "--format", "csv");
        Assert.Equal(0, run.ExitCode);
        var lines = run.Output.TrimEnd().Split('\n');
        Assert.StartsWith("id,sample,observed,model,error,", lines[0], StringComparison.Ordinal);
        Assert.Contains(lines, l => l.StartsWith("price_2025,out,14000,", StringComparison.Ordinal));
    }

    [Fact]
    public async Task LeversHoldAndReportTheUsFirstLaw()
    {
        var run = await Cli.InvokeAsync("levers", "--format", "json");
        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.Output);
        var levers = json.RootElement.GetProperty("levers").EnumerateArray().ToDictionary(l => l.GetProperty("lever").GetString()!);
        Assert.True(levers["us_priority"].GetProperty("focus_share_change").GetDouble() < 0);
        Assert.Equal("ok", levers["us_priority"].GetProperty("check").GetString());
    }

    [Fact]
    public async Task CalibrateReproducesTheShippedBaseline()
    {
        var run = await Cli.InvokeAsync("calibrate", "--format", "json");
        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.Output);
        foreach (var value in json.RootElement.GetProperty("values").EnumerateArray())
        {
            Assert.True(Math.Abs(value.GetProperty("relative_change").GetDouble()) < 1e-4, value.GetProperty("parameter").GetString());
        }
    }

    [Fact]
    public async Task CalibrateWriteWithoutABaselineFileFailsWithOneLine()
    {
        var run = await Cli.InvokeAsync("calibrate", "--write");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--write needs --baseline FILE", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', run.Error.TrimEnd());
    }

    [Fact]
    public async Task CalibrateWriteRewritesACopyOfTheBaseline()
    {
        using var dir = new IO.Tests.TempDirectory();
        var copy = dir.File("b.json");
        var text = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "data", "baseline-v2.json"));
        await File.WriteAllTextAsync(copy, text.Replace("\"value\": 0.9,\n      \"unit\": \"fraction\",\n      \"source\": \"MOFCOM", "\"value\": 0.8,\n      \"unit\": \"fraction\",\n      \"source\": \"MOFCOM", StringComparison.Ordinal));
        var run = await Cli.InvokeAsync("calibrate", "--baseline", copy, "--write", "--format", "csv");
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("wrote", run.Error, StringComparison.Ordinal);
        Assert.NotEqual(text, await File.ReadAllTextAsync(copy));
        Assert.Empty(Directory.GetFiles(dir.Path, "*.tmp-*"));
    }

    [Fact]
    public async Task MissingBaselineFileIsNamed()
    {
        var run = await Cli.InvokeAsync("levers", "--baseline", "/no/such/b.json");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("/no/such/b.json", run.Error, StringComparison.Ordinal);
    }
}

/// <summary>Model v2 through the sweep command: aggregates summarise to what rows do, and DuckDB reads the rows and series.</summary>
public sealed class ModelV2SweepTests
{
    [Fact]
    public async Task AggregatesOfAV2SweepSummariseToWhatItsRowsDo()
    {
        using var dir = new IO.Tests.TempDirectory();
        var sweep = Cli.SweepFile("us-export-policy.json");
        Assert.Equal(0, (await Cli.InvokeAsync("sweep", sweep, "--out", Path.Combine(dir.Path, "rows"), "--output", "rows", "-q")).ExitCode);
        Assert.Equal(0, (await Cli.InvokeAsync("sweep", sweep, "--out", Path.Combine(dir.Path, "agg"), "--output", "aggregate", "-q")).ExitCode);
        var rows = await Summary(Path.Combine(dir.Path, "rows"));
        var agg = await Summary(Path.Combine(dir.Path, "agg"));
        foreach (var outcome in rows.GetProperty("outcomes").EnumerateObject())
        {
            var a = outcome.Value.GetProperty("mean");
            var b = agg.GetProperty("outcomes").GetProperty(outcome.Name).GetProperty("mean");
            if (a.ValueKind == JsonValueKind.Number)
            {
                Assert.True(Math.Abs(a.GetDouble() - b.GetDouble()) <= 1e-9 * Math.Max(1, Math.Abs(a.GetDouble())), outcome.Name);
            }
        }

        foreach (var threshold in rows.GetProperty("thresholds").EnumerateObject())
        {
            Assert.Equal(threshold.Value.GetProperty("probability").GetDouble(), agg.GetProperty("thresholds").GetProperty(threshold.Name).GetProperty("probability").GetDouble(), 9);
        }
    }

    [Fact]
    public async Task DuckDbReadsV2RowsAndTheirSeries()
    {
        using var dir = new IO.Tests.TempDirectory();
        Assert.Equal(0, (await Cli.InvokeAsync("sweep", Cli.SweepFile("two-blocs.json"), "--out", dir.Path, "--output", "rows", "--series", "-q")).ExitCode);
        var rows = Directory.GetFiles(dir.Path, "*.rows.parquet").Single();
        var series = Directory.GetFiles(dir.Path, "*.series.parquet").Single();
        var count = await IO.Tests.DuckDb.QueryAsync(rows, "SELECT count(*) AS n, max(abs(share_US + share_CN + share_EU + share_ALLY + share_ROW - 1)) AS off, min(price_final) AS p FROM data");
        Assert.Equal(486, IO.Tests.DuckDb.ToInt64(count[0]["n"]));
        Assert.True(IO.Tests.DuckDb.ToDouble(count[0]["off"]) < 1e-5);
        Assert.True(IO.Tests.DuckDb.ToDouble(count[0]["p"]) > 0);
        var months = await IO.Tests.DuckDb.QueryAsync(series, "SELECT count(*) AS n, count(DISTINCT month) AS months, max(abs(s - 1)) AS off FROM (SELECT scenario, month, sum(share) AS s, sum(installed) AS i, min(price) AS p FROM data GROUP BY scenario, month)");
        Assert.Equal(486 * 84, IO.Tests.DuckDb.ToInt64(months[0]["n"]));
        Assert.True(IO.Tests.DuckDb.ToDouble(months[0]["off"]) < 1e-5);
    }

    private static async Task<JsonElement> Summary(string dir)
    {
        var run = await Cli.InvokeAsync("summarize", dir, "--format", "json");
        Assert.Equal(0, run.ExitCode);
        return JsonDocument.Parse(run.Output).RootElement.Clone();
    }
}
