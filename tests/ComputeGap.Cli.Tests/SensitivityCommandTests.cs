using System.Text.Json;
using ComputeGap.IO.Tests;

namespace ComputeGap.Cli.Tests;

/// <summary>Sampled designs as a user runs them: the shipped test-function sweeps report their known indices, shards change nothing, a mistyped outcome is named.</summary>
public sealed class SensitivityCommandTests
{
    [Fact]
    public async Task TheIshigamiSweepReportsItsAnalyticSobolIndicesInJson()
    {
        using var dir = new TempDirectory();
        var run = await Cli.InvokeAsync("sweep", Cli.SweepFile("designs/ishigami-sobol.json"), "--out", dir.Path, "--backend", "cpu", "--format", "json");
        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.Output);
        var sensitivity = json.RootElement.GetProperty("sensitivity");
        Assert.Equal("sobol", sensitivity.GetProperty("method").GetString());
        var y = sensitivity.GetProperty("outcomes").GetProperty("y");

        // Analytic values for a = 7, b = 0.1 (derived in the engine tests).
        Assert.Equal(0.3139, y.GetProperty("x1").GetProperty("S1").GetDouble(), 0.02);
        Assert.Equal(0.4424, y.GetProperty("x2").GetProperty("S1").GetDouble(), 0.02);
        Assert.Equal(0.2437, y.GetProperty("x3").GetProperty("ST").GetDouble(), 0.02);
        Assert.True(y.GetProperty("x1").GetProperty("ST_conf").GetDouble() > 0);
        Assert.Equal(0.2437, sensitivity.GetProperty("second_order").GetProperty("y").GetProperty("x1|x3").GetProperty("S2").GetDouble(), 0.05);

