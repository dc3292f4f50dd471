using System.Globalization;
using ScottPlot;

namespace ComputeGap.Plots;

/// <summary>Draws a <see cref="Tornado"/>: horizontal bars in outcome units, largest swing on top, inert axes grey and named.</summary>
public static class TornadoPlot
{
    /// <summary>The picture of <paramref name="tornado"/>, drawn in <paramref name="scale"/>'s units.</summary>
    public static Plot Draw(Tornado tornado, OutcomeScale scale)
    {
        var plot = PlotStyle.Create($"Tornado: mean {tornado.Outcome} over each axis's values", scale.Label("mean"), "sweep axis");
        var n = tornado.Bars.Count;
        var bars = new List<Bar>();
        var positions = new double[n];
        var labels = new string[n];
        var difference = ShortDifference(scale);
        for (var i = 0; i < n; i++)
        {
            var bar = tornado.Bars[i];
            positions[i] = n - 1 - i;
            labels[i] = bar.Inert ? $"{bar.Axis} (inert)" : bar.Axis;
            bars.Add(new Bar
            {
                Position = positions[i],
                ValueBase = bar.Low * scale.Factor,
                Value = bar.High * scale.Factor,
                FillColor = bar.Inert ? OkabeIto.Grey : OkabeIto.Blue,
                LineColor = OkabeIto.Black,
                LineWidth = 1,
                Size = 0.6,
            });
            var swing = plot.Add.Text($"{Number(bar.Swing * scale.Factor)} {difference}", bar.High * scale.Factor, positions[i]);
            swing.LabelFontSize = 20;
            swing.LabelAlignment = Alignment.MiddleLeft;
            swing.LabelOffsetX = 14;
        }

        var barPlot = plot.Add.Bars(bars);
        barPlot.Horizontal = true;
        barPlot.LegendText = "lowest to highest mean (length: the swing)";

        var first = plot.Add.Markers(
            [.. tornado.Bars.Select(b => b.AtFirstValue * scale.Factor)], positions, MarkerShape.FilledCircle, 14, OkabeIto.Orange);
        first.LegendText = "at the axis's smallest value";
        var last = plot.Add.Markers(
            [.. tornado.Bars.Select(b => b.AtLastValue * scale.Factor)], positions, MarkerShape.FilledTriangleUp, 16, OkabeIto.Black);
        last.LegendText = "at its largest value";
        var mean = plot.Add.VerticalLine(tornado.Mean * scale.Factor, 2, OkabeIto.Black, LinePattern.Dashed);
        mean.LegendText = $"mean of all: {Number(tornado.Mean * scale.Factor)} {scale.Unit}";
        if (tornado.Bars.Any(b => b.Inert))
        {
            plot.Legend.ManualItems.Add(new LegendItem
            {
                LabelText = $"inert: swing < {Tornado.InertFraction.ToString("P1", CultureInfo.InvariantCulture)} of the range ({Number(tornado.InertBelow * scale.Factor)} {difference})",
                FillColor = OkabeIto.Grey,
            });
        }

        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericManual(positions, labels);
        plot.Axes.Left.MajorTickStyle.Length = 0;
        plot.HideGrid();
        // Absolute scale: from zero (or the lowest mean, if negative) to past the largest, leaving room for the swing labels.
        var low = Math.Min(0, tornado.Bars.Select(b => b.Low * scale.Factor).DefaultIfEmpty(0).Min());
        var high = tornado.Bars.Select(b => b.High * scale.Factor).DefaultIfEmpty(1).Max();
        var span = high > low ? high - low : 1;
        plot.Axes.SetLimits(low, high + (0.15 * span), -0.6, n - 0.4);
        plot.Legend.Orientation = Orientation.Horizontal;
        plot.ShowLegend(Edge.Bottom);
        return plot;
    }

    private static string ShortDifference(OutcomeScale scale) => scale.DifferenceUnit == "percentage points" ? "pp" : scale.DifferenceUnit;

    internal static string Number(double value) =>
        Math.Abs(value) is >= 1e5 or (< 1e-3 and > 0)
            ? value.ToString("0.###e0", CultureInfo.InvariantCulture)
            : value.ToString("0.###", CultureInfo.InvariantCulture);
}
