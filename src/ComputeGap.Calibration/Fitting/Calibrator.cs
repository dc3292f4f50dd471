using ComputeGap.Calibration.Observed;
using ComputeGap.Core.Market;
using ComputeGap.Sweep.Spec;

namespace ComputeGap.Calibration.Fitting;

/// <summary>
/// `computegap calibrate`: model v2's calibration, a fixed procedure run from a baseline file and the
/// observed data (docs/model-v2.md, "Calibration"). Stage 0 derives values from data known before
/// 2025; stage 1 fits US-designed capacity; stage 2 fits the market; stage 3 sets usage demand's growth.
/// Values not named here keep the baseline file's (sourced) values.
/// </summary>
public static class Calibrator
{
    /// <summary>Most rounds of the market and demand fits (they settle in a few).</summary>
    private const int MaxRounds = 30;

    /// <summary>Calibrates <paramref name="baseline"/> against <paramref name="observed"/>.</summary>
    /// <exception cref="InvalidDataException">The baseline is not a v2 baseline, or the data lack a figure the fit needs.</exception>
    public static CalibrationResult Calibrate(Baseline baseline, ObservedData observed)
    {
        if (baseline.Model != ModelV2.Descriptor)
        {
            throw new InvalidDataException($"{baseline.SourceName}: calibration is defined for model v2, not model {baseline.Model.Name}");
        }

        var values = new BaselineValues(baseline);
        var targets = new List<FitTarget>();
        var fitted = new List<FittedValue>();
        fitted.AddRange(DerivedValues.Compute(values, observed));
        fitted.AddRange(SupplyFit.Fit(values, observed, targets));

        // Usage demand caps rent, so it moves the market a little, and the market moves the fleet that
        // demand is set to: fit the two in turn until neither changes, whatever the file held before.
        IReadOnlyList<FittedValue> market = [], demand = [];
        var marketTargets = new List<FitTarget>();
        for (var round = 0; round < MaxRounds; round++)
        {
            marketTargets.Clear();
            var before = values.Slots.ToArray();
            market = MarketFit.Fit(values, observed, marketTargets);
            demand = DemandFit.Fit(values, marketTargets);
            if (values.Slots.Select((v, i) => Math.Abs(v - before[i]) <= 1e-10 * Math.Max(1, Math.Abs(v))).All(x => x))
            {
                break;
            }
        }

        fitted.AddRange(market);
        fitted.AddRange(demand);
        targets.AddRange(marketTargets);
        return new CalibrationResult(values, fitted, targets);
    }
}

/// <summary>What the calibration produced.</summary>
/// <param name="Values">The calibrated baseline values (the file's values where the calibration is silent).</param>
/// <param name="Fitted">Every derived or fitted value, in order.</param>
/// <param name="Targets">Every fit target with the model's figure.</param>
public sealed record CalibrationResult(BaselineValues Values, IReadOnlyList<FittedValue> Fitted, IReadOnlyList<FitTarget> Targets)
{
    /// <summary>Significant digits a calibrated value is written with.</summary>
    public const int Digits = 8;

    /// <summary><paramref name="value"/> rounded to <see cref="Digits"/> significant digits, as the baseline file holds it.</summary>
    public static double Rounded(double value) =>
        value == 0 || !double.IsFinite(value) ? value : double.Parse(value.ToString("G" + Digits, System.Globalization.CultureInfo.InvariantCulture), System.Globalization.CultureInfo.InvariantCulture);
}
