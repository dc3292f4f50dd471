namespace ComputeGap.Core.Reduction;

/// <summary>An <see cref="AxisCursor"/>'s scratch in a host array (two slots per axis).</summary>
public readonly struct ArrayCursorMemory(long[] slots) : ICursorMemory
{
    public long this[int slot]
    {
        get => slots[slot];
        set => slots[slot] = value;
    }
}
