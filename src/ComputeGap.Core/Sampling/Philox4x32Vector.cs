using System.Numerics;

namespace ComputeGap.Core.Sampling;

/// <summary>
/// <see cref="Philox4x32.Block"/> for many counters at once, <see cref="Vector{T}"/> lanes at a time: the
/// CPU's decoder of a run of evaluations. <see cref="Philox4x32"/> stays the definition (the kernels call
/// it); this gives the same four words for every counter, bit for bit.
/// </summary>
/// <remarks>
/// Each word lives in a <see cref="ulong"/> lane below 2^32, so a round's 32×32→64 products are plain
/// 64-bit lane multiplies (<c>vpmullq</c> with AVX-512) whose halves are a shift and a mask away. Counters
/// beyond the last whole vector, and machines without vector acceleration, take the scalar block.
/// </remarks>
public static class Philox4x32Vector
{
    /// <summary>
    /// For each j, the block of counter (<paramref name="low"/>[j], <paramref name="high"/>[j],
    /// <paramref name="c2"/>, <paramref name="c3"/>) under key (<paramref name="k0"/>, <paramref name="k1"/>)
    /// into <paramref name="x0"/>[j] … <paramref name="x3"/>[j]: <see cref="Philox4x32.Block"/>'s words.
    /// </summary>
    /// <param name="low">Counter word 0 per block; its length is the number of blocks.</param>
    /// <param name="high">Counter word 1 per block, at least as long as <paramref name="low"/>.</param>
    /// <param name="c2">Counter word 2, shared by every block.</param>
    /// <param name="c3">Counter word 3, shared by every block.</param>
    /// <param name="k0">Key word 0.</param>
    /// <param name="k1">Key word 1.</param>
    /// <param name="x0">Output word 0 per block.</param>
    /// <param name="x1">Output word 1 per block.</param>
    /// <param name="x2">Output word 2 per block.</param>
    /// <param name="x3">Output word 3 per block.</param>
    public static void Blocks(
        ReadOnlySpan<uint> low, ReadOnlySpan<uint> high, uint c2, uint c3, uint k0, uint k1,
        Span<uint> x0, Span<uint> x1, Span<uint> x2, Span<uint> x3)
    {
        var count = low.Length;
        var step = Vector<uint>.Count;
        var j = 0;
        if (Vector.IsHardwareAccelerated)
        {
            for (; j + step <= count; j += step)
            {
                // Widening splits one vector of counters into two half-vectors of ulong lanes.
                var lows = new Vector<uint>(low[j..]);
                var highs = new Vector<uint>(high[j..]);
                var (a0, a1, a2, a3) = Rounds(Vector.WidenLower(lows), Vector.WidenLower(highs), c2, c3, k0, k1);
                var (b0, b1, b2, b3) = Rounds(Vector.WidenUpper(lows), Vector.WidenUpper(highs), c2, c3, k0, k1);
                Vector.Narrow(a0, b0).CopyTo(x0[j..]);
                Vector.Narrow(a1, b1).CopyTo(x1[j..]);
                Vector.Narrow(a2, b2).CopyTo(x2[j..]);
                Vector.Narrow(a3, b3).CopyTo(x3[j..]);
            }
        }

        for (; j < count; j++)
        {
            var block = Philox4x32.Block(low[j], high[j], c2, c3, k0, k1);
            (x0[j], x1[j], x2[j], x3[j]) = (block.X0, block.X1, block.X2, block.X3);
        }
    }

    /// <summary>The rounds of <see cref="Philox4x32.Block"/> over ulong lanes holding 32-bit words.</summary>
    private static (Vector<ulong> X0, Vector<ulong> X1, Vector<ulong> X2, Vector<ulong> X3) Rounds(
        Vector<ulong> c0, Vector<ulong> c1, uint c2Word, uint c3Word, uint k0, uint k1)
    {
        var words = new Vector<ulong>(uint.MaxValue);
        var c2 = new Vector<ulong>(c2Word);
        var c3 = new Vector<ulong>(c3Word);
        for (var round = 0; round < Philox4x32.Rounds; round++)
        {
            if (round > 0)
            {
                k0 += Philox4x32.Weyl0;
                k1 += Philox4x32.Weyl1;
            }

            var product0 = c0 * (ulong)Philox4x32.Multiplier0;
            var product1 = c2 * (ulong)Philox4x32.Multiplier1;
            var next0 = (product1 >>> 32) ^ c1 ^ new Vector<ulong>(k0);
            var next2 = (product0 >>> 32) ^ c3 ^ new Vector<ulong>(k1);
            c1 = product1 & words;
            c3 = product0 & words;
            c0 = next0;
            c2 = next2;
        }

        return (c0, c1, c2, c3);
    }
}
