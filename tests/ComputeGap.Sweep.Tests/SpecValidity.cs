using System.Numerics;
using ComputeGap.Core;
using ComputeGap.Core.Models;
using ComputeGap.Core.Parameters;
using ComputeGap.Sweep.Spec;
using Xunit;

namespace ComputeGap.Sweep.Tests;

/// <summary>
/// An independent check that an accepted spec obeys its model's "Valid inputs" at every grid point:
/// every slot passes <see cref="ParamRules"/>, and the installed total and focus usage share are &gt; 0.
/// </summary>
internal static class SpecValidity
{
    /// <summary>Axes longer than this are checked at their ends and at sampled positions.</summary>
    private const int FullCheckLimit = 100_000;

    public static void AssertValid(SweepSpec spec)
    {
        var regions = spec.Regions.Count;
        Assert.InRange(spec.HorizonMonths, 1, ModelLimits.MaxMonths);
        Assert.InRange(regions, 1, ModelLimits.MaxRegions);
        Assert.InRange(spec.Focus, 0, regions - 1);
        Assert.InRange(spec.RivalA, 0, regions - 1);
        Assert.InRange(spec.RivalB, 0, regions - 1);
        Assert.NotEqual(spec.RivalA, spec.RivalB);
        var model = spec.Model;
        Assert.Equal(model.ParamSlotCount, spec.FixedSlots.Count);

        var kinds = KindsBySlot(model, regions);
        for (var slot = 0; slot < model.ParamSlotCount; slot++)
        {
            var value = spec.FixedSlots[slot];
            if (kinds[slot] is { } kind)
            {
                Assert.True(ParamRules.Check(kind, value) is null, $"fixed slot {slot} = {value}");
            }
            else
            {
                Assert.Equal(0, value);
            }
        }

        var product = BigInteger.One;
        var lowest = spec.FixedSlots.ToArray();
        var seenSlots = new HashSet<int>();
        foreach (var axis in spec.Axes)
        {
            Assert.True(seenSlots.Add(axis.Slot), $"slot {axis.Slot} swept twice");
            var kind = kinds[axis.Slot];
            Assert.True(kind is not null, $"axis {axis.Param} on unused slot {axis.Slot}");
            Assert.InRange(axis.Values.Count, 1, 1_000_000_000);
            product *= axis.Values.Count;
            var low = double.PositiveInfinity;
            foreach (var index in Positions(axis.Values.Count))
            {
                var value = axis.Values[index];
                Assert.True(ParamRules.Check(kind!.Value, value) is null, $"{axis.Param} value {index} = {value}");
                low = Math.Min(low, value);
            }

            lowest[axis.Slot] = low;
        }

        Assert.Equal(product, new BigInteger(spec.ScenarioCount));
        Assert.True(spec.ScenarioCount <= 1L << 62);

        var installed = 0.0;
        for (var r = 0; r < regions; r++)
        {
            installed += lowest[model.Find("installed0")!.Slot + r];
        }

        Assert.True(installed > 0, "installed total must be > 0 at every grid point");
        Assert.True(lowest[model.Find("usage_share")!.Slot + spec.Focus] > 0, "focus usage_share must be > 0 at every grid point");
    }

    /// <summary>The rule of every slot, or null for slots of regions the spec does not have.</summary>
    private static ParamKind?[] KindsBySlot(ModelDescriptor model, int regions)
    {
        var kinds = new ParamKind?[model.ParamSlotCount];
        foreach (var info in model.Globals)
        {
            kinds[info.Slot] = info.Kind;
        }

        foreach (var info in model.Regionals)
        {
            for (var r = 0; r < regions; r++)
            {
                kinds[info.Slot + r] = info.Kind;
            }
        }

        return kinds;
    }

    private static IEnumerable<int> Positions(int count)
    {
        if (count <= FullCheckLimit)
        {
            return Enumerable.Range(0, count);
        }

        var random = new Random(count);
        return new[] { 0, 1, count - 2, count - 1 }.Concat(Enumerable.Range(0, 1_000).Select(_ => random.Next(count)));
    }
}
