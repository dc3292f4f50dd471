namespace ComputeGap.Core.Model;

/// <summary>Full-factorial grid decoding: which value of an axis scenario <c>index</c> takes.</summary>
/// <remarks>The last axis varies fastest; <c>stride</c> is the product of the later axes' lengths.</remarks>
public static class GridPosition
{
    /// <summary>Position along an axis of length <paramref name="count"/> and stride <paramref name="stride"/>.</summary>
    public static int Of(long index, long stride, int count) => (int)((index / stride) % count);
}
