using System.Xml.Linq;
using ComputeGap.Engine.Aggregation;
using ComputeGap.IO.Parquet;
using ComputeGap.IO.Tests;
using ComputeGap.Plots;
using ScottPlot.Plottables;
using SkiaSharp;

namespace ComputeGap.Cli.Tests;

/// <summary><c>computegap plot</c> on a real sweep: one line per file written, pictures that decode, a tornado that follows the rows; bad input gets one line and exit 2.</summary>
public sealed class PlotCommandTests
{
    private static async Task<string> UsExportPolicyRowsAsync(TempDirectory dir)
    {
        var run = Path.Combine(dir.Path, "run");
        var made = await Cli.InvokeAsync("sweep", Cli.SweepFile("us-export-policy.json"), "--out", run, "--output", "rows", "--backend", "cpu", "-q");
        Assert.Equal(0, made.ExitCode);
        return run;
    }

    [Fact]
    public async Task PlotWritesOnePictureALineIntoTheRunsPlotsDirectory()
    {
        using var dir = new TempDirectory();
        var run = await UsExportPolicyRowsAsync(dir);

        var plotted = await Cli.InvokeAsync("plot", run);
        Assert.Equal(0, plotted.ExitCode);
        Assert.Equal(string.Empty, plotted.Error);
        var lines = plotted.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var files = Directory.GetFiles(Path.Combine(run, "plots")).Order(StringComparer.Ordinal).ToArray();

        // Six axes: a tornado, six curves and the six strongest of the fifteen pairs' heatmaps.
        Assert.Equal(13, files.Length);
        Assert.Equal(files, lines.Select(l => Path.GetFullPath(l[..l.IndexOf(": ", StringComparison.Ordinal)])).Order(StringComparer.Ordinal));
        Assert.StartsWith(Path.Combine(run, "plots", "tornado.png") + ": tornado of mean share_EU over 6 axes", lines[0], StringComparison.Ordinal);
        foreach (var file in files)
        {
            using var bitmap = SKBitmap.Decode(file);
            Assert.NotNull(bitmap);
            Assert.Equal((1600, 1000), (bitmap.Width, bitmap.Height));
        }

        // The plots directory inside the run does not upset summarize's verification.
        Assert.Equal(0, (await Cli.InvokeAsync("summarize", run)).ExitCode);
    }

    [Fact]
    public async Task TornadoBarsFollowTheSwingsOfTheRows()
    {
        using var dir = new TempDirectory();
        var run = await UsExportPolicyRowsAsync(dir);

        // Independently: the mean EU share at each value of each axis, by a plain loop over the rows.
        var table = await ParquetTableReader.ReadAsync(run, SummaryLoader.SeriesSuffix, "series");
        var share = table["share_EU"].ToDoubles();
        string[] axes = ["us_priority", "diffusion_rule", "tier2_cap_EU", "leakage", "downgraded_until", "downgraded_cap"];
        var swings = new Dictionary<string, double>();
        foreach (var axis in axes)
        {
            var values = table[axis].ToDoubles();
            var means = values.Distinct().Select(v => Enumerable.Range(0, share.Length).Where(i => values[i] == v).Average(i => share[i])).ToArray();
            swings[axis] = means.Max() - means.Min();
        }

        var summary = await SummaryLoader.LoadAsync(run, CancellationToken.None);
        var tornado = Tornado.From(summary.MainEffects, summary.FindOutcome("share_EU")!);
        var bars = Assert.Single(TornadoPlot.Draw(tornado, OutcomeScale.Of(summary.Metadata, "share_EU")).GetPlottables<BarPlot>()).Bars;

        var expectedOrder = swings.OrderByDescending(s => s.Value).Select(s => s.Key).ToArray();
        Assert.Equal(expectedOrder, tornado.Bars.Select(b => b.Axis));
        Assert.Equal("us_priority", expectedOrder[0]);
        for (var i = 0; i < bars.Count; i++)
        {
            // Bars in percent: their length is the swing in percentage points.
            Assert.Equal(100 * swings[expectedOrder[i]], bars[i].Value - bars[i].ValueBase, 9);
        }

        Assert.True(bars.Zip(bars.Skip(1)).All(p => p.First.Position > p.Second.Position), "largest swing on top");
    }

    [Fact]
    public async Task SvgAndAnotherOutcomeGoWhereAsked()
    {
        using var dir = new TempDirectory();
        var run = await UsExportPolicyRowsAsync(dir);
        var outDir = Path.Combine(dir.Path, "pictures");

        var plotted = await Cli.InvokeAsync("plot", run, "--out", outDir, "--outcome", "installed_CN", "--format", "svg");
        Assert.Equal(0, plotted.ExitCode);
        var tornado = Path.Combine(outDir, "tornado.svg");
        Assert.StartsWith($"{tornado}: tornado of mean installed_CN", plotted.Output, StringComparison.Ordinal);
        Assert.Equal("svg", XDocument.Load(tornado).Root!.Name.LocalName);
        Assert.Contains("installed_CN (H100e)", await File.ReadAllTextAsync(tornado), StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(run, "plots")));

