using System.Numerics;

namespace ComputeGap.Core.Sampling;

/// <summary>
/// Host-side setup of Sobol direction-number tables for <see cref="Sobol.Bits{TTable}"/>: dimension k's
/// <see cref="BitsPerDimension"/> numbers v_1 … v_32 at [k·32 … k·32 + 31], as 32-bit binary fractions
/// (the first binary digit in the most significant bit). Dimension 0 is van der Corput's (all m_j = 1);
/// dimension k ≥ 1 is line d = k + 1 of <see cref="JoeKuoTable"/>.
/// </summary>
/// <remarks>
/// v_j = m_j·2^(32−j) for j ≤ s, then Bratley and Fox's recurrence as Joe and Kuo's reference program
/// runs it: v_j = v_(j−s) ⊕ (v_(j−s) ≫ s) ⊕ a_1·v_(j−1) ⊕ … ⊕ a_(s−1)·v_(j−s+1).
/// </remarks>
public static class SobolDirections
{
    /// <summary>Binary digits per point coordinate, and direction numbers per dimension.</summary>
    public const int BitsPerDimension = 32;

    /// <summary>The second half of the scrambling key: "Sobo" in ASCII, so a seed's Sobol scramble shares no stream with other Philox users of that seed.</summary>
    public const uint ScrambleKey = 0x536F626F;

    /// <summary>The Philox counter word c1 that draws a dimension's digital shift (rows 0 … 31 draw the matrix).</summary>
    public const uint ShiftRow = 32;

    /// <summary>
    /// Joe and Kuo's direction numbers for <paramref name="dimensions"/> dimensions:
    /// <c>dimensions × 32</c> words. Shift words for these are all 0.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="dimensions"/> is negative or above <see cref="JoeKuoTable.MaxDimensions"/>.</exception>
    public static uint[] Unscrambled(int dimensions)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(dimensions);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(dimensions, JoeKuoTable.MaxDimensions);
        var directions = new uint[dimensions * BitsPerDimension];
        for (var k = 0; k < dimensions; k++)
        {
            var v = directions.AsSpan(k * BitsPerDimension, BitsPerDimension);
            if (k == 0)
            {
                for (var j = 0; j < BitsPerDimension; j++)
                {
                    v[j] = 1u << (BitsPerDimension - 1 - j);
                }
            }
            else
            {
                Fill(v, JoeKuoTable.Embedded[k - 1]);
            }
        }

        return directions;
    }

    /// <summary>
    /// The same table after Matoušek's linear matrix scramble, plus a digital shift per dimension
    /// (LMS + shift, as scipy.stats.qmc.Sobol scrambles): each dimension's direction numbers are
    /// multiplied over GF(2) by a random lower-triangular 32×32 bit matrix L with unit diagonal, so output
    /// digit r is digit r of v XOR a random combination of v's earlier (more significant) digits; the
    /// shift is XORed into every point by <see cref="Sobol.Bits{TTable}"/>. Both keep every (t, m, s)-net
    /// property of the sequence: the leading m digits of a scrambled point are an invertible function of
    /// the leading m digits of the unscrambled one.
    /// </summary>
    /// <remarks>
    /// Random words are Philox4x32-10 word X0 under key (k0 = <paramref name="seed"/>, k1 =
    /// <see cref="ScrambleKey"/>) with counter (c0 = dimension, c1 = row, c2 = 0, c3 = 0). Row r in
    /// 0 … 31 gives L's row r (digit r, r = 0 the most significant): its bits at positions above 31 − r are
    /// the random word's, bit 31 − r is set, bits below are clear. Row <see cref="ShiftRow"/> gives the
    /// dimension's shift word. A dimension's scramble depends only on (seed, dimension), not on how many
    /// dimensions are built.
    /// </remarks>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="dimensions"/> is negative or above <see cref="JoeKuoTable.MaxDimensions"/>.</exception>
    public static (uint[] Directions, uint[] Shifts) Scrambled(int dimensions, uint seed)
    {
        var directions = Unscrambled(dimensions);
        var shifts = new uint[dimensions];
        Span<uint> rows = stackalloc uint[BitsPerDimension];
        for (var k = 0; k < dimensions; k++)
        {
            for (var r = 0; r < BitsPerDimension; r++)
            {
                var random = Philox4x32.Block((uint)k, (uint)r, 0, 0, seed, ScrambleKey).X0;
                var above = r == 0 ? 0u : uint.MaxValue << (BitsPerDimension - r);
                rows[r] = (random & above) | (1u << (BitsPerDimension - 1 - r));
            }

            var v = directions.AsSpan(k * BitsPerDimension, BitsPerDimension);
            for (var j = 0; j < BitsPerDimension; j++)
            {
                v[j] = Multiply(rows, v[j]);
            }

            shifts[k] = Philox4x32.Block((uint)k, ShiftRow, 0, 0, seed, ScrambleKey).X0;
        }

        return (directions, shifts);
    }

    /// <summary>L·v over GF(2): digit r of the result is the parity of row r AND v.</summary>
    private static uint Multiply(ReadOnlySpan<uint> rows, uint v)
    {
        var result = 0u;
        for (var r = 0; r < BitsPerDimension; r++)
        {
            result |= (uint)(BitOperations.PopCount(rows[r] & v) & 1) << (BitsPerDimension - 1 - r);
        }

        return result;
    }

    private static void Fill(Span<uint> v, JoeKuoEntry entry)
    {
        var s = entry.Degree;
        var a = entry.Coefficients;
        for (var j = 0; j < BitsPerDimension; j++)
        {
            if (j < s)
            {
                // 1-based i = j + 1: v_i = m_i·2^(32−i).
                v[j] = entry.InitialNumbers[j] << (BitsPerDimension - 1 - j);
                continue;
            }

            var x = v[j - s] ^ (v[j - s] >> s);
            for (var k = 1; k < s; k++)
            {
                if (((a >> (s - 1 - k)) & 1) != 0)
                {
                    x ^= v[j - k];
                }
            }

            v[j] = x;
        }
    }
}
