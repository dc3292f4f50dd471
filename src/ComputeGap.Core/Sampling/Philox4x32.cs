namespace ComputeGap.Core.Sampling;

/// <summary>
/// Philox4x32-10, the counter-based generator of Salmon, Moraes, Dror and Shaw, "Parallel random
/// numbers: as easy as 1, 2, 3" (SC'11), as in Random123: a keyed bijection of 128-bit counters, so
/// scenario i's random words are a pure function of (i, seed) with no state carried between threads.
/// </summary>
/// <remarks>
/// Each of the 10 rounds multiplies words 0 and 2 by 0xD2511F53 and 0xCD9E8D57 (32×32→64 bits, as one
/// <see cref="ulong"/> product), swaps halves and mixes in the key; the key is bumped by the Weyl
/// constants 0x9E3779B9 and 0xBB67AE85 between rounds. Checked against Random123's known-answer
/// vectors. Device safe: <see cref="uint"/> and <see cref="ulong"/> arithmetic only, no tables.
/// </remarks>
public static class Philox4x32
{
    /// <summary>Word 0's round multiplier.</summary>
    internal const uint Multiplier0 = 0xD2511F53;

    /// <summary>Word 2's round multiplier.</summary>
    internal const uint Multiplier1 = 0xCD9E8D57;

    /// <summary>Key word 0's bump between rounds.</summary>
    internal const uint Weyl0 = 0x9E3779B9;

    /// <summary>Key word 1's bump between rounds.</summary>
    internal const uint Weyl1 = 0xBB67AE85;

    /// <summary>Philox4x32-10's rounds.</summary>
    internal const int Rounds = 10;

    /// <summary>
    /// The block for counter (<paramref name="c0"/>, <paramref name="c1"/>, <paramref name="c2"/>,
    /// <paramref name="c3"/>) under key (<paramref name="k0"/>, <paramref name="k1"/>). Distinct counters
    /// under one key give distinct blocks; use the counter for "which draw" and the key for "which stream".
    /// </summary>
    public static Philox4 Block(uint c0, uint c1, uint c2, uint c3, uint k0, uint k1)
    {
        for (var round = 0; round < Rounds; round++)
        {
            if (round > 0)
            {
                k0 += Weyl0;
                k1 += Weyl1;
            }

            var product0 = (ulong)Multiplier0 * c0;
            var product1 = (ulong)Multiplier1 * c2;
            var next0 = (uint)(product1 >> 32) ^ c1 ^ k0;
            var next2 = (uint)(product0 >> 32) ^ c3 ^ k1;
            c1 = (uint)product1;
            c3 = (uint)product0;
            c0 = next0;
            c2 = next2;
        }

        return new Philox4(c0, c1, c2, c3);
    }

    /// <summary>
    /// One output word as a float strictly inside (0, 1), uniform on the 2^23 cell centres
    /// (see <see cref="UnitInterval.Open"/>): safe to pass to a logarithm or an inverse CDF.
    /// </summary>
    public static float Unit(uint bits) => UnitInterval.Open(bits);
}
