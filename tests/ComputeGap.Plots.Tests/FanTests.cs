using ComputeGap.IO.Statistics;
using ScottPlot.Plottables;

namespace ComputeGap.Plots.Tests;

/// <summary>A fan chart draws each month's median in percent at its calendar month, with two bands.</summary>
public sealed class FanTests
{
    private static readonly SeriesFan Fan = new("share", "EU", "fraction",
    [
        new FanQuantiles(0.01, 0.02, 0.03, 0.04, 0.05),
        new FanQuantiles(0.02, 0.03, 0.04, 0.05, 0.06),
        new FanQuantiles(0.01, 0.03, 0.05, 0.07, 0.09),
    ]);

    [Fact]
    public void MedianIsInPercentAtEachCalendarMonthBetweenTwoBands()
    {
        var summary = SampleGrid.Summary();
        var plot = FanPlot.Draw(Fan, summary.Metadata);

        Assert.Equal(2, plot.GetPlottables<FillY>().Count());
        var median = Assert.Single(plot.GetPlottables<Scatter>()).Data.GetScatterPoints();
        Assert.Equal([3.0, 4.0, 5.0], median.Select(p => Math.Round(p.Y, 9)));

        // The sample's run starts in 2024-01: months 0, 1, 2 are January to March 2024.
        Assert.Equal(
            [new DateTime(2024, 1, 1), new DateTime(2024, 2, 1), new DateTime(2024, 3, 1)],
            median.Select(p => DateTime.FromOADate(p.X)));
    }

    [Fact]
    public void EveryRegionsFanIsAFile()
    {
        using var dir = new IO.Tests.TempDirectory();
        var summary = SampleGrid.Summary() with { Fans = [Fan, Fan with { Region = "US" }] };
        var written = SummaryPlots.Write(summary, dir.Path, PlotFormat.Png).Select(f => Path.GetFileName(f.Path)).ToArray();
        Assert.Contains("fan.share_EU.png", written);
        Assert.Contains("fan.share_US.png", written);
    }
}

/// <summary>Installed H100e and the price are drawn by the same fan in their own units; every fan is a picture that decodes.</summary>
public sealed class SeriesFanPictureTests
{
    private static SeriesFan Scaled(string column, string? region, string kind, double factor) =>
        new(column, region, kind, [.. Enumerable.Range(1, 24).Select(t => new FanQuantiles(t * factor, t * 1.5 * factor, t * 2 * factor, t * 2.5 * factor, t * 3 * factor))]);

    [Fact]
    public void InstalledIsInMillionsOfH100eAndThePriceInThousandsOfDollarsPerH100e()
    {
        var metadata = SampleGrid.Summary().Metadata;
        var installed = FanPlot.Draw(Scaled("installed", "EU", "h100e", 1e6), metadata);
        Assert.Equal("installed_EU (million H100e; sketch quantiles, within 1 %)", installed.Axes.Left.Label.Text);
        Assert.Equal(2.0, Math.Round(installed.GetPlottables<Scatter>().Single().Data.GetScatterPoints()[0].Y, 9));

        var price = FanPlot.Draw(Scaled("price", null, "usd", 1e4), metadata);
        Assert.Equal("price (thousand $ per H100e; sketch quantiles, within 1 %)", price.Axes.Left.Label.Text);
        Assert.StartsWith("Price of a H100e (one world value)", price.Axes.Title.Label.Text, StringComparison.Ordinal);
        Assert.Equal(20.0, Math.Round(price.GetPlottables<Scatter>().Single().Data.GetScatterPoints()[0].Y, 9));
    }

    [Fact]
    public void EverySeriesFanIsAPictureThatDecodesOrParses()
    {
        using var dir = new IO.Tests.TempDirectory();
        var summary = SampleGrid.Summary() with { Fans = [Scaled("share", "EU", "fraction", 0.01), Scaled("installed", "EU", "h100e", 3e5), Scaled("price", null, "usd", 2e4)] };
        var written = SummaryPlots.Write(summary, dir.Path, PlotFormat.Png).Where(f => Path.GetFileName(f.Path).StartsWith("fan.", StringComparison.Ordinal)).ToArray();
        Assert.Equal(["fan.share_EU.png", "fan.installed_EU.png", "fan.price.png"], written.Select(f => Path.GetFileName(f.Path)));
        foreach (var file in written)
        {
            using var bitmap = Pictures.Decode(file.Path);
            Assert.Equal((PlotStyle.Width, PlotStyle.Height), (bitmap.Width, bitmap.Height));
            Assert.True(Pictures.DistinctColours(bitmap) > 2, $"{file.Path} is blank");
        }

        var svg = SummaryPlots.Write(summary, Path.Combine(dir.Path, "svg"), PlotFormat.Svg).Single(f => f.Path.EndsWith("fan.price.svg", StringComparison.Ordinal));
        Assert.Equal("svg", System.Xml.Linq.XDocument.Load(svg.Path).Root!.Name.LocalName);
    }
}
