using ComputeGap.IO.Reports;

namespace ComputeGap.Calibration.Hindcast;

/// <summary>Whether a hindcast criterion must hold or is only reported.</summary>
public enum CriterionKind
{
    /// <summary>Fails the hindcast when it does not hold.</summary>
    Hard,

    /// <summary>Reported only: the data measure something else (cluster shares against chip counts).</summary>
    Soft,
}

/// <summary>One criterion of the hindcast: the model against the data and two naive forecasts.</summary>
/// <param name="Id">Machine name, e.g. <c>output_2025</c>.</param>
/// <param name="Criterion">What is compared, for people.</param>
/// <param name="Sample">"in" for figures the calibration saw (2024), "out" for 2025 and later.</param>
/// <param name="Observed">The observed figure (NaN when the criterion is a bound, not a figure).</param>
/// <param name="Model">The calibrated model's figure.</param>
/// <param name="Error">Relative error of the model (or, for shares, the difference in share points as a fraction).</param>
/// <param name="NaiveLevel">The 2024 level held, where it applies.</param>
/// <param name="NaiveLevelError">Its error.</param>
/// <param name="NaiveGrowth">2024's growth extended, where it applies.</param>
/// <param name="NaiveGrowthError">Its error.</param>
/// <param name="Rule">The pass rule, e.g. "within ±20 %".</param>
/// <param name="Passed">Whether the model meets the rule.</param>
/// <param name="Kind">Hard or soft.</param>
/// <param name="Format">How people see the figures (shares as percentages, quantities as numbers).</param>
public sealed record HindcastRow(
    string Id,
    string Criterion,
    string Sample,
    double Observed,
    double Model,
    double Error,
    double? NaiveLevel,
    double? NaiveLevelError,
    double? NaiveGrowth,
    double? NaiveGrowthError,
    string Rule,
    bool Passed,
    CriterionKind Kind,
    CellFormat Format = CellFormat.Number);
