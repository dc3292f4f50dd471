using System.Numerics;

namespace ComputeGap.Core.Sampling;

/// <summary>
/// <see cref="Permutation.Index(uint, uint, uint, uint, uint)"/> for many indices under one seed,
/// <see cref="Vector{T}"/> lanes at a time. <see cref="Permutation"/> stays the definition (the kernels call
/// it); this gives the same position for every index, bit for bit.
/// </summary>
/// <remarks>
/// Cycle walking runs every lane until all of them have fallen below the length, keeping each lane's
/// first value below it: a lane's later hashes are computed but not kept. Indices beyond the last whole
/// vector, and machines without vector acceleration, take the scalar permutation.
/// </remarks>
public static class PermutationVector
{
    /// <summary>
    /// <paramref name="positions"/>[j] = <see cref="Permutation.Index(uint, uint, uint, uint, uint)"/> of
    /// <paramref name="indices"/>[j] under one <paramref name="seed"/>. Requires length ≥ 2.
    /// </summary>
    /// <param name="indices">The indices to permute, each below <paramref name="length"/>.</param>
    /// <param name="length">The permutation's length, at least 2.</param>
    /// <param name="seed">Chooses the permutation.</param>
    /// <param name="mask"><see cref="Permutation.Mask"/>(length).</param>
    /// <param name="offset">seed % length.</param>
    /// <param name="positions">Receives each index's position, at least as long as <paramref name="indices"/>.</param>
    public static void Indices(ReadOnlySpan<uint> indices, uint length, uint seed, uint mask, uint offset, Span<uint> positions)
    {
        var count = indices.Length;
        var step = Vector<uint>.Count;
        var j = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var lengths = new Vector<uint>(length);
            var w = new Vector<uint>(mask);
            var finalMultiplier = new Vector<uint>(1 | (seed >> 27));
            for (; j + step <= count; j += step)
            {
                var i = new Vector<uint>(indices[j..]);
                var kept = Vector<uint>.Zero;
                var pending = Vector<uint>.AllBitsSet;
                do
                {
                    i ^= new Vector<uint>(seed);
                    i *= 0xe170893d;
                    i ^= new Vector<uint>(seed >> 16);
                    i ^= (i & w) >>> 4;
                    i ^= new Vector<uint>(seed >> 8);
                    i *= 0x0929eb3f;
                    i ^= new Vector<uint>(seed >> 23);
                    i ^= (i & w) >>> 1;
                    i *= finalMultiplier;
                    i *= 0x6935fa69;
                    i ^= (i & w) >>> 11;
                    i *= 0x74dcb303;
                    i ^= (i & w) >>> 2;
                    i *= 0x9e501cc3;
                    i ^= (i & w) >>> 2;
                    i *= 0xc860a3df;
                    i &= w;
                    i ^= i >>> 5;
                    var landed = pending & Vector.LessThan(i, lengths);
                    kept = Vector.ConditionalSelect(landed, i, kept);
                    pending &= ~landed;
                }
                while (pending != Vector<uint>.Zero);

                // Rotate by the seed without overflow, as the scalar permutation does.
                var rest = new Vector<uint>(length - offset);
                Vector.ConditionalSelect(Vector.LessThan(kept, rest), kept + new Vector<uint>(offset), kept - rest).CopyTo(positions[j..]);
            }
        }

        for (; j < count; j++)
        {
            positions[j] = Permutation.Index(indices[j], length, seed, mask, offset);
        }
    }
}
