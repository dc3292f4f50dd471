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
                .Select(f => (f[1] + "," + f[2], double.Parse(f[3], System.Globalization.CultureInfo.InvariantCulture)))];
        var fromRows = Sensitivity((await Cli.InvokeAsync("summarize", rows.Path, "--format", "csv")).Output);
        var fromWhole = Sensitivity((await Cli.InvokeAsync("summarize", whole.Path, "--format", "csv")).Output);
        var fromParts = Sensitivity((await Cli.InvokeAsync("summarize", parts.Path, "--format", "csv")).Output);
        Assert.Equal(18, fromRows.Length);
        Assert.Equal(fromWhole, fromParts);
        Assert.Equal(fromRows.Select(r => r.Key), fromWhole.Select(r => r.Key));
        Assert.All(fromRows.Zip(fromWhole), p => Assert.Equal(p.First.Value, p.Second.Value, 1e-9));
    }
}
