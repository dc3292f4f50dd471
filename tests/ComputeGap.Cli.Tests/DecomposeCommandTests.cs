using System.Text.Json;
using ComputeGap.IO.Tests;

namespace ComputeGap.Cli.Tests;

/// <summary>
/// <c>sweep --decompose</c>: a grid's aggregates keep the variance decomposition of outcomes beyond the
/// regional shares (a month outcome's "never" left out), equal to what the rows give; bad names and
/// row output are refused with one line and nothing written.
/// </summary>
public sealed class DecomposeCommandTests
{
    [Fact]
    public async Task Aggregates_decompose_the_outcomes_asked_for_as_the_rows_do()
    {
        using var directory = new TempDirectory();
        var sweep = Cli.SweepFile("v1/ree-shock.json");
        var aggregates = Path.Combine(directory.Path, "agg");
        var rows = Path.Combine(directory.Path, "rows");
        Assert.Equal(0, (await Cli.InvokeAsync("sweep", sweep, "--out", aggregates, "--backend", "cpu", "--chunk-size", "4096", "--output", "aggregate",
            "--decompose", "ree_lost_h100e, ree_depletion_month", "-q")).ExitCode);
        Assert.Equal(0, (await Cli.InvokeAsync("sweep", sweep, "--out", rows, "--backend", "cpu", "--output", "rows", "-q")).ExitCode);
        foreach (var outcome in new[] { "ree_lost_h100e", "ree_depletion_month" })
        {
            var fromAggregates = await Grid(aggregates, outcome);
            var fromRows = await Grid(rows, outcome);
            Assert.Equal(JsonValueKind.Object, fromAggregates.ValueKind);
            AssertClose(fromRows, fromAggregates, outcome);
        }

        // An outcome not asked for: none, and the report says how to get it.
        var other = await Cli.InvokeAsync("summarize", aggregates, "--outcome", "global_installed");
        Assert.Contains("run the sweep with --decompose global_installed", other.Output.Replace("\n  ", " ", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("aggregate", "instaled_EU", "did you mean installed_EU?")]
    [InlineData("rows", "installed_EU", "--decompose keeps grid cells beside aggregates")]
    [InlineData("aggregate", " , ", "give one or more outcomes")]
    public async Task Bad_decompose_options_are_refused_with_one_line_and_nothing_written(string output, string names, string message)
    {
        using var directory = new TempDirectory();
        var outDir = Path.Combine(directory.Path, "out");
        var run = await Cli.InvokeAsync("sweep", "--out", outDir, "--backend", "cpu", "--output", output, "--decompose", names, "-q");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains(message, run.Error, StringComparison.Ordinal);
        Assert.Single(run.Error.Trim().Split('\n'));
        Assert.False(Directory.Exists(outDir) && Directory.EnumerateFileSystemEntries(outDir).Any());
    }

    private static async Task<JsonElement> Grid(string run, string outcome)
    {
        var summary = await Cli.InvokeAsync("summarize", run, "--outcome", outcome, "--format", "json");
        Assert.Equal(0, summary.ExitCode);
        return JsonDocument.Parse(summary.Output).RootElement.GetProperty("grid_sensitivity").Clone();
    }

    private static void AssertClose(JsonElement expected, JsonElement actual, string path)
    {
        Assert.Equal(expected.ValueKind, actual.ValueKind);
        switch (expected.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in expected.EnumerateObject())
                {
                    AssertClose(property.Value, actual.GetProperty(property.Name), $"{path}.{property.Name}");
                }

                break;
            case JsonValueKind.Array:
                Assert.Equal(expected.GetArrayLength(), actual.GetArrayLength());
                foreach (var (e, a, i) in expected.EnumerateArray().Zip(actual.EnumerateArray()).Select((p, i) => (p.First, p.Second, i)))
                {
                    AssertClose(e, a, $"{path}[{i}]");
                }

                break;
            case JsonValueKind.Number:
                var (x, y) = (expected.GetDouble(), actual.GetDouble());
                Assert.True(Math.Abs(x - y) <= 1e-9 * Math.Max(1, Math.Abs(x)), $"{path}: rows {x}, aggregates {y}");
                break;
            default:
                Assert.Equal(expected.ToString(), actual.ToString());
                break;
        }
    }
}
