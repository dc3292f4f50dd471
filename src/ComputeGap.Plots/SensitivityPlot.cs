using ComputeGap.IO.Reports;
using ComputeGap.IO.Sensitivity;
using ScottPlot;

namespace ComputeGap.Plots;

/// <summary>Sobol S1 and ST bars with 95 % confidence intervals, and Morris μ* against σ.</summary>
public static class SensitivityPlot
{
    /// <summary>Sobol first-order (S1) and total (ST) indices of one outcome, per uncertain parameter.</summary>
    public static Plot Sobol(SobolIndices sobol, IReadOnlyList<string> parameters, string outcome, string levers)
    {
        var plot = PlotStyle.Create(
            $"Sobol indices of {outcome}{levers} ({sobol.Samples:N0} base samples)",
            "uncertain parameter",
            "index (share of the outcome's variance, 0 to 1); whiskers: 95 % confidence");
        var bars = new List<Bar>();
        var positions = new double[parameters.Count];
        for (var p = 0; p < parameters.Count; p++)
        {
            positions[p] = p;
            var index = sobol.Indices[p];
            bars.Add(new Bar { Position = p - 0.2, Value = index.S1, Error = index.S1Conf, Size = 0.38, FillColor = OkabeIto.Blue, LineColor = OkabeIto.Black, LineWidth = 1 });
            bars.Add(new Bar { Position = p + 0.2, Value = index.ST, Error = index.STConf, Size = 0.38, FillColor = OkabeIto.Orange, LineColor = OkabeIto.Black, LineWidth = 1 });
        }

        plot.Add.Bars(bars);
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = "S1, first order (dark)", FillColor = OkabeIto.Blue });
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = "ST, total (light)", FillColor = OkabeIto.Orange });
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(positions, [.. parameters]);
        plot.Axes.Bottom.TickLabelStyle.Rotation = parameters.Count > 6 ? 30 : 0;
        plot.Axes.Bottom.TickLabelStyle.Alignment = parameters.Count > 6 ? Alignment.MiddleLeft : Alignment.UpperCenter;
        plot.Axes.Margins(bottom: 0);
        plot.ShowLegend(Alignment.UpperRight);
        return plot;
    }

    /// <summary>Morris μ* (mean absolute elementary effect) against σ (their spread), one labelled point per parameter.</summary>
    public static Plot Morris(IReadOnlyList<MorrisIndex> morris, IReadOnlyList<string> parameters, OutcomeScale scale, string levers)
    {
        var unit = $"{scale.Unit} per normalised range";
        var plot = PlotStyle.Create(
            $"Morris screening of {scale.Outcome}{levers}",
            $"μ*, mean |elementary effect| ({unit})",
            $"σ, spread of elementary effects ({unit})");
        var xs = morris.Select(m => m.MuStar * scale.Factor).ToArray();
        var ys = morris.Select(m => m.Sigma * scale.Factor).ToArray();
        var points = plot.Add.Markers(xs, ys, MarkerShape.FilledCircle, 14, OkabeIto.Blue);
        points.LegendText = "parameter";
        var halfWidths = morris.Select(m => m.MuStarConf * scale.Factor).ToArray();
        var errors = new ScottPlot.Plottables.ErrorBar(xs, ys, halfWidths, halfWidths, null, null) { Color = OkabeIto.Blue };
        plot.Add.Plottable(errors);
        errors.LegendText = "μ* 95 % confidence";
        for (var p = 0; p < parameters.Count; p++)
        {
            var label = plot.Add.Text(parameters[p], xs[p], ys[p]);
            label.LabelFontSize = 18;
            label.LabelAlignment = Alignment.LowerLeft;
            label.LabelOffsetX = 8;
        }

        var top = Math.Max(xs.DefaultIfEmpty(0).Max(), ys.DefaultIfEmpty(0).Max());
        var diagonal = plot.Add.Line(0, 0, top, top);
        diagonal.LinePattern = LinePattern.Dashed;
        diagonal.Color = OkabeIto.Grey;
        diagonal.LegendText = "σ = μ* (above: non-linear or interacting)";
        plot.Axes.Margins(0.1, 0.1);
        plot.ShowLegend(Alignment.UpperLeft);
        return plot;
    }

    /// <summary>" with lever = value, …" for a lever combination, or empty without levers.</summary>
    public static string LeverText(IReadOnlyDictionary<string, double> levers) =>
        levers.Count == 0 ? string.Empty : " with " + string.Join(", ", levers.Select(l => $"{l.Key} = {ReportNumbers.AxisValue(l.Value)}"));
}
