using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace ComputeGap.Core.Sampling;

/// <summary>
/// <see cref="Philox4x32.Block"/> for many counters at once, in vector lanes: the CPU's decoder of a run
/// of evaluations. <see cref="Philox4x32"/> stays the definition (the kernels call it); this gives the
/// same four words for every counter, bit for bit.
/// </summary>
/// <remarks>
/// Each word lives in a <see cref="ulong"/> lane below 2^32, so a round's 32×32→64 products are plain
/// 64-bit lane multiplies (<c>vpmullq</c> with AVX-512) whose halves are a shift and a mask away. The
/// rounds are written once over <see cref="IWordLanes{TSelf}"/> and run on <see cref="Vector512{T}"/> where
/// it is accelerated (16 counters a step), else on <see cref="Vector{T}"/>; counters beyond the last whole
/// step, and machines without vector acceleration, take the scalar block.
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
        if (Vector512.IsHardwareAccelerated)
        {
            Blocks<WordLanes512>(low, high, c2, c3, k0, k1, x0, x1, x2, x3);
        }
        else if (Vector.IsHardwareAccelerated)
        {
            Blocks<WordLanes>(low, high, c2, c3, k0, k1, x0, x1, x2, x3);
        }
        else
        {
            Tail(0, low, high, c2, c3, k0, k1, x0, x1, x2, x3);
        }
    }

    /// <summary>
    /// <see cref="Blocks(ReadOnlySpan{uint}, ReadOnlySpan{uint}, uint, uint, uint, uint, Span{uint}, Span{uint}, Span{uint}, Span{uint})"/>
    /// in <typeparamref name="TLanes"/>, whatever the machine accelerates (tests run every width).
    /// </summary>
    public static void Blocks<TLanes>(
        ReadOnlySpan<uint> low, ReadOnlySpan<uint> high, uint c2, uint c3, uint k0, uint k1,
        Span<uint> x0, Span<uint> x1, Span<uint> x2, Span<uint> x3)
        where TLanes : struct, IWordLanes<TLanes>
    {
        var step = TLanes.Words;
        var j = 0;
        for (; j + step <= low.Length; j += step)
        {
            var (lowLower, lowUpper) = TLanes.Widen(low[j..]);
            var (highLower, highUpper) = TLanes.Widen(high[j..]);
            var (a0, a1, a2, a3) = Rounds(lowLower, highLower, c2, c3, k0, k1);
            var (b0, b1, b2, b3) = Rounds(lowUpper, highUpper, c2, c3, k0, k1);
            TLanes.Narrow(a0, b0, x0[j..]);
            TLanes.Narrow(a1, b1, x1[j..]);
            TLanes.Narrow(a2, b2, x2[j..]);
            TLanes.Narrow(a3, b3, x3[j..]);
        }

        Tail(j, low, high, c2, c3, k0, k1, x0, x1, x2, x3);
    }

    /// <summary>The scalar blocks of counters <paramref name="first"/> onwards.</summary>
    private static void Tail(
        int first, ReadOnlySpan<uint> low, ReadOnlySpan<uint> high, uint c2, uint c3, uint k0, uint k1,
        Span<uint> x0, Span<uint> x1, Span<uint> x2, Span<uint> x3)
    {
        for (var j = first; j < low.Length; j++)
        {
            var block = Philox4x32.Block(low[j], high[j], c2, c3, k0, k1);
            (x0[j], x1[j], x2[j], x3[j]) = (block.X0, block.X1, block.X2, block.X3);
        }
    }

    /// <summary>The rounds of <see cref="Philox4x32.Block"/> over ulong lanes holding 32-bit words.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static (TLanes X0, TLanes X1, TLanes X2, TLanes X3) Rounds<TLanes>(TLanes c0, TLanes c1, uint c2Word, uint c3Word, uint k0, uint k1)
        where TLanes : struct, IWordLanes<TLanes>
    {
        var words = TLanes.Of(uint.MaxValue);
        var multiplier0 = TLanes.Of(Philox4x32.Multiplier0);
        var multiplier1 = TLanes.Of(Philox4x32.Multiplier1);
        var c2 = TLanes.Of(c2Word);
        var c3 = TLanes.Of(c3Word);
        for (var round = 0; round < Philox4x32.Rounds; round++)
        {
            if (round > 0)
            {
                k0 += Philox4x32.Weyl0;
                k1 += Philox4x32.Weyl1;
            }

            var product0 = c0 * multiplier0;
            var product1 = c2 * multiplier1;
            var next0 = TLanes.High(product1) ^ c1 ^ TLanes.Of(k0);
            var next2 = TLanes.High(product0) ^ c3 ^ TLanes.Of(k1);
            c1 = product1 & words;
            c3 = product0 & words;
            c0 = next0;
            c2 = next2;
        }

        return (c0, c1, c2, c3);
    }
}
