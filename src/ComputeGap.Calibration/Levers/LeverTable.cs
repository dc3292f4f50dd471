using ComputeGap.Calibration.Fitting;
using ComputeGap.Calibration.Running;
using ComputeGap.Core.Market;
using ComputeGap.Core.Model;
using ComputeGap.Core.Models;
using ComputeGap.Sweep.Spec;

namespace ComputeGap.Calibration.Levers;

/// <summary>A lever's metrics and their changes from the baseline.</summary>
/// <param name="Lever">The lever (null for the baseline row).</param>
/// <param name="Values">Each <see cref="LeverMetric"/>'s value.</param>
/// <param name="Baseline">The baseline's values.</param>
public sealed record LeverRow(Lever? Lever, IReadOnlyDictionary<LeverMetric, double> Values, IReadOnlyDictionary<LeverMetric, double> Baseline)
{
    /// <summary>A change smaller than this (relative, or absolute for shares) counts as none.</summary>
    public const double Tolerance = 1e-5;

    /// <summary>The change of <paramref name="metric"/> from the baseline (absolute for shares, relative otherwise).</summary>
    public double Change(LeverMetric metric) => IsShare(metric)
        ? Values[metric] - Baseline[metric]
        : (Values[metric] - Baseline[metric]) / Math.Abs(Baseline[metric]);

    /// <summary>True when no metric moves by more than <see cref="Tolerance"/>.</summary>
    public bool Inert => Enum.GetValues<LeverMetric>().All(m => !(Math.Abs(Change(m)) > Tolerance));

    /// <summary>The expectations that do not hold.</summary>
    public IEnumerable<Expectation> Broken => Lever?.Expected.Where(e => !(Math.Sign(Change(e.Metric)) == e.Direction && Math.Abs(Change(e.Metric)) > Tolerance)) ?? [];

    public static bool IsShare(LeverMetric metric) => metric is LeverMetric.FocusShare or LeverMetric.RivalBShare or LeverMetric.FocusAccessibleCoverage;
}

/// <summary>
/// `computegap levers`: each lever of docs/model-v2.md changed one at a time from the v2 baseline (and
/// joint rows where one constraint hides another), run to the baseline's horizon, with its effect on
/// the focus share, the focus region's accessible coverage, the rivals' ratio (raw and effective),
/// global installed compute and the price.
/// </summary>
public static class LeverTable
{
    public static IReadOnlyList<LeverRow> Run(Baseline baseline, IReadOnlyList<Lever>? levers = null)
    {
        var values = new BaselineValues(baseline);
        var shape = baseline.Shape();
        var base0 = Metrics(values, shape);
        var rows = new List<LeverRow> { new(null, base0, base0) };
        foreach (var lever in levers ?? LeverCatalog.All)
        {
            var changed = values.Clone();
            foreach (var change in lever.Changes)
            {
                changed[change.Parameter] = change.Change(changed[change.Parameter]);
            }

            rows.Add(new LeverRow(lever, Metrics(changed, shape), base0));
        }

        return rows;
    }

    private static Dictionary<LeverMetric, double> Metrics(BaselineValues values, ModelShape shape)
    {
        var run = SingleRun.Run(values.Model, values.Slots, shape);
        var trace = new MarketTrace(run, shape.Regions);
        var outcomes = values.Model.Outcomes(values.Regions).Select((o, i) => (o.Name, i)).ToDictionary(x => x.Name, x => run.Outcomes[x.i]);
        var last = shape.Months - 1;
        return new Dictionary<LeverMetric, double>
        {
            [LeverMetric.FocusShare] = trace.Share(shape.Focus, last),
            [LeverMetric.FocusAccessibleCoverage] = outcomes["focus_accessible_coverage"],
            [LeverMetric.RivalRatio] = outcomes["rival_ratio"],
            [LeverMetric.EffectiveRivalRatio] = outcomes["effective_rival_ratio"],
            [LeverMetric.GlobalInstalled] = outcomes["global_installed"],
            [LeverMetric.Price] = outcomes["price_final"],
            [LeverMetric.RivalBShare] = trace.Share(shape.RivalB, last),
            [LeverMetric.UsDesignedOutput] = trace.Output(0, shape.Months),
            [LeverMetric.DomesticChips] = trace.DomesticChips(0, shape.Months),
        };
    }

    /// <summary>Model v2's descriptor, which the lever table is defined for.</summary>
    public static Core.Models.ModelDescriptor Model => ModelV2.Descriptor;
}
