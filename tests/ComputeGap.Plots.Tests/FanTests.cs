using ComputeGap.IO.Statistics;
using ScottPlot.Plottables;

namespace ComputeGap.Plots.Tests;

/// <summary>A fan chart draws each month's median in percent at its calendar month, with two bands.</summary>
public sealed class FanTests
{
    private static readonly ShareFan Fan = new("EU",
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
