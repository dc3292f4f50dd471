using System.Globalization;

namespace ComputeGap.Calibration.Levers;

/// <summary>One parameter change of a lever: <c>name</c> or <c>name[REGION]</c>, what it becomes, and how that reads.</summary>
/// <param name="Parameter">The parameter.</param>
/// <param name="Change">The new value from the baseline's.</param>
/// <param name="Text">The change for people, e.g. "x 2", "= 1", "+ 0.3".</param>
public sealed record LeverChange(string Parameter, Func<double, double> Change, string Text)
{
    public static LeverChange Times(string parameter, double factor) =>
        new(parameter, v => v * factor, FormattableString.Invariant($"x {factor}"));

    public static LeverChange Plus(string parameter, double step) =>
        new(parameter, v => v + step, (step >= 0 ? "+ " : "- ") + Math.Abs(step).ToString(CultureInfo.InvariantCulture));

    public static LeverChange To(string parameter, double value) =>
        new(parameter, _ => value, "= " + value.ToString(CultureInfo.InvariantCulture));
}

/// <summary>What a lever's effect should do, from the source material (a sign the lever test checks).</summary>
/// <param name="Metric">The metric.</param>
/// <param name="Direction">+1 must rise, −1 must fall.</param>
public sealed record Expectation(LeverMetric Metric, int Direction);

/// <summary>
/// A lever of docs/model-v2.md: one change (or a joint change where one constraint hides another)
/// from the baseline, the signs the source material gives it, and, for a lever that does nothing in
/// the baseline, the one-sentence reason the docs give.
/// </summary>
/// <param name="Name">The lever, e.g. <c>us_priority</c> or <c>EU capex x2 + EU power</c>.</param>
/// <param name="Mechanism">The mechanism of docs/model-v2.md it belongs to.</param>
/// <param name="Changes">The parameter changes.</param>
/// <param name="Expected">Signs that must hold.</param>
/// <param name="InertBecause">Why it is inert in the baseline, when it is (null: it must move something).</param>
public sealed record Lever(string Name, string Mechanism, IReadOnlyList<LeverChange> Changes, IReadOnlyList<Expectation> Expected, string? InertBecause = null)
{
    /// <summary>The setting for people: the changes joined.</summary>
    public string Setting => string.Join("; ", Changes.Select(c => $"{c.Parameter} {c.Text}"));
}

/// <summary>What the lever table reports for each lever (values after the last month unless said).</summary>
public enum LeverMetric
{
    /// <summary>The focus region's share of installed compute.</summary>
    FocusShare,

    /// <summary>The focus region's accessible coverage: (own + cloud) over its usage demand.</summary>
    FocusAccessibleCoverage,

    /// <summary>The rivals' compute ratio.</summary>
    RivalRatio,

    /// <summary>The rivals' effective compute ratio.</summary>
    EffectiveRivalRatio,

    /// <summary>Global installed compute, H100e.</summary>
    GlobalInstalled,

    /// <summary>The last month's price, $ per H100e.</summary>
    Price,

    /// <summary>The second rival's (China's) share of installed compute.</summary>
    RivalBShare,

    /// <summary>US-designed output over the run, H100e.</summary>
    UsDesignedOutput,

    /// <summary>China's domestic output over the run, chips.</summary>
    DomesticChips,
}
