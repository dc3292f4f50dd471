using ComputeGap.IO.Reports;
using ScottPlot;

namespace ComputeGap.Plots;

/// <summary>
/// Draws every picture a run's summary holds (<see cref="Draw"/>), which <see cref="Write"/> saves as files in
/// one directory and the HTML report embeds: the tornado and main-effect
/// curves (when the run has axes with main effects), a grid's two-way heatmaps (rows of a grid), and
/// Sobol or Morris indices (when the design has them), the threshold probabilities (under each policy too),
/// the policies side by side and their regret (when the run has levers), all of the reported outcome
/// (<see cref="SummaryReport.ReportOutcome"/>: the one chosen, else the focus share); and fan charts of
/// every series column when the run kept them (<c>--series</c>: each region's share, and for model v2 its
/// installed H100e and the price).
/// </summary>
public static class SummaryPlots
{
    /// <summary>At most this many heatmaps are drawn: the pairs with the strongest interaction.</summary>
    public const int MaxHeatmaps = 6;

    /// <summary>Writes the pictures of <paramref name="summary"/> into <paramref name="directory"/> (created if missing), in order.</summary>
    /// <param name="summary">The run's summary.</param>
    /// <param name="directory">Where the files go.</param>
    /// <param name="format">PNG or SVG.</param>
    /// <param name="inputUnits">The unit of each axis column, for axis labels (an axis without one is labelled "axis value").</param>
    public static IReadOnlyList<PlotFile> Write(SummaryData summary, string directory, PlotFormat format, IReadOnlyDictionary<string, string>? inputUnits = null)
    {
        Directory.CreateDirectory(directory);
        return Save(Draw(summary, inputUnits), directory, format);
    }

    /// <summary>The pictures of <paramref name="summary"/>, in order, each drawn when the enumeration reaches it.</summary>
    /// <param name="summary">The run's summary.</param>
    /// <param name="inputUnits">The unit of each axis column, for axis labels (an axis without one is labelled "axis value").</param>
    /// <exception cref="ArgumentException">The summary has no statistics of its reported outcome.</exception>
    public static IEnumerable<Picture> Draw(SummaryData summary, IReadOnlyDictionary<string, string>? inputUnits = null)
    {
        var outcome = SummaryReport.ReportOutcome(summary);
        var stats = summary.FindOutcome(outcome) ?? throw new ArgumentException($"the run has no outcome \"{outcome}\"");
        return Pictures(summary, outcome, stats, new InputLabels(inputUnits ?? new Dictionary<string, string>()));
    }

