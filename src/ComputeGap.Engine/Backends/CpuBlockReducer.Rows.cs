using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using ComputeGap.Core.Reduction;

namespace ComputeGap.Engine.Backends;

/// <summary>The row-wise half of <see cref="CpuBlockReducer"/>: the group transposed to rows, and the sums that take them in scenario order.</summary>
public sealed partial class CpuBlockReducer
{
    /// <summary>
    /// Turns <c>_columns</c> (column-major, eight scenarios per column) into <c>_rows</c> (eight rows of
    /// <c>_width</c> doubles), four columns by four scenarios at a time.
    /// </summary>
    private void Transpose()
    {
        ref var source = ref MemoryMarshal.GetArrayDataReference(_columns);
        ref var target = ref MemoryMarshal.GetArrayDataReference(_rows);
        for (var q = 0; q < _width; q += 4)
        {
            for (var h = 0; h < Group; h += 4)
            {
                if (Avx.IsSupported)
                {
                    var a0 = Vector256.LoadUnsafe(ref source, (nuint)((q * Group) + h));
                    var a1 = Vector256.LoadUnsafe(ref source, (nuint)(((q + 1) * Group) + h));
                    var a2 = Vector256.LoadUnsafe(ref source, (nuint)(((q + 2) * Group) + h));
                    var a3 = Vector256.LoadUnsafe(ref source, (nuint)(((q + 3) * Group) + h));
                    var t0 = Avx.UnpackLow(a0, a1);
                    var t1 = Avx.UnpackHigh(a0, a1);
                    var t2 = Avx.UnpackLow(a2, a3);
                    var t3 = Avx.UnpackHigh(a2, a3);
                    Avx.Permute2x128(t0, t2, 0x20).StoreUnsafe(ref target, (nuint)((h * _width) + q));
                    Avx.Permute2x128(t1, t3, 0x20).StoreUnsafe(ref target, (nuint)(((h + 1) * _width) + q));
                    Avx.Permute2x128(t0, t2, 0x31).StoreUnsafe(ref target, (nuint)(((h + 2) * _width) + q));
                    Avx.Permute2x128(t1, t3, 0x31).StoreUnsafe(ref target, (nuint)(((h + 3) * _width) + q));
                }
                else
                {
                    for (var s = 0; s < 4; s++)
                    {
                        for (var k = 0; k < 4; k++)
                        {
                            Unsafe.Add(ref target, ((h + s) * _width) + q + k) = Unsafe.Add(ref source, ((q + k) * Group) + h + s);
                        }
                    }
                }
            }
        }
    }

    /// <summary>Adds the group's rows, in scenario order, to the column sums and the varying axes' effect sums.</summary>
    private void Rows(int g, int valid, int varying)
    {
        switch (_width / 4)
        {
            case 3:
                Rows<ThreeVectors>(g, valid, varying);
                break;
            case 4:
                Rows<FourVectors>(g, valid, varying);
                break;
            case 5:
                Rows<FiveVectors>(g, valid, varying);
                break;
            case 6:
                Rows<SixVectors>(g, valid, varying);
                break;
            case 7:
                Rows<SevenVectors>(g, valid, varying);
                break;
            case 8:
                Rows<EightVectors>(g, valid, varying);
                break;
            default:
                RowsOfAnyWidth(g, valid, varying);
                break;
        }
    }

    /// <summary><see cref="Rows"/> for rows of <typeparamref name="TWidth"/> vectors: the vector forms of the sums.</summary>
    private void Rows<TWidth>(int g, int valid, int varying)
        where TWidth : struct, IRowWidth
    {
        ref var rows = ref MemoryMarshal.GetArrayDataReference(_rows);
        ref var effects = ref MemoryMarshal.GetArrayDataReference(_effects);
        ref var effectCounts = ref MemoryMarshal.GetArrayDataReference(_effectCounts);
        RowSums.Add<TWidth>(ref MemoryMarshal.GetArrayDataReference(_totals), ref rows, 0, valid);
        for (var k = 0; k < varying; k++)
        {
            ref var values = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_table), (k * BlockSize) + g);
            MainEffects.AddRows<TWidth>(ref effects, ref effectCounts, ref rows, ref values, valid);
        }
    }

    /// <summary><see cref="Rows"/> for any row width, a vector at a time from memory.</summary>
    private void RowsOfAnyWidth(int g, int valid, int varying)
    {
        ref var rows = ref MemoryMarshal.GetArrayDataReference(_rows);
        ref var totals = ref MemoryMarshal.GetArrayDataReference(_totals);
        ref var effects = ref MemoryMarshal.GetArrayDataReference(_effects);
        ref var effectCounts = ref MemoryMarshal.GetArrayDataReference(_effectCounts);
        ref var table = ref MemoryMarshal.GetArrayDataReference(_table);
        for (var r = 0; r < valid; r++)
        {
            ref var row = ref Unsafe.Add(ref rows, r * _width);
            RowSums.Add(ref totals, ref row, _width);
            for (var k = 0; k < varying; k++)
            {
                MainEffects.AddRow(ref effects, ref effectCounts, ref row, _width, Unsafe.Add(ref table, (k * BlockSize) + g + r));
            }
        }
    }

    /// <summary>Counts the group's non-finite values per varying axis value (their effect finite counts are the scenario counts less these).</summary>
    private void CountNonFinite(int g, int valid, int varying)
    {
        for (var c = 0; c < _outcomes; c++)
        {
            var lanes = ~_finiteLanes[c] & ((1u << valid) - 1);
            while (lanes != 0)
            {
                var lane = BitOperations.TrailingZeroCount(lanes);
                for (var k = 0; k < varying; k++)
                {
                    _nonFinite[(_table[(k * BlockSize) + g + lane] * _outcomes) + c]++;
                }

                lanes &= lanes - 1;
            }
        }
    }
}
