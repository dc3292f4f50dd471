using System.Text.Json;
using ComputeGap.Core.Market;
using ComputeGap.Core.Models;

namespace ComputeGap.Cli.Tests;

/// <summary><c>computegap params</c>: every parameter of the model's descriptor, with the shipped baseline's values, units and sources.</summary>
public sealed class ParamsCommandTests
{
    public static TheoryData<string, string> Models() => new()
    {
        { "v1", "baseline.json" },
        { "v2", "baseline-v2.json" },
    };

    [Theory]
    [MemberData(nameof(Models))]
    public async Task JsonListsEveryParameterOfTheDescriptorWithTheBaselineFilesValuesUnitsAndSources(string model, string baselineFile)
    {
        var run = await Cli.InvokeAsync("params", "--model", model, "--format", "json");
        Assert.True(run.ExitCode == 0, run.Error);
        using var json = JsonDocument.Parse(run.Output);
        var rows = json.RootElement.GetProperty("parameters").EnumerateArray().ToList();

        // The file itself, read independently of the tool's baseline reader.
        using var file = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "data", baselineFile)));
        var regions = file.RootElement.GetProperty("regions").EnumerateArray().Select(r => r.GetString()!).ToList();
        var descriptor = ModelCatalog.Find(model)!;
        Assert.Equal(descriptor.Globals.Concat(descriptor.Regionals).Select(p => p.Name), rows.Select(r => r.GetProperty("name").GetString()).Distinct());
        Assert.Equal(descriptor.Globals.Count + (descriptor.Regionals.Count * regions.Count), rows.Count);

        foreach (var row in rows)
        {
            var name = row.GetProperty("name").GetString()!;
            var info = descriptor.Find(name)!;
            Assert.Equal(model, row.GetProperty("model").GetString());
            Assert.Equal(info.IsRegional, row.GetProperty("per_region").GetBoolean());
            Assert.False(string.IsNullOrWhiteSpace(row.GetProperty("range").GetString()), $"{name} has no range");
            Assert.Equal(info.Meaning, row.GetProperty("meaning").GetString());
            var entry = file.RootElement.GetProperty(info.IsRegional ? "regional" : "globals").GetProperty(name);
            var expected = info.IsRegional
                ? entry.GetProperty("values").GetProperty(row.GetProperty("region").GetString()!).GetDouble()
                : entry.GetProperty("value").GetDouble();
            Assert.Equal(expected, row.GetProperty("baseline").GetDouble());
            Assert.Equal(entry.GetProperty("unit").GetString(), row.GetProperty("unit").GetString());
            Assert.Equal(entry.GetProperty("source").GetString(), row.GetProperty("source").GetString());
            Assert.Equal(entry.GetProperty("note").GetString(), row.GetProperty("note").GetString());
            Assert.False(string.IsNullOrEmpty(row.GetProperty("unit").GetString()), $"{name} has no unit");
        }

        foreach (var regional in descriptor.Regionals)
        {
            Assert.Equal(regions, rows.Where(r => r.GetProperty("name").GetString() == regional.Name).Select(r => r.GetProperty("region").GetString()));
        }

        // Then the outcomes a sweep over those regions writes, with their kinds and meanings.
        var outcomes = json.RootElement.GetProperty("outcomes").EnumerateArray().ToList();
        Assert.Equal(descriptor.Outcomes(regions).Select(o => (o.Name, OutcomeKinds.Name(o.Kind), o.Meaning)),
            outcomes.Select(o => (o.GetProperty("name").GetString()!, o.GetProperty("kind").GetString()!, o.GetProperty("meaning").GetString()!)));
        Assert.Contains(outcomes, o => o.GetProperty("name").GetString() == "share_EU");
    }

    [Fact]
    public async Task RangesComeFromEachParametersRule()
    {
        var run = await Cli.InvokeAsync("params", "--format", "json");
        using var json = JsonDocument.Parse(run.Output);
        var ranges = json.RootElement.GetProperty("parameters").EnumerateArray()
            .GroupBy(r => r.GetProperty("name").GetString()!)
            .ToDictionary(g => g.Key, g => g.First());
        Assert.Equal("[0, 1]", ranges["leakage"].GetProperty("range").GetString());
        Assert.Equal("> -1", ranges["capex_growth"].GetProperty("range").GetString());
        Assert.Equal("[0, 1)", ranges["price_floor_decline"].GetProperty("range").GetString());
        Assert.Equal("0 or 1", ranges["embargoed"].GetProperty("range").GetString());
        Assert.Equal("whole, -1 to 600", ranges["bubble_month"].GetProperty("range").GetString());
        Assert.Equal(JsonValueKind.Null, ranges["capex0"].GetProperty("max").ValueKind);
        Assert.Equal(1, ranges["markup0"].GetProperty("min").GetDouble());
        Assert.True(ranges["markup0"].GetProperty("min_inclusive").GetBoolean());
    }

    [Theory]
    [InlineData("v1")]
    [InlineData("v2")]
    public async Task TableShowsEveryParameterWithinAHundredAndTwentyColumns(string model)
    {
        var run = await Cli.InvokeAsync("params", "--model", model);
        Assert.True(run.ExitCode == 0, run.Error);
        var lines = run.Output.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        Assert.All(lines, line => Assert.True(line.Length <= 120, $"{line.Length} characters: {line}"));
        var descriptor = ModelCatalog.Find(model)!;
        var heads = lines.Select(l => l.Split(' ', 2)[0]).ToHashSet(StringComparer.Ordinal);
        Assert.All(descriptor.Globals, p => Assert.Contains(p.Name, heads));
        Assert.All(descriptor.Regionals, p => Assert.Contains(p.Name + "[REGION]", heads));
        Assert.Contains(lines, l => l.TrimStart().StartsWith("baseline: US ", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.TrimStart().StartsWith("source: ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task CsvHasOneRowPerParameterAndRegionUnderOneHeader()
    {
        var run = await Cli.InvokeAsync("params", "--format", "csv");
        Assert.True(run.ExitCode == 0, run.Error);
        var lines = run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("model,name,region,per_region,unit,kind,range,min,min_inclusive,max,max_inclusive,whole,baseline,meaning,source,note", lines[0].TrimEnd('\r'));
        var descriptor = ModelV2.Descriptor;
        Assert.Equal(1 + descriptor.Globals.Count + (descriptor.Regionals.Count * 5), lines.Length);
        Assert.Contains(lines, l => l.StartsWith("v2,capex0,EU,true,$/month,non_negative,>= 0,", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AnUnknownModelNamesTheClosestWithExit2()
    {
        var run = await Cli.InvokeAsync("params", "--model", "v3");
        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("error: --model v3", run.Error, StringComparison.Ordinal);
        Assert.Empty(run.Output);
    }
}
