using ComputeGap.IO.Reports;
using ComputeGap.IO.Sensitivity;
using ScottPlot;

namespace ComputeGap.Plots;

/// <summary>
/// The report's threshold probabilities (its rules and the sweep file's own), one row per rule: over the
/// whole run, and with levers under each policy side by side on the same futures (up to
/// <see cref="MaxPolicies"/>, one colour each; the whole run as a black diamond).
/// </summary>
public static class ThresholdPlot
{
    /// <summary>Most policies drawn side by side (the palette's colours but black); a run with more shows the whole run only.</summary>
    public const int MaxPolicies = 7;

    private static readonly Color[] Colours =
        [OkabeIto.Blue, OkabeIto.Orange, OkabeIto.SkyBlue, OkabeIto.Vermillion, OkabeIto.BluishGreen, OkabeIto.ReddishPurple, OkabeIto.Yellow];

    /// <summary>True when <paramref name="policies"/> are drawn side by side (there are some, and not too many).</summary>
    public static bool ShowsPolicies(PolicyThresholds? policies) => policies is { Policies.Count: > 0 and <= MaxPolicies };

    /// <summary>The probabilities of <paramref name="thresholds"/> (in report order, the first on top), and under each of <paramref name="policies"/> when given.</summary>
    /// <exception cref="ArgumentException">There are no thresholds.</exception>
    public static Plot Draw(IReadOnlyList<ThresholdProbability> thresholds, PolicyThresholds? policies)
    {
        if (thresholds.Count == 0)
        {
            throw new ArgumentException("the run has no threshold probabilities", nameof(thresholds));
        }

        var sideBySide = ShowsPolicies(policies);
        var plot = PlotStyle.Create(
            sideBySide ? $"Threshold probabilities under each policy, on the same {policies!.Futures:N0} futures" : "Threshold probabilities (share of the run's scenarios)",
            "probability (%)",
            string.Empty);
        var rows = thresholds.Count;
        double Row(int r) => rows - 1 - r;
        if (sideBySide)
        {
            var n = policies!.Policies.Count;
            var size = 0.8 / n;
            for (var i = 0; i < n; i++)
            {
                var row = policies.Policies[i];
                var byName = row.Thresholds.ToDictionary(t => t.Name, t => t.Probability, StringComparer.Ordinal);
                var bars = plot.Add.Bars(thresholds.Select((t, r) => (Row: r, Probability: byName.GetValueOrDefault(t.Name, double.NaN)))
                    .Where(b => double.IsFinite(b.Probability))
                    .Select(b => new Bar
                    {
                        Position = Row(b.Row) + 0.4 - ((i + 0.5) * size),
                        Value = b.Probability * 100,
                        FillColor = Colours[i],
                        LineColor = OkabeIto.Black,
                        LineWidth = 1,
                        Size = size,
                    }).ToList());
                bars.Horizontal = true;
                bars.LegendText = string.Join("  ", row.Levers.Select(l => $"{l.Key}={TornadoPlot.Number(l.Value)}"));
            }

            var known = thresholds.Select((t, r) => (t.Probability, Row: r)).Where(t => double.IsFinite(t.Probability)).ToArray();
            var whole = plot.Add.Markers(known.Select(t => t.Probability * 100).ToArray(), known.Select(t => Row(t.Row)).ToArray(),
                MarkerShape.FilledDiamond, 14, OkabeIto.Black);
            whole.LegendText = "whole run";
        }
        else
        {
            var bars = plot.Add.Bars(thresholds.Select((t, r) => (t.Probability, Row: r)).Where(t => double.IsFinite(t.Probability)).Select(t => new Bar
            {
                Position = Row(t.Row), Value = t.Probability * 100, FillColor = OkabeIto.SkyBlue, LineColor = OkabeIto.Black, LineWidth = 1, Size = 0.6,
            }).ToList());
            bars.Horizontal = true;
        }

        // Each rule's whole-run probability written at its row, as the tables print it ("n/a" where no scenario could be judged).
        for (var r = 0; r < rows && !sideBySide; r++)
        {
            var probability = thresholds[r].Probability;
            var label = plot.Add.Text(ReportNumbers.Probability(probability), double.IsFinite(probability) ? probability * 100 : 0, Row(r));
            label.LabelFontSize = 20;
            label.LabelAlignment = Alignment.MiddleLeft;
            label.LabelOffsetX = 10;
        }

        for (var r = 0; r < rows && sideBySide; r++)
        {
            if (!double.IsFinite(thresholds[r].Probability))
            {
                var label = plot.Add.Text("n/a", 0, Row(r));
                label.LabelFontSize = 20;
                label.LabelAlignment = Alignment.MiddleLeft;
                label.LabelOffsetX = 10;
            }
        }

        double[] positions = [.. thresholds.Select((_, r) => Row(r))];
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericManual(positions, [.. thresholds.Select(t => t.Description)]);
        plot.Axes.Left.MajorTickStyle.Length = 0;
        plot.Axes.SetLimitsY(-0.6, rows - 0.4);
        plot.Axes.SetLimitsX(0, sideBySide ? 102 : 115);
        double[] ticks = [.. Enumerable.Range(0, 11).Select(t => t * 10.0)];
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(ticks, [.. ticks.Select(t => t.ToString(System.Globalization.CultureInfo.InvariantCulture))]);
        if (sideBySide)
        {
            plot.Legend.Orientation = Orientation.Horizontal;
            plot.ShowLegend(Edge.Bottom);
        }

        return plot;
    }
}