        // Inputs are labelled with their unit from the model's baseline.
        Assert.Contains("us_priority (fraction)", await File.ReadAllTextAsync(Path.Combine(outDir, "main-effect.us_priority.svg")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnAggregateRunWithSeriesGetsAFanChartPerRegion()
    {
        using var dir = new TempDirectory();
        var run = Path.Combine(dir.Path, "agg");
        var made = await Cli.InvokeAsync("sweep", Cli.SweepFile("us-export-policy.json"), "--out", run, "--output", "aggregate", "--series", "--backend", "cpu", "-q");
        Assert.Equal(0, made.ExitCode);

        var plotted = await Cli.InvokeAsync("plot", run);
        Assert.Equal(0, plotted.ExitCode);
        foreach (var region in new[] { "US", "CN", "EU", "ALLY", "ROW" })
        {
            var fan = Path.Combine(run, "plots", $"fan.share_{region}.png");
            Assert.Contains($"{fan}: {region}'s share over 84 months", plotted.Output, StringComparison.Ordinal);
            using var bitmap = SKBitmap.Decode(fan);
            Assert.Equal((1600, 1000), (bitmap.Width, bitmap.Height));
        }

        // Aggregates keep no rows, so no heatmaps; the tornado and curves come from the per-value sums.
        Assert.Contains("tornado.png", plotted.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("heatmap", plotted.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DiscoverJsonGetsItsPrimTrajectory()
    {
        using var dir = new TempDirectory();
        var run = await UsExportPolicyRowsAsync(dir);
        var discovered = await Cli.InvokeAsync("discover", run, "--where", "share_EU < 0.01", "--format", "json");
        Assert.Equal(0, discovered.ExitCode);
        var json = Path.Combine(dir.Path, "discover.json");
        await File.WriteAllTextAsync(json, discovered.Output);
        var outDir = Path.Combine(dir.Path, "pictures");

        var plotted = await Cli.InvokeAsync("plot", json, "--out", outDir);
        Assert.Equal(0, plotted.ExitCode);
        var picture = Path.Combine(outDir, "prim-trajectory.png");
        var trajectory = PrimTrajectory.Read(json);
        Assert.Equal($"{picture}: PRIM coverage against density over {trajectory.Boxes.Count} boxes, box {trajectory.Chosen} chosen", plotted.Output.TrimEnd());
        using var bitmap = SKBitmap.Decode(picture);
        Assert.Equal((1600, 1000), (bitmap.Width, bitmap.Height));
    }

    [Fact]
    public async Task JsonOfAnotherKindIsOneLine()
    {
        var sweep = Cli.SweepFile("us-export-policy.json");
        var run = await Cli.InvokeAsync("plot", sweep);
        Assert.Equal(2, run.ExitCode);
        Assert.Equal(
            $"error: {sweep} is not the output of computegap discover --format json (its \"format\" is missing, not \"computegap-discover/1\")",
            run.Error.TrimEnd());
    }

    [Fact]
    public async Task MissingSourceIsOneLine()
    {
        using var dir = new TempDirectory();
        var missing = Path.Combine(dir.Path, "no-such-run");
        var run = await Cli.InvokeAsync("plot", missing);
        Assert.Equal(2, run.ExitCode);
        Assert.Equal($"error: plot: no file or directory {missing}", run.Error.TrimEnd());
        Assert.Equal(string.Empty, run.Output);
    }

    [Fact]
    public async Task UnknownOutcomeNamesTheClosest()
    {
        using var dir = new TempDirectory();
        var source = await UsExportPolicyRowsAsync(dir);
        var run = await Cli.InvokeAsync("plot", source, "--outcome", "shar_EU");
        Assert.Equal(2, run.ExitCode);
        var line = Assert.Single(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith($"error: --outcome: {source} has no outcome \"shar_EU\" (did you mean share_EU?) (outcomes: share_US,", line, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(source, "plots")));
    }

    [Fact]
    public async Task UnknownFormatListsTheAllowedOnes()
    {
        using var dir = new TempDirectory();
        var run = await Cli.InvokeAsync("plot", dir.Path, "--format", "jpg");
        Assert.Equal(2, run.ExitCode);
        Assert.Equal("error: --format jpg: expected one of png, svg; see: computegap plot --help", run.Error.TrimEnd());
    }
}