    private static IEnumerable<Picture> Pictures(SummaryData summary, string outcome, IO.Statistics.OutcomeStats stats, InputLabels inputs)
    {
        var scale = OutcomeScale.Of(summary.Metadata, outcome);

        var effects = EffectsOf(summary, outcome);
        if (effects.Count > 0)
        {
            var tornado = Tornado.From(effects, stats);
            var inert = tornado.Bars.Count(b => b.Inert);
            yield return new Picture("tornado", $"tornado of mean {outcome} over {tornado.Bars.Count} axes ({inert} inert)", TornadoPlot.Draw(tornado, scale));
            foreach (var effect in effects.OrderBy(e => e.Axis, StringComparer.Ordinal))
            {
                yield return new Picture($"main-effect.{effect.Axis}",
                    $"mean {outcome} at each of {effect.Levels.Count} values of {effect.Axis}", MainEffectPlot.Draw(effect, scale, stats.Mean, inputs));
            }
        }

        if (summary.Grid is { } grid)
        {
            foreach (var pair in grid.Pairs.Take(MaxHeatmaps))
            {
                yield return new Picture($"heatmap.{pair.First}.{pair.Second}",
                    $"mean {outcome} over {pair.First} x {pair.Second}", HeatmapPlot.Draw(pair, scale, inputs));
            }
        }

        if (summary.Sensitivity is { } sensitivity)
        {
            for (var c = 0; c < sensitivity.Combinations.Count; c++)
            {
                var combination = sensitivity.Combinations[c];
                var levers = SensitivityPlot.LeverText(combination.Levers);
                var suffix = sensitivity.Combinations.Count == 1 ? string.Empty : $".{c + 1}";
                if (combination.Sobol.TryGetValue(outcome, out var sobol))
                {
                    yield return new Picture($"sobol{suffix}",
                        $"Sobol S1 and ST of {outcome}{levers}", SensitivityPlot.Sobol(sobol, sensitivity.Parameters, outcome, levers));
                }

                if (combination.Morris.TryGetValue(outcome, out var morris))
                {
                    yield return new Picture($"morris{suffix}",
                        $"Morris mu* and sigma of {outcome}{levers}", SensitivityPlot.Morris(morris, sensitivity.Parameters, scale, levers));
                }
            }
        }

        // The comparison is computed once (from rows it is a pass over them) for the thresholds and the policies.
        var policies = summary.Policies;
        var (thresholds, _) = summary.ThresholdsInReportOrder(outcome);
        if (thresholds.Count > 0)
        {
            var byPolicy = summary.ThresholdsByPolicy(policies);
            var policiesOf = ThresholdPlot.ShowsPolicies(byPolicy) ? byPolicy : null;
            yield return new Picture("thresholds",
                $"probability of each of {thresholds.Count} threshold rules" + (policiesOf is null ? string.Empty : $" under each of {policiesOf.Policies.Count} policies"),
                ThresholdPlot.Draw(thresholds, policiesOf));
        }

        if (policies is not null)
        {
            var count = policies.Policies.Count;
            string Of(bool regret) => PolicyPlot.Drawn(policies, regret) is { Length: > 0 } drawn ? $" ({drawn})" : string.Empty;
            yield return new Picture("policies", $"{outcome} under each of {count} policies on the same futures{Of(false)}", PolicyPlot.Outcomes(policies, scale));
            yield return new Picture("regret", $"regret in {outcome} of each of {count} policies{Of(true)}", PolicyPlot.Regret(policies, scale));
        }

        foreach (var fan in summary.Fans)
        {
            yield return new Picture(FanPlot.FileName(fan), FanPlot.What(fan), FanPlot.Draw(fan, summary.Metadata));
        }
    }

    /// <summary>Writes the PRIM trajectory of a <c>discover --format json</c> output, and the chosen box's limits when it restricts inputs, into <paramref name="directory"/>.</summary>
    public static IReadOnlyList<PlotFile> WriteDiscovery(PrimTrajectory trajectory, string directory, PlotFormat format)
    {
        Directory.CreateDirectory(directory);
        return Save(DrawDiscovery(trajectory), directory, format);
    }

    /// <summary>The PRIM trajectory of a <c>discover --format json</c> output, and the chosen box's limits when it restricts inputs (and the output holds their ranges).</summary>
    public static IEnumerable<Picture> DrawDiscovery(PrimTrajectory trajectory)
    {
        yield return new("prim-trajectory",
            $"PRIM coverage against density over {trajectory.Boxes.Count} boxes, box {trajectory.Chosen} chosen", PrimPlot.Draw(trajectory));
        if (PrimLimitsPlot.Draw(trajectory) is { } limits)
        {
            yield return new("prim-box", $"the limits of box {trajectory.Chosen} on the {trajectory.ChosenBox!.Limits.Count} inputs it restricts", limits);
        }
    }

    /// <summary>Saves each picture as <paramref name="directory"/>/NAME.png or .svg, one at a time.</summary>
    private static List<PlotFile> Save(IEnumerable<Picture> pictures, string directory, PlotFormat format) =>
        [.. pictures.Select(p => new PlotFile(PlotStyle.Save(p.Plot, directory, p.Name, format), p.What))];

    /// <summary>The main effects of <paramref name="outcome"/>: the summary's own for the focus share, else computed on request.</summary>
    private static IReadOnlyList<IO.Statistics.AxisEffect> EffectsOf(SummaryData summary, string outcome) =>
        outcome == SummaryReport.MainEffectOutcome(summary) ? summary.MainEffects : summary.MainEffectsOf?.Invoke(outcome) ?? [];
}
