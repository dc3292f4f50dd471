using System.Text.Json;

namespace ComputeGap.Cli.Tests;

/// <summary>baseline, devices, help and version.</summary>
public sealed class OtherCommandTests
{
    [Fact]
    public async Task BaselinePrintsEveryYearEndFrom2024To2030WithQuantities()
    {
        var run = await Cli.InvokeAsync("baseline", "--format", "json");
        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.Output);
        var years = json.RootElement.GetProperty("years").EnumerateArray().ToList();
        Assert.Equal(["2024-12", "2025-12", "2026-12", "2027-12", "2028-12", "2029-12", "2030-12"], years.Select(y => y.GetProperty("month").GetString()));
        string[] regions = ["US", "CN", "EU", "ALLY", "ROW"];
        foreach (var year in years)
        {
            Assert.Equal(1.0, regions.Sum(r => year.GetProperty("share_" + r).GetDouble()), 5);
            Assert.Equal(year.GetProperty("installed_h100e").GetDouble(), regions.Sum(r => year.GetProperty("installed_" + r).GetDouble()), 0);

            // Chips are conserved: what was made was sold or left unsold.
            var supply = year.GetProperty("supply_h100e").GetDouble();
            Assert.Equal(supply, year.GetProperty("sold_h100e").GetDouble() + year.GetProperty("unsold_h100e").GetDouble(), supply * 1e-6);
            Assert.InRange(year.GetProperty("price_usd").GetDouble(), 100, 100_000);
        }

        var months = json.RootElement.GetProperty("outcomes").EnumerateArray().ToDictionary(o => o.GetProperty("outcome").GetString()!, o => o.GetProperty("value"));
        Assert.Matches(@"^(never|20\d\d-\d\d)$", months["ree_depletion_month"].GetString());

        var table = await Cli.InvokeAsync("baseline");
        Assert.Contains("2030-12", table.Output, StringComparison.Ordinal);
        Assert.Contains("EU H100e", table.Output, StringComparison.Ordinal);
        Assert.Contains("price", table.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BaselineOfModelV1StillPrintsItsShares()
    {
        var run = await Cli.InvokeAsync("baseline", "--baseline", Path.Combine(AppContext.BaseDirectory, "data", "baseline.json"), "--format", "json");
        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.Output);
        var years = json.RootElement.GetProperty("years").EnumerateArray().ToList();
        Assert.Equal(["2025-12", "2026-12", "2027-12", "2028-12", "2029-12", "2030-12"], years.Select(y => y.GetProperty("month").GetString()));
        Assert.All(years, y => Assert.Equal(1.0, y.EnumerateObject().Where(p => p.Name.StartsWith("share_", StringComparison.Ordinal)).Sum(p => p.Value.GetDouble()), 5));
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
    [InlineData("calibrate")]
    [InlineData("hindcast")]
    [InlineData("levers")]
    [InlineData("params")]
    [InlineData("sweeps")]
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
