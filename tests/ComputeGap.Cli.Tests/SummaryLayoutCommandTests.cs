using System.Text.Json;
using ComputeGap.IO.Tests;

namespace ComputeGap.Cli.Tests;

/// <summary>Golden layout of <c>summarize</c> over shipped sweeps: no table line over 120 characters, long axes binned, tidy CSV.</summary>
public sealed class SummaryLayoutCommandTests
{
    private const int Width = 120;

    private static async Task<string> SweepAsync(TempDirectory dir, string sweep, params string[] extra)
    {
        var outDir = Path.Combine(dir.Path, sweep.Replace('/', '_'));
        var run = await Cli.InvokeAsync(["sweep", sweep, "--out", outDir, "--backend", "cpu", "--quiet", .. extra]);
        Assert.True(run.ExitCode == 0, run.Error);
        return outDir;
    }

    private static async Task<string[]> TableAsync(string outDir, params string[] extra)
    {
        var run = await Cli.InvokeAsync(["summarize", outDir, .. extra]);
        Assert.True(run.ExitCode == 0, run.Error);
        return run.Output.TrimEnd('\n').Split('\n');
    }

    [Theory]
    [InlineData("ree-shock", "rows")]
    [InlineData("us-export-policy", "rows")]
    [InlineData("default", "aggregate")]
    [InlineData("designs/sobol-g-morris", "rows")]
    [InlineData("v1/us-export-policy", "rows")]
    public async Task No_line_of_a_shipped_sweeps_table_report_is_wider_than_120_characters(string sweep, string output)
    {
        using var dir = new TempDirectory();
        var lines = await TableAsync(await SweepAsync(dir, sweep, "--output", output));

        Assert.True(lines.Length > 10, string.Join('\n', lines));
        Assert.All(lines, l => Assert.True(l.Length <= Width, $"{sweep}: {l.Length} characters: {l}"));
        Assert.Contains(lines, l => l.StartsWith(output == "aggregate" ? "Quantiles come from mergeable sketches" : "Quantiles are exact", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_1000_value_axis_prints_12_groups_in_lines_of_at_most_120_characters_and_tidy_csv_keys()
    {
        using var dir = new TempDirectory();
        var sweep = dir.File("long-axis.json");
        await File.WriteAllTextAsync(sweep, """
            { "model": "v2", "name": "long-axis",
              "axes": [ { "param": "ree_export_quota", "range": { "from": 0, "to": 0.999, "count": 1000 } },
                        { "param": "leakage", "values": [0.1, 0.26] } ] }
            """);
        var outDir = await SweepAsync(dir, sweep, "--output", "rows");

        var lines = await TableAsync(outDir);
        Assert.All(lines, l => Assert.True(l.Length <= Width, $"{l.Length} characters: {l}"));
        var at = Array.FindIndex(lines, l => l.StartsWith("  ree_export_quota (1,000 values in 12 groups, swing ", StringComparison.Ordinal));
        Assert.True(at > 0, string.Join('\n', lines));
        var groups = string.Join("   ", lines.Skip(at + 1).TakeWhile(l => l.StartsWith("      ", StringComparison.Ordinal)).Select(l => l.Trim()))
            .Split("   ", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(12, groups.Length);
        Assert.StartsWith("0..0.083: ", groups[0], StringComparison.Ordinal);
        Assert.StartsWith("0.917..0.999: ", groups[^1], StringComparison.Ordinal);

        var where = await TableAsync(outDir, "--where", "share_EU < 0.05");
        Assert.All(where, l => Assert.True(l.Length <= Width, $"{l.Length} characters: {l}"));
        var quota = Array.FindIndex(where, l => l.StartsWith("  ree_export_quota (swing ", StringComparison.Ordinal));
        Assert.True(quota > 0, string.Join('\n', where));
        Assert.Contains(" 0..0.083 ", where[quota], StringComparison.Ordinal);
        Assert.Equal(12, string.Join(' ', where.Skip(quota).TakeWhile((l, i) => i == 0 || l.StartsWith("    ", StringComparison.Ordinal))).Count(c => c == '%'));

        var csv = (await Cli.InvokeAsync("summarize", outDir, "--format", "csv")).Output.TrimEnd('\n').Split('\n');
        Assert.Equal("section,name,key,statistic,value", csv[0]);
        // The float32 the model used, printed as written: 0.26, not 0.25999999046325684.
        Assert.Contains(csv, l => l.StartsWith("main_effect,leakage,0.26,mean,", StringComparison.Ordinal));
        Assert.Contains(csv, l => l.StartsWith("main_effect,ree_export_quota,0.083,count,", StringComparison.Ordinal));
        Assert.DoesNotContain(csv, l => l.Contains("0.25999999", StringComparison.Ordinal));
        Assert.Equal(2 * 1000 + 2, csv.Count(l => l.StartsWith("main_effect,ree_export_quota,", StringComparison.Ordinal)));

        using var json = JsonDocument.Parse((await Cli.InvokeAsync("summarize", outDir, "--format", "json")).Output);
        var leakage = json.RootElement.GetProperty("main_effects").EnumerateArray().Single(e => e.GetProperty("axis").GetString() == "leakage");
        Assert.Equal("0.26", leakage.GetProperty("levels")[1].GetProperty("value").GetRawText());
    }

    [Fact]
    public async Task Outcome_chooses_what_the_main_effects_and_tornado_of_a_grid_describe()
    {
        using var dir = new TempDirectory();
        var outDir = await SweepAsync(dir, "ree-shock", "--output", "rows");

        var lines = await TableAsync(outDir, "--outcome", "price_final");

        Assert.Contains(lines, l => l.StartsWith("Main effects: mean price_final at each axis value", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("Tornado: swing of mean price_final", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("Threshold probabilities (no rule reads price_final", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.StartsWith("Note: the run kept main effects", StringComparison.Ordinal));
    }
}
