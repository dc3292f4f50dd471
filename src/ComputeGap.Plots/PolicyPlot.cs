using System.Globalization;
using ComputeGap.IO.Sensitivity;
using ScottPlot;

namespace ComputeGap.Plots;

/// <summary>
/// Lever combinations side by side on the same futures (<see cref="PolicyComparison"/>): the outcome's spread
/// under each policy, and each policy's regret, its shortfall against the best policy in the same future.
/// </summary>
public static class PolicyPlot
{
    /// <summary>
    /// Most policies a picture draws, one row each: with more, the half with the highest and the half with
    /// the lowest mean (of the outcome, or of the regret) are drawn, in that order, and the title says so.
    /// </summary>
    public const int MaxRows = 24;

    /// <summary>What the picture of <paramref name="policies"/> draws, ranked by mean <paramref name="regret"/> or outcome: empty when all.</summary>
    public static string Drawn(PolicyComparison policies, bool regret) => Shown(policies, regret).Note;

    /// <summary>
    /// The policies a picture draws and what the title says of them: all of them (no note), or, beyond
    /// <see cref="MaxRows"/>, the half with the highest mean (of the outcome, or of the regret; highest
    /// first) and the half with the lowest (lowest last). A policy without a mean (NaN) has no rank.
    /// </summary>
    private static (PolicyComparison Policies, string Note) Shown(PolicyComparison policies, bool regret)
    {
        var count = policies.Policies.Count;
        if (count <= MaxRows)
        {
            return (policies, string.Empty);
        }

        Func<PolicyRow, double> key = regret ? p => p.RegretMean : p => p.Stats.Mean;
        var ranked = policies.Policies.Where(p => !double.IsNaN(key(p))).OrderByDescending(key).ToArray();
        var by = regret ? "mean regret" : "mean";
        return ranked.Length <= MaxRows
            ? (policies with { Policies = ranked }, $"the {ranked.Length:N0} of {count:N0} with a {by}")
            : (policies with { Policies = [.. ranked.Take(MaxRows / 2), .. ranked.TakeLast(MaxRows / 2)] }, $"the {MaxRows / 2} highest and {MaxRows / 2} lowest of {count:N0} by {by}");
    }

    private static string TitleNote(string note) => note.Length > 0 ? $"\n({note})" : string.Empty;

    /// <summary>The outcome under each policy: p5 to p95 (whisker), p25 to p75 (box), median and mean.</summary>
    public static Plot Outcomes(PolicyComparison policies, OutcomeScale scale)
    {
        (policies, var drawn) = Shown(policies, regret: false);
        var plot = PlotStyle.Create(
            $"{policies.Outcome} under each policy, on the same {policies.Futures:N0} futures" + TitleNote(drawn),
            scale.Label(string.Empty).Trim(),
            "policy (lever values)");
        var (positions, labels) = Rows(policies);
        var f = scale.Factor;
        for (var i = 0; i < policies.Policies.Count; i++)
        {
            var stats = policies.Policies[i].Stats;
            var whisker = plot.Add.Line(stats.P5 * f, positions[i], stats.P95 * f, positions[i]);
            whisker.LineColor = OkabeIto.Black;
            whisker.LineWidth = 2;
            whisker.LegendText = i == 0 ? "p5 to p95" : string.Empty;
        }

        var boxes = plot.Add.Bars(policies.Policies.Select((p, i) => new Bar
        {
            Position = positions[i],
            ValueBase = p.Stats.P25 * f,
            Value = p.Stats.P75 * f,
            FillColor = OkabeIto.SkyBlue,
            LineColor = OkabeIto.Black,
            LineWidth = 1,
            Size = 0.5,
        }).ToList());
        boxes.Horizontal = true;
        boxes.LegendText = "p25 to p75";
        var median = plot.Add.Markers([.. policies.Policies.Select(p => p.Stats.P50 * f)], positions, MarkerShape.VerticalBar, 28, OkabeIto.Black);
        median.LegendText = "median";
        var mean = plot.Add.Markers([.. policies.Policies.Select(p => p.Stats.Mean * f)], positions, MarkerShape.FilledDiamond, 16, OkabeIto.Orange);
        mean.LegendText = "mean";
        Finish(plot, positions, labels);
        return plot;
    }

    /// <summary>Each policy's regret: p50 and p90 bars, the mean, and the share of futures in which it is the best.</summary>
    public static Plot Regret(PolicyComparison policies, OutcomeScale scale)
    {
        var better = policies.LowerIsBetter ? "lower" : "higher";
        (policies, var drawn) = Shown(policies, regret: true);
        var plot = PlotStyle.Create(
            $"Regret in {policies.Outcome} of each policy ({better} is better)" + TitleNote(drawn),
            $"regret: shortfall against the best policy in the same future ({scale.DifferenceUnit})",
            "policy (lever values)");
        var (positions, labels) = Rows(policies);
        var f = scale.Factor;
        var p90 = plot.Add.Bars(policies.Policies.Select((p, i) => new Bar
        {
            Position = positions[i], Value = p.RegretP90 * f, FillColor = OkabeIto.SkyBlue, LineColor = OkabeIto.Black, LineWidth = 1, Size = 0.6,
        }).ToList());
        p90.Horizontal = true;
        p90.LegendText = "p90";
        var p50 = plot.Add.Bars(policies.Policies.Select((p, i) => new Bar
        {
            Position = positions[i], Value = p.RegretP50 * f, FillColor = OkabeIto.Blue, LineColor = OkabeIto.Black, LineWidth = 1, Size = 0.3,
        }).ToList());
        p50.Horizontal = true;
        p50.LegendText = "p50";
        var mean = plot.Add.Markers([.. policies.Policies.Select(p => p.RegretMean * f)], positions, MarkerShape.FilledDiamond, 16, OkabeIto.Orange);
        mean.LegendText = "mean";
        var high = policies.Policies.Select(p => Math.Max(p.RegretP90, p.RegretMean) * f).Where(double.IsFinite).DefaultIfEmpty(0).Max();
        for (var i = 0; i < policies.Policies.Count; i++)
        {
            var best = plot.Add.Text(
                $"best in {policies.Policies[i].BestShare.ToString("P1", CultureInfo.InvariantCulture)}",
                Math.Max(policies.Policies[i].RegretP90, policies.Policies[i].RegretMean) * f,
                positions[i]);
            best.LabelFontSize = 20;
            best.LabelAlignment = Alignment.MiddleLeft;
            best.LabelOffsetX = 14;
        }

        Finish(plot, positions, labels);
        plot.Axes.SetLimitsX(0, high > 0 ? high * 1.3 : 1);
        return plot;
    }

    /// <summary>One row per policy, the first on top, labelled with its lever values.</summary>
    private static (double[] Positions, string[] Labels) Rows(PolicyComparison policies)
    {
        var n = policies.Policies.Count;
        return ([.. Enumerable.Range(0, n).Select(i => (double)(n - 1 - i))],
            [.. policies.Policies.Select(p => string.Join("  ", p.Levers.Select(l => $"{l.Key}={TornadoPlot.Number(l.Value)}")))]);
    }

    private static void Finish(Plot plot, double[] positions, string[] labels)
    {
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericManual(positions, labels);
        plot.Axes.Left.MajorTickStyle.Length = 0;
        plot.Axes.SetLimitsY(-0.6, positions.Length - 0.4);
        plot.Legend.Orientation = Orientation.Horizontal;
        plot.ShowLegend(Edge.Bottom);
    }
}
