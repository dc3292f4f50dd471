using ComputeGap.IO.Reports;

namespace ComputeGap.Plots;

/// <summary>
/// How an outcome is drawn on an axis: the factor from stored values to shown ones and the unit.
/// Fractions are shown in percent (so differences are percentage points), months as months from the
/// run's start, the rest in their recorded unit.
/// </summary>
/// <param name="Outcome">Outcome column.</param>
/// <param name="Factor">Shown value = stored value × Factor.</param>
/// <param name="Unit">Unit of shown values (e.g. <c>%</c>, <c>H100e</c>).</param>
/// <param name="DifferenceUnit">Unit of a difference of shown values (e.g. <c>pp</c> for percent).</param>
public sealed record OutcomeScale(string Outcome, double Factor, string Unit, string DifferenceUnit)
{
    /// <summary>The scale of <paramref name="outcome"/>, from its recorded kind.</summary>
    public static OutcomeScale Of(SummaryMetadata metadata, string outcome) => OfKind(outcome, metadata.KindOf(outcome), metadata.StartMonth);

    /// <summary>The scale of <paramref name="outcome"/> of kind <paramref name="kind"/> (<c>fraction</c>, <c>month</c>, <c>h100e</c>, …) in a run starting at <paramref name="start"/>.</summary>
    public static OutcomeScale OfKind(string outcome, string kind, DateOnly? start) => kind switch
    {
        "fraction" => new(outcome, 100, "%", "percentage points"),
        "month" => new(outcome, 1, start is { } first ? $"months after {first:yyyy-MM}" : "months", "months"),
        "h100e" => new(outcome, 1, "H100e", "H100e"),
        "usd" => new(outcome, 1, "$", "$"),
        "ratio" => new(outcome, 1, "ratio", "ratio"),
        _ => new(outcome, 1, "value", "value"),
    };

    /// <summary>An axis label: the outcome's name and unit.</summary>
    public string Label(string what) => $"{what} {Outcome} ({Unit})";
}
