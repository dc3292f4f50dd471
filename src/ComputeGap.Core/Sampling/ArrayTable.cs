namespace ComputeGap.Core.Sampling;

/// <summary>The host form of <see cref="IUIntTable"/>: a wrapped array, read without copying.</summary>
public readonly struct ArrayTable(uint[] values) : IUIntTable
{
    private readonly uint[] _values = values;

    /// <summary>Number of entries.</summary>
    public int Length => _values.Length;

    /// <inheritdoc/>
    public uint this[int index] => _values[index];
}
