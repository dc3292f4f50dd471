using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using ComputeGap.Core.Lanes;

namespace ComputeGap.Engine.Backends;

/// <summary>A scenario group's working memory on the CPU: one reused array of lanes per worker.</summary>
/// <typeparam name="TLane">The lane type (<see cref="VectorLane"/> or <see cref="Vector512Lane"/>).</typeparam>
/// <remarks>
/// Slots are compile-time layout constants below the model's slot count and the array is allocated
/// with at least that length, so the indexer skips the bounds check the model's hundreds of slot
/// accesses a month would otherwise pay.
/// </remarks>
internal readonly struct CpuStore<TLane> : ILaneStore<TLane>
    where TLane : struct
{
    private readonly TLane[] _lanes;

    public CpuStore(TLane[] lanes, int slotCount)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(lanes.Length, slotCount);
        _lanes = lanes;
    }

    /// <summary>The CPU backend fills the derived slots from per-axis-value tables (<see cref="Running.SweepPlan.AxisFactors"/>).</summary>
    public static bool HasDerivedSlots => true;

    public TLane this[int slot]
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_lanes), slot);
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        set => Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_lanes), slot) = value;
    }

    public TLane this[int region, int slot]
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => Unsafe.Add(ref RegionBase(region), slot);
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        set => Unsafe.Add(ref RegionBase(region), slot) = value;
    }

    /// <summary>Region 0's slots moved on by <paramref name="region"/>: one address per region, shared by its slot accesses.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private ref TLane RegionBase(int region) => ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_lanes), (nint)region);
}
