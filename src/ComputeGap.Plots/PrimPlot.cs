using System.Globalization;
using ScottPlot;

namespace ComputeGap.Plots;

/// <summary>PRIM's trade-off: each box's coverage against its density, peeled and pasted boxes apart, the chosen box marked.</summary>
public static class PrimPlot
{
    /// <summary>The trajectory's picture, in percent.</summary>
    public static Plot Draw(PrimTrajectory trajectory)
    {
        var plot = PlotStyle.Create(
            $"PRIM trajectory for \"{trajectory.Condition}\" in {trajectory.Source}",
            "coverage (% of the cases of interest inside the box)",
            "density (% of the box's cases that are of interest)");
        var path = plot.Add.ScatterLine(
            trajectory.Boxes.Select(b => 100 * b.Coverage).ToArray(), trajectory.Boxes.Select(b => 100 * b.Density).ToArray(), OkabeIto.Grey);
        path.LineWidth = 2;
        AddBoxes(plot, trajectory.Boxes.Where(b => !b.Pasted).ToArray(), MarkerShape.FilledCircle, OkabeIto.Blue, "peeled box");
        AddBoxes(plot, trajectory.Boxes.Where(b => b.Pasted).ToArray(), MarkerShape.FilledSquare, OkabeIto.Orange, "pasted box");
        foreach (var box in trajectory.Boxes)
        {
            var label = plot.Add.Text(box.Restricted.ToString(CultureInfo.InvariantCulture), 100 * box.Coverage, 100 * box.Density);
            label.LabelFontSize = 16;
            label.LabelAlignment = Alignment.LowerLeft;
            label.LabelOffsetX = 8;
            label.LabelOffsetY = -4;
        }

        if (trajectory.Boxes.FirstOrDefault(b => b.Index == trajectory.Chosen) is { } chosen)
        {
            var mark = plot.Add.Marker(100 * chosen.Coverage, 100 * chosen.Density, MarkerShape.OpenCircle, 36, OkabeIto.Black);
            mark.MarkerLineWidth = 3;
            mark.LegendText = string.Create(CultureInfo.InvariantCulture,
                $"chosen: box {chosen.Index}, coverage {100 * chosen.Coverage:0.#} %, density {100 * chosen.Density:0.#} %, mass {100 * chosen.Mass:0.#} %, {chosen.Restricted} inputs restricted");
        }

        plot.Legend.ManualItems.Add(new LegendItem { LabelText = "numbers: inputs the box restricts" });
        plot.Axes.Margins(0.06, 0.08);
        plot.ShowLegend(Alignment.LowerLeft);
        return plot;
    }

    private static void AddBoxes(Plot plot, PrimBox[] boxes, MarkerShape shape, Color color, string legend)
    {
        if (boxes.Length == 0)
        {
            return;
        }

        var markers = plot.Add.Markers(boxes.Select(b => 100 * b.Coverage).ToArray(), boxes.Select(b => 100 * b.Density).ToArray(), shape, 14, color);
        markers.LegendText = legend;
    }
}
