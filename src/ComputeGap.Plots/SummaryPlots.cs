using ComputeGap.IO.Reports;
using ScottPlot;

namespace ComputeGap.Plots;

/// <summary>
/// Draws every picture a run's summary holds, each a file in one directory: the tornado and main-effect
/// curves (when the run has axes with main effects), a grid's two-way heatmaps (rows of a grid), and
/// Sobol or Morris indices (when the design has them), all of the reported outcome
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
        var inputs = new InputLabels(inputUnits ?? new Dictionary<string, string>());
        Directory.CreateDirectory(directory);
        var outcome = SummaryReport.ReportOutcome(summary);
        var stats = summary.FindOutcome(outcome) ?? throw new ArgumentException($"the run has no outcome \"{outcome}\"");
        var scale = OutcomeScale.Of(summary.Metadata, outcome);
        var written = new List<PlotFile>();
        void Save(Plot plot, string name, string what) => written.Add(new PlotFile(PlotStyle.Save(plot, directory, name, format), what));

        var effects = EffectsOf(summary, outcome);
        if (effects.Count > 0)
        {
            var tornado = Tornado.From(effects, stats);
            var inert = tornado.Bars.Count(b => b.Inert);
            Save(TornadoPlot.Draw(tornado, scale), "tornado",
                $"tornado of mean {outcome} over {tornado.Bars.Count} axes ({inert} inert)");
            foreach (var effect in effects.OrderBy(e => e.Axis, StringComparer.Ordinal))
            {
                Save(MainEffectPlot.Draw(effect, scale, stats.Mean, inputs), $"main-effect.{effect.Axis}",
                    $"mean {outcome} at each of {effect.Levels.Count} values of {effect.Axis}");
            }
        }

        if (summary.Grid is { } grid)
        {
            foreach (var pair in grid.Pairs.Take(MaxHeatmaps))
            {
                Save(HeatmapPlot.Draw(pair, scale, inputs), $"heatmap.{pair.First}.{pair.Second}",
                    $"mean {outcome} over {pair.First} x {pair.Second}");
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
                    Save(SensitivityPlot.Sobol(sobol, sensitivity.Parameters, outcome, levers), $"sobol{suffix}",
                        $"Sobol S1 and ST of {outcome}{levers}");
                }

                if (combination.Morris.TryGetValue(outcome, out var morris))
                {
                    Save(SensitivityPlot.Morris(morris, sensitivity.Parameters, scale, levers), $"morris{suffix}",
                        $"Morris mu* and sigma of {outcome}{levers}");
                }
            }
        }

        foreach (var fan in summary.Fans)
        {
            Save(FanPlot.Draw(fan, summary.Metadata), FanPlot.FileName(fan), FanPlot.What(fan));
        }

        return written;
    }

    /// <summary>Writes the PRIM trajectory of a <c>discover --format json</c> output, and the chosen box's limits when it restricts inputs, into <paramref name="directory"/>.</summary>
    public static IReadOnlyList<PlotFile> WriteDiscovery(PrimTrajectory trajectory, string directory, PlotFormat format)
    {
        Directory.CreateDirectory(directory);
        var written = new List<PlotFile>
        {
            new(PlotStyle.Save(PrimPlot.Draw(trajectory), directory, "prim-trajectory", format),
                $"PRIM coverage against density over {trajectory.Boxes.Count} boxes, box {trajectory.Chosen} chosen"),
        };
        if (PrimLimitsPlot.Draw(trajectory) is { } limits)
        {
            written.Add(new(PlotStyle.Save(limits, directory, "prim-box", format),
                $"the limits of box {trajectory.Chosen} on the {trajectory.ChosenBox!.Limits.Count} inputs it restricts"));
        }

        return written;
    }

    /// <summary>The main effects of <paramref name="outcome"/>: the summary's own for the focus share, else computed on request.</summary>
    private static IReadOnlyList<IO.Statistics.AxisEffect> EffectsOf(SummaryData summary, string outcome) =>
        outcome == SummaryReport.MainEffectOutcome(summary) ? summary.MainEffects : summary.MainEffectsOf?.Invoke(outcome) ?? [];
}