        // The file says how its half-widths were made: 32 batches of the 2^13 base samples.
        var confidence = sensitivity.GetProperty("confidence");
        Assert.Equal(0.95, confidence.GetProperty("level").GetDouble());
        Assert.Equal("batch_means", confidence.GetProperty("method").GetString());
        Assert.Equal(32, confidence.GetProperty("batches").GetInt32());
    }

    [Fact]
    public async Task MorrisScreeningRanksSobolGInputsByTheirCoefficients()
    {
        using var dir = new TempDirectory();
        var run = await Cli.InvokeAsync("sweep", Cli.SweepFile("designs/sobol-g-morris.json"), "--out", dir.Path, "--backend", "cpu", "--format", "json");
        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.Output);
        var sensitivity = json.RootElement.GetProperty("sensitivity");
        Assert.Equal("morris", sensitivity.GetProperty("method").GetString());
        var y = sensitivity.GetProperty("outcomes").GetProperty("y");
        var muStar = Enumerable.Range(1, 8).Select(i => y.GetProperty($"x{i}").GetProperty("mu_star").GetDouble()).ToArray();
        Assert.True(muStar[0] > muStar[1] && muStar[1] > muStar[2] && muStar[2] > muStar[3] && muStar[3] > muStar[4..].Max(), string.Join(", ", muStar));
        Assert.Equal("t_interval", sensitivity.GetProperty("confidence").GetProperty("method").GetString());
        Assert.False(sensitivity.GetProperty("confidence").TryGetProperty("batches", out _));
    }

    [Fact]
    public async Task ShardsOfASaltelliDesignGiveTheSameIndicesAsOneRun()
    {
        using var whole = new TempDirectory();
        using var parts = new TempDirectory();
        var file = Cli.SweepFile("designs/ishigami-sobol.json");
        Assert.Equal(0, (await Cli.InvokeAsync("sweep", file, "--out", whole.Path, "--backend", "cpu", "-q")).ExitCode);
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(0, (await Cli.InvokeAsync("sweep", file, "--out", parts.Path, "--backend", "cpu", "--shard", $"{i}/3", "--chunk-size", "5000", "-q")).ExitCode);
        }

        var one = await Cli.InvokeAsync("summarize", whole.Path, "--format", "csv");
        var three = await Cli.InvokeAsync("summarize", parts.Path, "--format", "csv");
        static string[] Sensitivity(string csv) => [.. csv.Split('\n').Where(l => l.StartsWith("sensitivity,", StringComparison.Ordinal))];
        Assert.NotEmpty(Sensitivity(one.Output));
        Assert.Equal(Sensitivity(one.Output), Sensitivity(three.Output));
    }

    [Fact]
    public async Task AnUnknownOutcomeIsNamedWithTheClosestOne()
    {
        using var dir = new TempDirectory();
        Assert.Equal(0, (await Cli.InvokeAsync("sweep", Cli.SweepFile("designs/ishigami-sobol.json"), "--out", dir.Path, "--backend", "cpu", "-q")).ExitCode);
        var run = await Cli.InvokeAsync("summarize", dir.Path, "--outcome", "yy");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("has no outcome \"yy\" (did you mean y?)", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', run.Error.TrimEnd());
    }

    [Fact]
    public async Task AggregateOutputReportsTheRowIndicesAndShardsChangeNoBit()
    {
        using var rows = new TempDirectory();
        using var whole = new TempDirectory();
        using var parts = new TempDirectory();
        var file = Cli.SweepFile("designs/ishigami-sobol.json");
        Assert.Equal(0, (await Cli.InvokeAsync("sweep", file, "--out", rows.Path, "--backend", "cpu", "-q")).ExitCode);
        Assert.Equal(0, (await Cli.InvokeAsync("sweep", file, "--out", whole.Path, "--backend", "cpu", "--output", "aggregate", "-q")).ExitCode);
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(0, (await Cli.InvokeAsync("sweep", file, "--out", parts.Path, "--backend", "cpu", "--output", "aggregate", "--shard", $"{i}/3", "--chunk-size", "7000", "-q")).ExitCode);
        }

        static (string Key, double Value)[] Sensitivity(string csv) =>
            [.. csv.Split('\n').Where(l => l.StartsWith("sensitivity,", StringComparison.Ordinal))
                .Select(l => l.Split(','))
                .Select(f => (f[1] + "," + f[2] + "," + f[3], double.Parse(f[4], System.Globalization.CultureInfo.InvariantCulture)))];
        var fromRows = Sensitivity((await Cli.InvokeAsync("summarize", rows.Path, "--format", "csv")).Output);
        var fromWhole = Sensitivity((await Cli.InvokeAsync("summarize", whole.Path, "--format", "csv")).Output);
        var partsCsv = (await Cli.InvokeAsync("summarize", parts.Path, "--format", "csv")).Output;
        var fromParts = Sensitivity(partsCsv);
        Assert.Contains("sensitivity_confidence,batch_means,,level,0.95", partsCsv, StringComparison.Ordinal);
        Assert.Contains("sensitivity_confidence,batch_means,,batches,32", partsCsv, StringComparison.Ordinal);
        Assert.Equal(18, fromRows.Length);
        Assert.Equal(fromWhole, fromParts);
        Assert.Equal(fromRows.Select(r => r.Key), fromWhole.Select(r => r.Key));
        Assert.All(fromRows.Zip(fromWhole), p => Assert.Equal(p.First.Value, p.Second.Value, 1e-9));
    }

    [Fact]
    public async Task LeverCombinationsAreComparedSideBySideWithTheirRegret()
    {
        using var dir = new TempDirectory();
        var file = Path.Combine(dir.Path, "levers.json");
        await File.WriteAllTextAsync(file, """
            { "model": "ishigami", "design": { "kind": "lhs", "samples": 2000, "seed": 5 },
              "uncertain": [ { "param": "x1", "uniform": { "from": -3.14159, "to": 3.14159 } },
                             { "param": "x2", "uniform": { "from": -3.14159, "to": 3.14159 } } ],
              "levers": [ { "param": "a", "values": [7, 0] } ],
              "thresholds": [ { "outcome": "y", "at_least": 3.5 } ] }
            """);
        var run = await Cli.InvokeAsync("sweep", file, "--out", Path.Combine(dir.Path, "out"), "--backend", "cpu", "--format", "json");
        Assert.Equal(0, run.ExitCode);
        using var json = System.Text.Json.JsonDocument.Parse(run.Output);
        var policies = json.RootElement.GetProperty("policies");
        Assert.Equal(2000, policies.GetProperty("futures").GetInt64());
        var combinations = policies.GetProperty("combinations").EnumerateArray().ToArray();
        Assert.Equal(2, combinations.Length);

        // a = 7 adds 7 sin^2 x2 >= 0 to every future: it is never worse, and a = 0's regret is 7 sin^2 x2 (mean 3.5).
        Assert.Equal(7, combinations[0].GetProperty("levers").GetProperty("a").GetDouble());
        Assert.Equal(0, combinations[0].GetProperty("regret_p90").GetDouble(), 1e-6);
        Assert.Equal(3.5, combinations[1].GetProperty("regret_mean").GetDouble(), 0.1);

        var table = await Cli.InvokeAsync("summarize", Path.Combine(dir.Path, "out"));
        Assert.Contains("Policies compared on the same 2,000 futures: y (higher is better", table.Output, StringComparison.Ordinal);

        // The file's threshold under each policy and over the whole run, as the json gives them.
        string Percent(double p) => (p * 100).ToString("F1", System.Globalization.CultureInfo.InvariantCulture) + " %";
        var whole = json.RootElement.GetProperty("thresholds").GetProperty("y_at_least_3.5").GetProperty("probability").GetDouble();
        var each = combinations.Select(c => c.GetProperty("thresholds").GetProperty("y_at_least_3.5").GetDouble()).ToArray();
        Assert.True(each[0] > each[1], "a = 7 adds 7 sin^2 x2 >= 0: y reaches 3.5 more often");
        Assert.Contains("Threshold probabilities under each policy, on the same futures (columns: a)", table.Output, StringComparison.Ordinal);
        var row = table.Output.Split('\n').Last(l => l.TrimStart().StartsWith("P(y ≥ 3.5)", StringComparison.Ordinal)); // after the whole run's threshold section
        Assert.Equal([Percent(each[0]), Percent(each[1]), Percent(whole)],
            System.Text.RegularExpressions.Regex.Matches(row, @"\d+\.\d %").Select(m => m.Value));
    }

    [Fact]
    public async Task GridRunsDecomposeTheirVarianceExactly()
    {
        using var dir = new TempDirectory();
        var file = Path.Combine(dir.Path, "grid.json");
        await File.WriteAllTextAsync(file, """
            { "model": "ishigami", "axes": [ { "param": "x1", "range": { "from": -3, "to": 3, "count": 25 } },
                                             { "param": "x3", "range": { "from": -3, "to": 3, "count": 25 } } ] }
            """);
        var run = await Cli.InvokeAsync("sweep", file, "--out", Path.Combine(dir.Path, "out"), "--backend", "cpu", "--format", "json");
        Assert.Equal(0, run.ExitCode);
        using var json = System.Text.Json.JsonDocument.Parse(run.Output);
        var grid = json.RootElement.GetProperty("grid_sensitivity");
        var first = grid.GetProperty("first_order");
        var pair = grid.GetProperty("two_way").EnumerateArray().Single();

        // Two axes: first-order and interaction shares add up to the whole variance.
        var total = first.GetProperty("x1").GetDouble() + first.GetProperty("x3").GetDouble() + pair.GetProperty("S2").GetDouble();
        Assert.Equal(1, total, 1e-9);
        Assert.True(pair.GetProperty("S2").GetDouble() > 0.1, "x1 and x3 interact through b x3^4 sin x1");
        Assert.Equal(25, pair.GetProperty("means").GetArrayLength());
    }
}
