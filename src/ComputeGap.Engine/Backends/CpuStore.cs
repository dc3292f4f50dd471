using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using ComputeGap.Core.Lanes;
using ComputeGap.Core.Model;
using ComputeGap.Core.Reduction;

namespace ComputeGap.Engine.Backends;

/// <summary>A scenario group's working memory on the CPU: one reused array per worker.</summary>
/// <remarks>
/// Slots are compile-time layout constants below <see cref="ModelSlots.Count"/> and the array is
/// allocated with exactly that length, so the indexer skips the bounds check the model's hundreds
/// of slot accesses a month would otherwise pay.
/// </remarks>
internal readonly struct CpuStore : ILaneStore<VectorLane>
{
    private readonly VectorLane[] _lanes;

    public CpuStore(VectorLane[] lanes)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(lanes.Length, ModelSlots.Count);
        _lanes = lanes;
    }

    /// <summary>The CPU backend fills the growth factors from per-axis-value tables (<see cref="Running.SweepPlan.AxisFactors"/>).</summary>
    public static bool HasGrowthFactors => true;

    public VectorLane this[int slot]
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_lanes), slot);
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        set => Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_lanes), slot) = value;
    }

    public VectorLane this[int region, int slot]
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => Unsafe.Add(ref RegionBase(region), slot);
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        set => Unsafe.Add(ref RegionBase(region), slot) = value;
    }

    /// <summary>Region 0's slots moved on by <paramref name="region"/>: one address per region, shared by its slot accesses.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private ref VectorLane RegionBase(int region) => ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_lanes), (nint)region);
}

/// <summary>Scatters each month's shares of a scenario group into the long-format series buffer.</summary>
internal struct CpuSeries(float[] output, int firstLocal, int valid, int months, int regions) : IMonthObserver<VectorLane>
{
    public readonly bool Enabled => true;

    public readonly void Share(int month, int region, VectorLane share)
    {
        for (var j = 0; j < valid; j++)
        {
            output[((((long)(firstLocal + j) * months) + month) * regions) + region] = share.Value[j];
        }
    }
}


/// <summary>Counts each month's shares of a scenario group into per-worker fan sketches.</summary>
internal readonly struct CpuFans(long[] counts, int valid, int regions) : IMonthObserver<VectorLane>
{
    public bool Enabled => true;

    public void Share(int month, int region, VectorLane share)
    {
        var offset = QuantileSketch.FanOffset(month, region, regions);
        Span<int> slots = stackalloc int[VectorLane.Width];
        VectorSketch.Slots(share.Value, slots);
        for (var j = 0; j < valid; j++)
        {
            if (float.IsFinite(share.Value[j]))
            {
                counts[offset + slots[j]]++;
            }
        }
    }
}
