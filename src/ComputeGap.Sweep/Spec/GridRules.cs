using System.Numerics;
using ComputeGap.Core.Models;

namespace ComputeGap.Sweep.Spec;

/// <summary>The lowest and highest values a slot takes over a grid, and where in the file they come from.</summary>
/// <param name="Low">The lowest value.</param>
/// <param name="High">The highest value.</param>
/// <param name="Path">JSONPath of the axis or <c>set</c> entry that supplies them, or null for a baseline value.</param>
internal readonly record struct SlotSpan(double Low, double High, string? Path);

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
    /// Sums are taken in float32, as the kernels take them. No region may set both flags of one of the
    /// model's exclusive pairs at any point: the axes are independent, so that is when both can be 1.
    /// </summary>
    public static void CheckCrossRules(
        SpecJson json, ModelDescriptor model, Func<int, SlotSpan> span, IReadOnlyList<string> regions, int focus, string fallbackPath)
    {
        var installed = Param(model, "installed0");
        var total = 0f;
        string? blame = null;
        for (var r = 0; r < regions.Count; r++)
        {
            var low = span(ModelDescriptor.SlotOf(installed, r));
            total += (float)low.Low;
            blame ??= low.Path;
        }

        if (!(total > 0))
        {
            throw json.Fail(blame ?? fallbackPath, $"installed0 total over regions must be > 0 at every grid point (lowest: {SpecErrors.Num(total)})");
        }

        var share = span(ModelDescriptor.SlotOf(Param(model, "usage_share"), focus));
        if (!((float)share.Low > 0))
        {
            throw json.Fail(share.Path ?? fallbackPath, $"usage_share[{regions[focus]}] of the focus region must be > 0 at every grid point (lowest: {SpecErrors.Num(share.Low)})");
        }

        foreach (var (first, second) in model.ExclusiveFlags)
        {
            for (var r = 0; r < regions.Count; r++)
            {
                var a = span(ModelDescriptor.SlotOf(Param(model, first), r));
                var b = span(ModelDescriptor.SlotOf(Param(model, second), r));
                if (a.High > 0.5 && b.High > 0.5)
                {
                    throw json.Fail(b.Path ?? a.Path ?? fallbackPath, $"{first}[{regions[r]}] and {second}[{regions[r]}] cannot both be 1 (a region is one or the other)");
                }
            }
        }
    }

    private static Core.Parameters.ParamInfo Param(ModelDescriptor model, string name) =>
        model.Find(name) ?? throw new InvalidOperationException($"Model {model.Name} has no parameter {name}.");
}
