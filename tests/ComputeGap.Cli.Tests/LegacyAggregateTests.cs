using System.Text.Json;
using ComputeGap.IO.Tests;

namespace ComputeGap.Cli.Tests;

/// <summary>
/// Aggregates written by the tool at commit aecea49, before thresholds were run-time data (seven compiled
/// ones, a <c>thresholds</c> table without a comparison, a shape without a list of them): this version
/// summarizes them as that version did, number for number, and a resume of that run starts afresh, saying why,
/// rather than merging parts that count different thresholds.
/// </summary>
public sealed class LegacyAggregateTests
{
    private static string Fixture => Path.Combine(AppContext.BaseDirectory, "Legacy", "aggregates-aecea49");

    [Fact]
    public async Task Aggregates_of_the_earlier_version_summarize_as_it_summarized_them()
    {
        using var directory = Copy();
        var summary = await Cli.InvokeAsync("summarize", directory.Path, "--format", "json");
        Assert.Equal(0, summary.ExitCode);
        using var now = JsonDocument.Parse(summary.Output);
        using var then = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(Fixture, "summary-aecea49.json")));
        foreach (var section in new[] { "row_count", "headline", "outcomes", "thresholds", "main_effects", "extremes", "sensitivity", "policies" })
        {
            Assert.True(then.RootElement.TryGetProperty(section, out var expected), $"the earlier summary has no '{section}'");
            Assert.True(JsonElement.DeepEquals(expected, now.RootElement.GetProperty(section)), $"'{section}' differs");
        }

        // Its thresholds are the seven it counted and the rules read from the sketches, as then.
        Assert.Equal(7, now.RootElement.GetProperty("thresholds").EnumerateObject().Count());
    }

    [Fact]
    public async Task A_resume_of_the_earlier_run_starts_afresh_and_says_why()
    {
        using var directory = Copy();
        var sweep = Path.Combine(directory.Path, "legacy-v2.json");
        var run = await Cli.InvokeAsync("sweep", sweep, "--out", directory.Path, "--backend", "cpu", "--output", "aggregate", "--resume");
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("the earlier run counted the thresholds share_EU < 0.01;", run.Error + run.Output, StringComparison.Ordinal);
        Assert.Contains("starting afresh", run.Error + run.Output, StringComparison.Ordinal);
        var manifest = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(directory.Path, "legacy-v2.all.aggregate.manifest.json")));
        Assert.Contains("ree_depletion_month >= 0", manifest.RootElement.GetProperty("thresholds").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, (await Cli.InvokeAsync("summarize", directory.Path, "--format", "json")).ExitCode);
    }

    /// <summary>The fixture in a directory of its own (summarize and sweep take locks beside the files).</summary>
    private static TempDirectory Copy()
    {
        var directory = new TempDirectory();
        foreach (var file in Directory.GetFiles(Fixture))
        {
            File.Copy(file, Path.Combine(directory.Path, Path.GetFileName(file)));
        }

        return directory;
    }
}
