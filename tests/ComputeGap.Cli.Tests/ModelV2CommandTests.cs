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
