using System.Text.Json;

namespace ComputeGap.Cli.Tests;

/// <summary>baseline, devices, help and version.</summary>
public sealed class OtherCommandTests
{
    [Fact]
    public async Task BaselinePrintsEveryYearEndFrom2025To2030()
    {
        var run = await Cli.InvokeAsync("baseline", "--format", "json");
        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.Output);
        var years = json.RootElement.GetProperty("years").EnumerateArray().ToList();
        Assert.Equal(["2025-12", "2026-12", "2027-12", "2028-12", "2029-12", "2030-12"], years.Select(y => y.GetProperty("month").GetString()));
        foreach (var year in years)
        {
            var sum = year.GetProperty("shares").EnumerateObject().Sum(p => p.Value.GetDouble());
            Assert.Equal(1.0, sum, 5);
        }

        var table = await Cli.InvokeAsync("baseline");
        Assert.Contains("2030-12", table.Output, StringComparison.Ordinal);
        Assert.Contains("EU", table.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DevicesSaysWhatAutoWouldChoose()
    {
        var run = await Cli.InvokeAsync("devices");
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("--backend auto uses", run.Output, StringComparison.Ordinal);
        Assert.Contains("CPU", run.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("sweep")]
    [InlineData("summarize")]
    [InlineData("baseline")]
    [InlineData("devices")]
    public async Task EveryCommandHasHelp(string command)
    {
        var run = await Cli.InvokeAsync(command, "--help");
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Usage:", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task VersionIsPrinted()
    {
        var run = await Cli.InvokeAsync("--version");
        Assert.Equal(0, run.ExitCode);
        Assert.Matches(@"^\d+\.\d+\.\d+", run.Output.Trim());
    }
}
