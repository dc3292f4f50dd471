using ComputeGap.Core.Reduction;
using ComputeGap.Engine.Running;

namespace ComputeGap.Engine.Backends;

/// <summary>A plan's axes for Core's <see cref="AxisCursor"/> (the odometer the reductions walk too).</summary>
internal readonly struct PlanAxes(SweepPlan plan) : IAxisSource
{
    public int AxisCount => plan.AxisSlots.Length;

    public int Count(int axis) => plan.AxisCounts[axis];

    public long Stride(int axis) => plan.AxisStrides[axis];

    public int Offset(int axis) => plan.AxisOffsets[axis];
}

/// <summary>An odometer's scratch in a host array (two slots per axis).</summary>
internal readonly struct CursorMemory(long[] slots) : ICursorMemory
{
    public long this[int slot]
    {
        get => slots[slot];
        set => slots[slot] = value;
    }
}
