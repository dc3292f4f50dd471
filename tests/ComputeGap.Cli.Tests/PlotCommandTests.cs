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
    private static Task<string> UsExportPolicyRowsAsync(TempDirectory dir) => UsExportPolicyAsync(dir, "run", "rows");

    /// <summary>The fan picture <c>fan.NAME.png</c> in the run's plots is listed with <paramref name="what"/>, decodes at 1600 × 1000 and is not blank.</summary>
    private static void AssertFan(string run, Cli.Run plotted, string name, string what)
    {
        var fan = Path.Combine(run, "plots", $"fan.{name}.png");
        Assert.Contains($"{fan}: {what} (p5-p95, p25-p75, median)", plotted.Output, StringComparison.Ordinal);
        using var bitmap = SKBitmap.Decode(fan);
        Assert.Equal((1600, 1000), (bitmap.Width, bitmap.Height));
        Assert.True(bitmap.Pixels.Distinct().Count() > 2, $"{fan} is blank");
    }

    /// <summary>Runs the us-export-policy sweep (model v2, 84 months, five regions) into <paramref name="dir"/>/<paramref name="name"/>.</summary>
    private static async Task<string> UsExportPolicyAsync(TempDirectory dir, string name, string output, params string[] more)
    {
        var run = Path.Combine(dir.Path, name);
        var made = await Cli.InvokeAsync(["sweep", Cli.SweepFile("us-export-policy.json"), "--out", run, "--output", output, "--backend", "cpu", "-q", .. more]);
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

        // Six axes: a tornado, six curves and the six strongest of the fifteen pairs' heatmaps; the threshold probabilities.
        Assert.Equal(14, files.Length);
        Assert.Contains(Path.Combine(run, "plots", "thresholds.png"), files);
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
        var run = await UsExportPolicyAsync(dir, "agg", "aggregate", "--series");

        var plotted = await Cli.InvokeAsync("plot", run);
        Assert.Equal(0, plotted.ExitCode);
        foreach (var region in new[] { "US", "CN", "EU", "ALLY", "ROW" })
        {
            AssertFan(run, plotted, $"share_{region}", $"{region}'s share over 84 months");
        }

        AssertFan(run, plotted, "installed_EU", "EU's installed H100e over 84 months");
        AssertFan(run, plotted, "price", "the world price over 84 months");

        // The tornado and curves come from the per-value sums; the grid's cells give the two-way heatmap.
        Assert.Contains("tornado.png", plotted.Output, StringComparison.Ordinal);
        Assert.Contains("heatmap.", plotted.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RowsWithSeriesDrawTheSameFansAsAggregatesWithSeries()
    {
        using var dir = new TempDirectory();
        var rows = await UsExportPolicyAsync(dir, "rows", "rows", "--series", "--chunk-size", "500");
        var aggregate = await UsExportPolicyAsync(dir, "agg", "aggregate", "--series");

        // The same sketch counted from the series files row group by row group and by the aggregate reducer: the same quantiles.
        var fromRows = (await SummaryLoader.LoadAsync(rows, CancellationToken.None, seriesFans: true)).Fans;
        var fromAggregates = (await SummaryLoader.LoadAsync(aggregate, CancellationToken.None)).Fans;
        Assert.Equal(5 + 5 + 1, fromRows.Count);
        Assert.Equal(fromAggregates.Select(f => (f.Name, f.Kind)), fromRows.Select(f => (f.Name, f.Kind)));
        for (var f = 0; f < fromRows.Count; f++)
        {
            Assert.Equal(fromAggregates[f].Months, fromRows[f].Months);
        }

        Assert.Empty((await SummaryLoader.LoadAsync(rows, CancellationToken.None)).Fans);

        var plotted = await Cli.InvokeAsync("plot", rows);
        Assert.Equal(0, plotted.ExitCode);
        AssertFan(rows, plotted, "share_EU", "EU's share over 84 months");
        AssertFan(rows, plotted, "installed_CN", "CN's installed H100e over 84 months");
        AssertFan(rows, plotted, "price", "the world price over 84 months");
    }

    [Fact]
    public async Task ShardsMergeTheirFansOfEverySeriesColumnExactly()
    {
        using var dir = new TempDirectory();
        var whole = await UsExportPolicyAsync(dir, "agg", "aggregate", "--series");
        await UsExportPolicyAsync(dir, "shards", "aggregate", "--series", "--shard", "0/2");
        var shards = await UsExportPolicyAsync(dir, "shards", "aggregate", "--series", "--shard", "1/2");

        var merged = (await AggregateState.ReadAsync(shards)).Fans!;
        Assert.Equal(5 + 5 + 1, merged.Layout.Width);
        Assert.True(merged.ExactlyEquals((await AggregateState.ReadAsync(whole)).Fans!));
    }

    [Fact]
    public async Task AnOldSharesOnlyFanTableStillPlots()
    {
        using var dir = new TempDirectory();
        var run = await UsExportPolicyAsync(dir, "agg", "aggregate", "--series");

        // Rewrite the fan sketch as tables were before they held every series column: the shares' rows, keyed by region index.
        var file = Assert.Single(Directory.GetFiles(run, "*.agg-fan-sketch.parquet"));
        var table = await ParquetTableReader.ReadAsync(file);
        var series = table["series"].As<int>();
        var keep = Enumerable.Range(0, table.RowCount).Where(i => series[i] < 5).ToArray();
        ColumnSpec[] specs = [new("month", ColumnType.Int32), new("region", ColumnType.Int32), new("slot", ColumnType.Int32), new("count", ColumnType.Int64)];
        File.Delete(file);
        await using (var writer = await ParquetTableWriter.CreateAsync(file, specs, table.Metadata))
        {
            await writer.WriteRowGroupAsync(
                [keep.Select(i => table["month"].As<int>()[i]).ToArray(), keep.Select(i => series[i]).ToArray(),
                    keep.Select(i => table["slot"].As<int>()[i]).ToArray(), keep.Select(i => table["count"].As<long>()[i]).ToArray()],
                keep.Length);
            await writer.CommitAsync();
        }

        var summary = await SummaryLoader.LoadAsync(run, CancellationToken.None);
        Assert.Equal(["share_US", "share_CN", "share_EU", "share_ALLY", "share_ROW"], summary.Fans.Select(f => f.Name));
        var written = SummaryPlots.Write(summary, Path.Combine(dir.Path, "pictures"), PlotFormat.Png);
        var fan = Assert.Single(written, w => Path.GetFileName(w.Path) == "fan.share_EU.png");
        using var bitmap = SKBitmap.Decode(fan.Path);
        Assert.Equal((1600, 1000), (bitmap.Width, bitmap.Height));
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
        var lines = plotted.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal($"{picture}: PRIM coverage against density over {trajectory.Boxes.Count} boxes, box {trajectory.Chosen} chosen", lines[0]);
        using var bitmap = SKBitmap.Decode(picture);
        Assert.Equal((1600, 1000), (bitmap.Width, bitmap.Height));

        // The chosen box restricts inputs, so its limits are a second picture, each input within its full range.
        var box = trajectory.ChosenBox!;
        Assert.NotEmpty(box.Limits);
        Assert.All(box.Limits, l => Assert.Contains(trajectory.Inputs, i => i.Name == l.Input));
        var limits = Path.Combine(outDir, "prim-box.png");
        Assert.Equal($"{limits}: the limits of box {trajectory.Chosen} on the {box.Limits.Count} inputs it restricts", lines[1]);
        using var limitsBitmap = SKBitmap.Decode(limits);
        Assert.Equal((1600, 1000), (limitsBitmap.Width, limitsBitmap.Height));
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
