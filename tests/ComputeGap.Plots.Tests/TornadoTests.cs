using ComputeGap.IO.Statistics;
using ScottPlot.Plottables;

namespace ComputeGap.Plots.Tests;

/// <summary>The tornado is drawn on the outcome's own scale: bars span each axis's lowest to highest mean, in percent for a share.</summary>
public sealed class TornadoTests
{
    [Fact]
    public void BarsAreRankedBySwingAndInertAxesAreMarked()
    {
        var summary = SampleGrid.Summary();
        var tornado = Tornado.From(summary.MainEffects, summary.FindOutcome("share_EU")!);

        Assert.Equal(["b", "a", "c"], tornado.Bars.Select(b => b.Axis));
        Assert.Equal(0.035, tornado.Bars[0].Swing, 6);
        Assert.Equal(0.015, tornado.Bars[1].Swing, 6);
        Assert.Equal([false, false, true], tornado.Bars.Select(b => b.Inert));
        Assert.Equal(0.05 * Tornado.InertFraction, tornado.InertBelow, 8);
    }

    [Fact]
    public void DrawnBarsSpanTheMeansInPercentWithTheLargestSwingOnTop()
    {
        var summary = SampleGrid.Summary();
        var tornado = Tornado.From(summary.MainEffects, summary.FindOutcome("share_EU")!);
        var plot = TornadoPlot.Draw(tornado, OutcomeScale.Of(summary.Metadata, "share_EU"));

        var bars = Assert.Single(plot.GetPlottables<BarPlot>()).Bars;
        Assert.Equal(3, bars.Count);
        for (var i = 0; i < bars.Count; i++)
        {
            Assert.Equal(tornado.Bars[i].Low * 100, bars[i].ValueBase, 9);
            Assert.Equal(tornado.Bars[i].High * 100, bars[i].Value, 9);
        }

        // Absolute, not rescaled to the largest swing: b's bar is 3.5 pp long and a's 1.5 pp.
        Assert.Equal(3.5, bars[0].Value - bars[0].ValueBase, 4);
        Assert.Equal(1.5, bars[1].Value - bars[1].ValueBase, 4);
        Assert.True(bars[0].Position > bars[1].Position && bars[1].Position > bars[2].Position);
        Assert.NotEqual(bars[0].FillColor, bars[2].FillColor);
    }

    [Fact]
    public void AnAxisOfEqualMeansHasZeroSwingAndIsInertWhenTheOutcomeVaries()
    {
        var effect = new AxisEffect("flat", [new AxisLevel(0, 0.3, 5), new AxisLevel(1, 0.3, 5)]);
        var stats = new OutcomeStats("share_EU", 10, 0, 0, 0.3, 0.1, 0.2, 0.3, 0.4, 0.5, 0.0, 0.6);
        var bar = Assert.Single(Tornado.From([effect], stats).Bars);
        Assert.Equal(0, bar.Swing);
        Assert.True(bar.Inert);
    }
}
