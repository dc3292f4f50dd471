using ComputeGap.Core.Reduction;

namespace ComputeGap.Engine.Backends;

/// <summary>An odometer's scratch in a host array (two slots per axis).</summary>
internal readonly struct CursorMemory(long[] slots) : ICursorMemory
{
    public long this[int slot]
    {
        get => slots[slot];
        set => slots[slot] = value;
    }
}
