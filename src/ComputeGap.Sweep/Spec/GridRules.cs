using System.Numerics;
using ComputeGap.Core.Parameters;

namespace ComputeGap.Sweep.Spec;

/// <summary>The lowest value a slot takes over a grid, and where in the file that value comes from.</summary>
/// <param name="Value">The lowest value.</param>
/// <param name="Path">JSONPath of the axis or <c>set</c> entry that supplies it, or null for a baseline value.</param>
internal readonly record struct SlotLow(double Value, string? Path);

/// <summary>Rules over the whole grid: its size, and the cross-parameter rules at every point.</summary>
internal static class GridRules
{
    /// <summary>Most scenarios one sweep may hold (2^62), leaving headroom in 64-bit index arithmetic.</summary>
    public const long MaxScenarios = 1L << 62;

    /// <summary>Most values one axis may hold.</summary>
    public const int MaxAxisValues = 1_000_000_000;

    /// <summary>The product of the axes' lengths, checked for overflow and against <see cref="MaxScenarios"/>.</summary>
    public static long ScenarioCount(SpecJson json, IReadOnlyList<SweepAxis> axes, string path)
    {
        long count = 1;
        try
        {
            foreach (var axis in axes)
            {
                count = checked(count * axis.Values.Count);
            }
        }
        catch (OverflowException)
        {
            var exact = BigInteger.One;
            foreach (var axis in axes)
            {
                exact *= axis.Values.Count;
            }

            throw json.Fail(path, $"grid too large: {exact} scenarios overflows 64-bit index");
        }

        if (count > MaxScenarios)
        {
            throw json.Fail(path, $"grid too large: {count} scenarios exceeds the limit of 2^62 = {MaxScenarios}");
        }

        return count;
    }

    /// <summary>
    /// The installed total at t = 0 and the focus region's usage share must be &gt; 0 at every grid
    /// point. Both grow with each slot, so checking every slot's lowest value checks every point.
    /// Sums are taken in float32, as the kernels take them.
    /// </summary>
    public static void CheckCrossRules(
        SpecJson json, Func<int, SlotLow> lowest, IReadOnlyList<string> regions, int focus, string fallbackPath)
    {
        var total = 0f;
        string? blame = null;
        for (var r = 0; r < regions.Count; r++)
        {
            var low = lowest(ParamSlots.Of(RegionParam.Installed0, r));
            total += (float)low.Value;
            blame ??= low.Path;
        }

        if (!(total > 0))
        {
            throw json.Fail(blame ?? fallbackPath, $"installed0 total over regions must be > 0 at every grid point (lowest: {SpecErrors.Num(total)})");
        }

        var share = lowest(ParamSlots.Of(RegionParam.UsageShare, focus));
        if (!((float)share.Value > 0))
        {
            throw json.Fail(share.Path ?? fallbackPath, $"usage_share[{regions[focus]}] of the focus region must be > 0 at every grid point (lowest: {SpecErrors.Num(share.Value)})");
        }
    }
}
