using System.Globalization;

namespace ComputeGap.Core.Parameters;

/// <summary>
/// The values a <see cref="ParamKind"/> allows, as bounds, for people and scripts to read
/// (<c>computegap params</c>); <see cref="ParamRules.Check"/> is the rule that enforces them, and a
/// test checks the two agree at and beside every bound.
/// </summary>
/// <param name="Min">Lower bound, or −∞.</param>
/// <param name="MinInclusive">True when <paramref name="Min"/> itself is allowed.</param>
/// <param name="Max">Upper bound, or +∞.</param>
/// <param name="MaxInclusive">True when <paramref name="Max"/> itself is allowed.</param>
/// <param name="Whole">True when only whole numbers are allowed.</param>
public readonly record struct ParamRange(double Min, bool MinInclusive, double Max, bool MaxInclusive, bool Whole)
{
    /// <summary>The range of <paramref name="kind"/>.</summary>
    public static ParamRange Of(ParamKind kind) => kind switch
    {
        ParamKind.Fraction => new(0, true, 1, true, false),
        ParamKind.Flag => new(0, true, 1, true, true),
        ParamKind.Growth => new(-1, false, double.PositiveInfinity, false, false),
        ParamKind.Month => new(-1, true, ModelLimits.MaxMonths, true, true),
        ParamKind.NonNegative => new(0, true, double.PositiveInfinity, false, false),
        ParamKind.AtLeastOne => new(1, true, double.PositiveInfinity, false, false),
        ParamKind.Positive => new(0, false, double.PositiveInfinity, false, false),
        ParamKind.Decline => new(0, true, 1, false, false),
        ParamKind.Real => new(double.NegativeInfinity, false, double.PositiveInfinity, false, false),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "no range for this kind"),
    };

    /// <summary>The range in a few characters: <c>[0, 1]</c>, <c>[0, 1)</c>, <c>&gt; -1</c>, <c>&gt;= 0</c>, <c>0 or 1</c>, <c>whole, -1 to 600</c>, <c>any</c>.</summary>
    public string Text
    {
        get
        {
            var (min, max) = (Show(Min), Show(Max));
            var (hasMin, hasMax) = (double.IsFinite(Min), double.IsFinite(Max));
            return (hasMin, hasMax) switch
            {
                (true, true) when Whole && Max - Min == 1 => $"{min} or {max}",
                (true, true) when Whole => $"whole, {min} to {max}",
                (true, true) => $"{(MinInclusive ? '[' : '(')}{min}, {max}{(MaxInclusive ? ']' : ')')}",
                (true, false) => $"{(MinInclusive ? ">=" : ">")} {min}",
                (false, true) => $"{(MaxInclusive ? "<=" : "<")} {max}",
                _ => "any",
            };
        }
    }

    /// <inheritdoc/>
    public override string ToString() => Text;

    private static string Show(double value) => value.ToString(CultureInfo.InvariantCulture);
}
