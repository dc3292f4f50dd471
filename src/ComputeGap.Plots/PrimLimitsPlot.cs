using System.Globalization;
using ScottPlot;

namespace ComputeGap.Plots;

/// <summary>
/// The chosen PRIM box's limits: one horizontal bar per restricted input, the kept part (blue) within the
/// input's full range (grey) normalised to 0..1; categories as equal slots, kept or dropped. Each bar is
/// labelled with the limits' values and the restriction's quasi-p.
/// </summary>
public static class PrimLimitsPlot
{
    /// <summary>The chosen box's limits, or null when it restricts nothing or discover's output gave no input ranges (written before it did).</summary>
    public static Plot? Draw(PrimTrajectory trajectory)
    {
        var inputs = trajectory.Inputs.ToDictionary(i => i.Name, StringComparer.Ordinal);
        if (trajectory.ChosenBox is not { Limits.Count: > 0 } box || !box.Limits.All(l => inputs.ContainsKey(l.Input)))
        {
            return null;
        }

        var plot = PlotStyle.Create(
            string.Create(CultureInfo.InvariantCulture, $"PRIM box {box.Index} for \"{trajectory.Condition}\": coverage {100 * box.Coverage:0.#} %, density {100 * box.Density:0.#} %"),
            "kept part of each input's full range (0 = smallest value, 1 = largest; categories in equal slots)",
            "input the box restricts");
        var n = box.Limits.Count;
        var bars = new List<Bar>();
        var positions = new double[n];
        for (var i = 0; i < n; i++)
        {
            var limit = box.Limits[i];
            var input = inputs[limit.Input];
            positions[i] = n - 1 - i;
            foreach (var (from, to, kept) in Segments(limit, input))
            {
                bars.Add(new Bar
                {
                    Position = positions[i],
                    ValueBase = from,
                    Value = to,
                    FillColor = kept ? OkabeIto.Blue : OkabeIto.Grey.WithAlpha(0.5),
                    LineColor = OkabeIto.Black,
                    LineWidth = 1,
                    Size = kept ? 0.6 : 0.4,
                });
            }

            var label = plot.Add.Text(Label(limit, input), 1.02, positions[i]);
            label.LabelFontSize = 18;
            label.LabelAlignment = Alignment.MiddleLeft;
        }

        var barPlot = plot.Add.Bars(bars);
        barPlot.Horizontal = true;
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = "kept by the box", FillColor = OkabeIto.Blue });
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = "outside the box", FillColor = OkabeIto.Grey.WithAlpha(0.5) });
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericManual(positions, [.. box.Limits.Select(l => l.Input)]);
        plot.Axes.Left.MajorTickStyle.Length = 0;
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual([0, 0.25, 0.5, 0.75, 1], ["0", "0.25", "0.5", "0.75", "1"]);
        plot.HideGrid();
        // Room right of the bars for the limits' labels.
        plot.Axes.SetLimits(-0.02, 2.1, -0.6, n - 0.4);
        plot.Legend.Orientation = Orientation.Horizontal;
        plot.ShowLegend(Edge.Bottom);
        return plot;
    }

    /// <summary>The bar's pieces on 0..1: the full range and the kept interval, or one slot per category.</summary>
    internal static IEnumerable<(double From, double To, bool Kept)> Segments(PrimLimit limit, PrimInput input)
    {
        if (input.Categorical)
        {
            var m = input.Categories.Count;
            return input.Categories.Select((c, j) => ((double)j / m, (double)(j + 1) / m, limit.Kept.Contains(c)));
        }

        var span = input.Max - input.Min;
        double Normalised(double value) => span > 0 && double.IsFinite(value) ? Math.Clamp((value - input.Min) / span, 0, 1) : 0;
        var low = Normalised(limit.Min);
        var high = span > 0 && double.IsFinite(limit.Max) ? Normalised(limit.Max) : 1;
        return [(0, 1, false), (low, high, true)];
    }

    /// <summary><c>kept 0.1 to 0.4 of 0 to 1; quasi-p 3e-5</c>, or <c>kept: a, b; dropped: c; quasi-p …</c>.</summary>
    internal static string Label(PrimLimit limit, PrimInput input)
    {
        var kept = input.Categorical
            ? $"kept: {string.Join(", ", limit.Kept)}; dropped: {string.Join(", ", input.Categories.Except(limit.Kept, StringComparer.Ordinal))}"
            : $"kept {TornadoPlot.Number(limit.Min)} to {TornadoPlot.Number(limit.Max)} of {TornadoPlot.Number(input.Min)} to {TornadoPlot.Number(input.Max)}";
        return limit.QuasiP is { } p ? $"{kept}; quasi-p {p.ToString("0.##e0", CultureInfo.InvariantCulture)}" : kept;
    }
}
