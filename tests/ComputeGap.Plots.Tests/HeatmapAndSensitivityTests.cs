using ComputeGap.IO.Sensitivity;
using ScottPlot.Plottables;

namespace ComputeGap.Plots.Tests;

/// <summary>Heatmaps draw a grid's two-way means, and Sobol bars the indices with their confidence half-widths.</summary>
public sealed class HeatmapAndSensitivityTests
{
    [Fact]
    public void HeatmapCellsAreTheTwoWayMeansInPercentWithTheLargestFirstAxisValueOnTop()
    {
        var summary = SampleGrid.Summary();
        var pair = summary.Grid!.Pairs.Single(p => p.First == "a" && p.Second == "b");
        var heatmap = Assert.Single(HeatmapPlot.Draw(pair, OutcomeScale.Of(summary.Metadata, "share_EU"), new InputLabels(new Dictionary<string, string>())).GetPlottables<Heatmap>());

        var cells = heatmap.Intensities;
        Assert.Equal((2, 3), (cells.GetLength(0), cells.GetLength(1)));
        for (var i = 0; i < 2; i++)
        {
            for (var j = 0; j < 3; j++)
            {
                // share_EU = 0.02 + 0.01 a + 0.015 b + 0.005 a b (+ 1e-7 c, averaged over c).
                var expected = 100 * (0.02 + (0.01 * i) + (0.015 * j) + (0.005 * i * j) + 0.5e-7);
                Assert.Equal(expected, cells[1 - i, j], 4);
            }
        }
    }

    [Fact]
    public void SobolBarsCarryS1AndSTWithTheirConfidence()
    {
        var sobol = new SobolIndices(1024, 32, [new SobolIndex(0.3, 0.02, 0.5, 0.03), new SobolIndex(0.1, 0.01, 0.12, 0.015)], []);
        var bars = Assert.Single(SensitivityPlot.Sobol(sobol, ["x1", "x2"], "y", string.Empty).GetPlottables<BarPlot>()).Bars;

        Assert.Equal([0.3, 0.5, 0.1, 0.12], bars.Select(b => b.Value));
        Assert.Equal([0.02, 0.03, 0.01, 0.015], bars.Select(b => b.Error));
        Assert.True(bars[0].Position < bars[1].Position && bars[1].Position < bars[2].Position);
    }
}
