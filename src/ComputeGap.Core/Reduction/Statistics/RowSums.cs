using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace ComputeGap.Core.Reduction;

/// <summary>
/// The vector form of every sum of a block (the column sums of <see cref="Moments"/> and the effect
/// sums of <see cref="MainEffects"/>): rows of a group of scenarios, one scenario's outcome values as
/// doubles (a non-finite value replaced by +0.0) in <see cref="Vector256{T}"/> lanes of four columns,
/// added in scenario order. Each column's sum is still its own chain of additions in index order, as
/// in the scalar form; the chains of four columns just run side by side in the lanes.
/// </summary>
/// <remarks>
/// <para>
/// Unchecked, for the hot loop: the caller guarantees that the sums and rows it passes hold the widths
/// and rows it names (<c>CpuBlockReducer</c> checks its layout and axes once, in its constructor).
/// </para>
/// <para>
/// A sum starts at +0.0 and adds finite floats converted to double; it never overflows (4,096 floats)
/// and is never −0.0 (in round-to-nearest x + y is −0.0 only when both are −0.0, and +0.0 + −0.0 = +0.0),
/// so adding +0.0 in place of a skipped value leaves it unchanged: the same bits as the scalar form.
/// </para>
/// </remarks>
public static class RowSums
{
    /// <summary>
    /// Adds rows <c>[from, to)</c> of <paramref name="rows"/> (rows of <typeparamref name="TWidth"/>
    /// vectors) in order to the sums at <paramref name="sums"/>, which stay in registers over the run.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Add<TWidth>(ref double sums, ref double rows, int from, int to)
        where TWidth : struct, IRowWidth
    {
        var s0 = Vector256.LoadUnsafe(ref sums, 0);
        var s1 = Vector256.LoadUnsafe(ref sums, 4);
        var s2 = Vector256.LoadUnsafe(ref sums, 8);
        var s3 = TWidth.Vectors > 3 ? Vector256.LoadUnsafe(ref sums, 12) : default;
        var s4 = TWidth.Vectors > 4 ? Vector256.LoadUnsafe(ref sums, 16) : default;
        var s5 = TWidth.Vectors > 5 ? Vector256.LoadUnsafe(ref sums, 20) : default;
        var s6 = TWidth.Vectors > 6 ? Vector256.LoadUnsafe(ref sums, 24) : default;
        var s7 = TWidth.Vectors > 7 ? Vector256.LoadUnsafe(ref sums, 28) : default;
        for (var r = from; r < to; r++)
        {
            ref var row = ref Unsafe.Add(ref rows, r * TWidth.Vectors * 4);
            s0 += Vector256.LoadUnsafe(ref row, 0);
            s1 += Vector256.LoadUnsafe(ref row, 4);
            s2 += Vector256.LoadUnsafe(ref row, 8);
            if (TWidth.Vectors > 3)
            {
                s3 += Vector256.LoadUnsafe(ref row, 12);
            }

            if (TWidth.Vectors > 4)
            {
                s4 += Vector256.LoadUnsafe(ref row, 16);
            }

            if (TWidth.Vectors > 5)
            {
                s5 += Vector256.LoadUnsafe(ref row, 20);
            }

            if (TWidth.Vectors > 6)
            {
                s6 += Vector256.LoadUnsafe(ref row, 24);
            }

            if (TWidth.Vectors > 7)
            {
                s7 += Vector256.LoadUnsafe(ref row, 28);
            }
        }

        s0.StoreUnsafe(ref sums, 0);
        s1.StoreUnsafe(ref sums, 4);
        s2.StoreUnsafe(ref sums, 8);
        if (TWidth.Vectors > 3)
        {
            s3.StoreUnsafe(ref sums, 12);
        }

        if (TWidth.Vectors > 4)
        {
            s4.StoreUnsafe(ref sums, 16);
        }

        if (TWidth.Vectors > 5)
        {
            s5.StoreUnsafe(ref sums, 20);
        }

        if (TWidth.Vectors > 6)
        {
            s6.StoreUnsafe(ref sums, 24);
        }

        if (TWidth.Vectors > 7)
        {
            s7.StoreUnsafe(ref sums, 28);
        }
    }

    /// <summary>Adds one row of <paramref name="width"/> doubles (a multiple of four) to the sums at <paramref name="sums"/>, a vector at a time from memory.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Add(ref double sums, ref double row, int width)
    {
        for (var q = 0; q < width; q += 4)
        {
            (Vector256.LoadUnsafe(ref sums, (nuint)q) + Vector256.LoadUnsafe(ref row, (nuint)q)).StoreUnsafe(ref sums, (nuint)q);
        }
    }
}

/// <summary>Vectors of four doubles per row, as a type so that <see cref="RowSums.Add{TWidth}"/> is compiled for each width.</summary>
public interface IRowWidth
{
    static abstract int Vectors { get; }
}

/// <summary>Rows of 3 vectors (9–12 outcomes).</summary>
public readonly struct ThreeVectors : IRowWidth
{
    public static int Vectors => 3;
}

/// <summary>Rows of 4 vectors (13–16 outcomes).</summary>
public readonly struct FourVectors : IRowWidth
{
    public static int Vectors => 4;
}

/// <summary>Rows of 5 vectors (17–20 outcomes).</summary>
public readonly struct FiveVectors : IRowWidth
{
    public static int Vectors => 5;
}

/// <summary>Rows of 6 vectors (21–24 outcomes).</summary>
public readonly struct SixVectors : IRowWidth
{
    public static int Vectors => 6;
}

/// <summary>Rows of 7 vectors (25–28 outcomes).</summary>
public readonly struct SevenVectors : IRowWidth
{
    public static int Vectors => 7;
}

/// <summary>Rows of 8 vectors (29–32 outcomes).</summary>
public readonly struct EightVectors : IRowWidth
{
    public static int Vectors => 8;
}
