namespace ComputeGap.Core.Sampling;

/// <summary>
/// Kensler's hashed permutation (A. Kensler, "Correlated Multi-Jittered Sampling", Pixar Technical Memo
/// 13-01, 2013, function <c>permute(i, l, p)</c>): element i of a pseudo-random permutation of
/// [0, length) chosen by a seed, computed without building the permutation. Device safe: <see cref="uint"/>
/// arithmetic; the loop runs fewer than two times on average.
/// </summary>
/// <remarks>
/// A hash that is a bijection of [0, 2^k) (XORs with the seed, XOR-shifts confined to the low k bits,
/// multiplications by odd constants — each invertible on the low k bits), with 2^k the smallest power
/// of two ≥ length, is repeated until the value falls below length ("cycle walking"), which makes it a
/// bijection of [0, length). The memo then rotates by the seed with <c>(i + p) % l</c>; that sum wraps past
/// 2^32 for large seeds and can map two indices to one (seed 2^32 − 1, length 3: 0 and 1 both give 0),
/// so this rotates by <c>seed % length</c> without overflow. Whenever i + seed &lt; 2^32 the result is the
/// memo's exactly.
/// </remarks>
public static class Permutation
{
    /// <summary>
    /// Position of <paramref name="i"/> under the permutation of [0, <paramref name="length"/>) chosen by
    /// <paramref name="seed"/>. Requires i &lt; length (otherwise the result is in range but not part of a
    /// bijection); length 0 or 1 gives 0.
    /// </summary>
    public static uint Index(uint i, uint length, uint seed) =>
        length <= 1 ? 0 : Index(i, length, seed, Mask(length), seed % length);

    /// <summary>
    /// <see cref="Index(uint, uint, uint)"/> with the two values that depend only on the length and the seed
    /// given: <paramref name="mask"/> = <see cref="Mask"/>(length) and <paramref name="offset"/> = seed % length,
    /// so a caller that permutes many indices with one seed computes them once. Requires length ≥ 2.
    /// </summary>
    public static uint Index(uint i, uint length, uint seed, uint mask, uint offset)
    {
        var w = mask;
        do
        {
            i ^= seed;
            i *= 0xe170893d;
            i ^= seed >> 16;
            i ^= (i & w) >> 4;
            i ^= seed >> 8;
            i *= 0x0929eb3f;
            i ^= seed >> 23;
            i ^= (i & w) >> 1;
            i *= 1 | (seed >> 27);
            i *= 0x6935fa69;
            i ^= (i & w) >> 11;
            i *= 0x74dcb303;
            i ^= (i & w) >> 2;
            i *= 0x9e501cc3;
            i ^= (i & w) >> 2;
            i *= 0xc860a3df;
            i &= w;
            i ^= i >> 5;
        }
        while (i >= length);

        return i < length - offset ? i + offset : i - (length - offset);
    }

    /// <summary>2^k − 1 for the smallest power of two 2^k ≥ <paramref name="length"/> (length ≥ 2): the hash's domain.</summary>
    public static uint Mask(uint length)
    {
        var w = length - 1;
        w |= w >> 1;
        w |= w >> 2;
        w |= w >> 4;
        w |= w >> 8;
        w |= w >> 16;
        return w;
    }
}
