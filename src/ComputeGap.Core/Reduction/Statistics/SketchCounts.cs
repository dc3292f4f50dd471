using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace ComputeGap.Core.Reduction;

/// <summary>
/// The sketch statistic: per outcome column, the counts of a <see cref="QuantileSketch"/> of its finite
/// values, kept beside the block records (counts merge by addition, so blocks share them). The scalar
/// form maps a value by <see cref="QuantileSketch.Slot"/>, the vector form eight by
/// <see cref="VectorSketch.Slots(Vector256{float})"/>, which gives the same slot for every finite value.
/// </summary>
public static class SketchCounts
{
    /// <summary>The scalar form: counts one value of column <paramref name="column"/> (skipped when not finite).</summary>
    public static void Add<TSketch>(ref TSketch sketch, int column, float value)
        where TSketch : struct, ISketchCounts
    {
        if (Moments.IsFinite(value))
        {
            sketch.Increment(column, QuantileSketch.Slot(value));
        }
    }

    /// <summary>
    /// The vector form: the count slots of eight values of column <paramref name="column"/> (column c's
    /// slot s at <c>c · QuantileSketch.Length + s</c>). A lane that is not finite (<paramref name="finite"/>
    /// clear) is given the column's zero slot; the caller counts such lanes and takes them back from it.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<int> Slots(Vector256<float> values, Vector256<float> finite, int column) =>
        Vector256.ConditionalSelect(finite.AsInt32(), VectorSketch.Slots(values), Vector256.Create(QuantileSketch.BucketsPerSign))
        + Vector256.Create(column * QuantileSketch.Length);

    /// <summary>The zero slot of column <paramref name="column"/>, where the vector form counts non-finite lanes.</summary>
    public static int ZeroSlot(int column) => (column * QuantileSketch.Length) + QuantileSketch.BucketsPerSign;
}
