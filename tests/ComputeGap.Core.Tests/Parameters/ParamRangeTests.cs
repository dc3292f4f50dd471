using ComputeGap.Core.Parameters;

namespace ComputeGap.Core.Tests.Parameters;

/// <summary>The range each kind shows (<see cref="ParamRange"/>) is the rule <see cref="ParamRules.Check"/> enforces.</summary>
public sealed class ParamRangeTests
{
    public static TheoryData<ParamKind> Kinds() => [.. Enum.GetValues<ParamKind>()];

    [Theory]
    [MemberData(nameof(Kinds))]
    public void RangeAgreesWithTheRuleAtAndBesideEveryBound(ParamKind kind)
    {
        var range = ParamRange.Of(kind);
        Assert.False(string.IsNullOrWhiteSpace(range.Text));
        foreach (var (bound, inclusive, outward) in new[] { (range.Min, range.MinInclusive, -1.0), (range.Max, range.MaxInclusive, 1.0) })
        {
            if (!double.IsFinite(bound))
            {
                continue;
            }

            Assert.True((ParamRules.Check(kind, bound) is null) == inclusive, $"{kind} at {bound}: rule says {ParamRules.Check(kind, bound) ?? "valid"}, range {range.Text}");
            var step = range.Whole ? 1 : 1e-6;
            Assert.NotNull(ParamRules.Check(kind, bound + (outward * step)));
            Assert.Null(ParamRules.Check(kind, bound - (outward * step)));
        }

        if (range.Whole)
        {
            var inside = double.IsFinite(range.Min) ? range.Min + 0.5 : 0.5;
            Assert.NotNull(ParamRules.Check(kind, inside));
        }

        if (!double.IsFinite(range.Min))
        {
            Assert.Null(ParamRules.Check(kind, -1e30));
        }

        if (!double.IsFinite(range.Max))
        {
            Assert.Null(ParamRules.Check(kind, 1e30));
        }
    }

    [Theory]
    [InlineData(ParamKind.Fraction, "[0, 1]")]
    [InlineData(ParamKind.Flag, "0 or 1")]
    [InlineData(ParamKind.Growth, "> -1")]
    [InlineData(ParamKind.Month, "whole, -1 to 600")]
    [InlineData(ParamKind.NonNegative, ">= 0")]
    [InlineData(ParamKind.AtLeastOne, ">= 1")]
    [InlineData(ParamKind.Positive, "> 0")]
    [InlineData(ParamKind.Decline, "[0, 1)")]
    [InlineData(ParamKind.Real, "any")]
    public void TextIsShort(ParamKind kind, string text) => Assert.Equal(text, ParamRange.Of(kind).Text);
}
