using System.Numerics;

namespace ComputeGap.Core.Sampling;

/// <summary>
/// <see cref="UnitInterval.Open"/> over <see cref="Vector{T}"/> lanes: the same exact float for every word
/// (the top 23 bits, below 2^23, convert to float exactly as a signed or unsigned integer).
/// </summary>
public static class UnitIntervalVector
{
    /// <summary><see cref="UnitInterval.Open"/> of each lane of <paramref name="bits"/>.</summary>
    public static Vector<float> Open(Vector<uint> bits) =>
        (Vector.ConvertToSingle(Vector.AsVectorInt32(bits >>> 9)) + new Vector<float>(0.5f)) * UnitInterval.OpenStep;

    /// <summary><paramref name="units"/>[j] = <see cref="UnitInterval.Open"/>(<paramref name="bits"/>[j]).</summary>
    /// <param name="bits">The words.</param>
    /// <param name="units">Receives the floats, at least as long as <paramref name="bits"/>.</param>
    public static void Open(ReadOnlySpan<uint> bits, Span<float> units)
    {
        var j = 0;
        if (Vector.IsHardwareAccelerated)
        {
            for (; j + Vector<uint>.Count <= bits.Length; j += Vector<uint>.Count)
            {
                Open(new Vector<uint>(bits[j..])).CopyTo(units[j..]);
            }
        }

        for (; j < bits.Length; j++)
        {
            units[j] = UnitInterval.Open(bits[j]);
        }
    }
}
