namespace ComputeGap.Core.Reduction;

/// <summary>A grid's axes held in host arrays, for the CPU's reductions (the GPU's are device views).</summary>
/// <param name="counts">Values of each axis.</param>
/// <param name="strides">Scenarios between consecutive values of each axis.</param>
/// <param name="offsets">Each axis's first value in the concatenated value list.</param>
public readonly struct AxisArrays(int[] counts, long[] strides, int[] offsets) : IAxisSource
{
    /// <inheritdoc/>
    public int AxisCount => counts.Length;

    /// <inheritdoc/>
    public int Count(int axis) => counts[axis];

    /// <inheritdoc/>
    public long Stride(int axis) => strides[axis];

    /// <inheritdoc/>
    public int Offset(int axis) => offsets[axis];
}
