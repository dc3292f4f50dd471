using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using ComputeGap.Core.Lanes;
using ComputeGap.Core.Model;
using ComputeGap.Core.Reduction;

namespace ComputeGap.Engine.Backends;

/// <summary>A scenario group's working memory on the CPU: one reused array per worker.</summary>
/// <remarks>
/// Slots are compile-time layout constants below the model's slot count and the array is allocated
/// with at least that length, so the indexer skips the bounds check the model's hundreds of slot
/// accesses a month would otherwise pay.
/// </remarks>
internal readonly struct CpuStore : ILaneStore<VectorLane>
{
    private readonly VectorLane[] _lanes;

    public CpuStore(VectorLane[] lanes, int slotCount)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(lanes.Length, slotCount);
        _lanes = lanes;
    }

    /// <summary>The CPU backend fills the derived slots from per-axis-value tables (<see cref="Running.SweepPlan.AxisFactors"/>).</summary>
    public static bool HasDerivedSlots => true;

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

/// <summary>Scatters each month's series values of a scenario group into the series buffer ([scenario][month][value]).</summary>
internal struct CpuSeries(float[] output, int firstLocal, int valid, int months, int width) : IMonthObserver<VectorLane>
{
    public readonly bool Enabled => true;

    public readonly void Record(int month, int index, VectorLane value)
    {
        if (index >= width)
        {
            return;
        }

        for (var j = 0; j < valid; j++)
        {
            output[((((long)(firstLocal + j) * months) + month) * width) + index] = value.Value[j];
        }
    }
}


/// <summary>Counts each month's shares (the first series values) of a scenario group into per-worker fan sketches.</summary>
internal readonly struct CpuFans(long[] counts, int valid, int regions) : IMonthObserver<VectorLane>
{
    public bool Enabled => true;

    public void Record(int month, int index, VectorLane value)
    {
        if (index >= regions)
        {
            return;
        }

        var offset = QuantileSketch.FanOffset(month, index, regions);
        Span<int> slots = stackalloc int[VectorLane.Width];
        VectorSketch.Slots(value.Value, slots);
        for (var j = 0; j < valid; j++)
        {
            if (float.IsFinite(value.Value[j]))
            {
                counts[offset + slots[j]]++;
            }
        }
    }
}
