using ComputeGap.IO.Statistics;
using ScottPlot;

namespace ComputeGap.Plots;

/// <summary>One axis's main-effect curve: the outcome's mean at each value of the axis, with the overall mean for reference.</summary>
public static class MainEffectPlot
{
    /// <summary>The curve of <paramref name="effect"/> on an outcome whose overall mean is <paramref name="mean"/> (stored units); <paramref name="inputs"/> labels the axis.</summary>
    public static Plot Draw(AxisEffect effect, OutcomeScale scale, double mean, InputLabels inputs)
    {
        var plot = PlotStyle.Create(
            $"Main effect of {effect.Axis} on mean {scale.Outcome}",
            inputs.Label(effect.Axis),
            scale.Label("mean"));
        var levels = effect.Levels.Where(l => double.IsFinite(l.Mean)).ToArray();
        var xs = levels.Select(l => l.Value).ToArray();
        var ys = levels.Select(l => l.Mean * scale.Factor).ToArray();
        var curve = plot.Add.Scatter(xs, ys, OkabeIto.Blue);
        curve.LineWidth = 3;
        curve.MarkerShape = MarkerShape.FilledCircle;
        curve.MarkerSize = 12;
        curve.LegendText = $"mean {scale.Outcome} at each value (swing {TornadoPlot.Number(effect.Swing * scale.Factor)} {scale.DifferenceUnit})";
        var overall = plot.Add.HorizontalLine(mean * scale.Factor, 2, OkabeIto.Black, LinePattern.Dashed);
        overall.LegendText = "mean over all scenarios";
        if (xs.Length <= 12)
        {
            plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
                xs, [.. xs.Select(x => IO.Reports.ReportNumbers.AxisValue(x))]);
        }

        plot.Axes.Margins(0.05, 0.15);
        plot.ShowLegend(Alignment.UpperRight);
        return plot;
    }
}
