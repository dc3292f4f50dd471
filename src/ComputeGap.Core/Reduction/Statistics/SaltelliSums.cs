using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace ComputeGap.Core.Reduction;

/// <summary>
/// The Sobol statistic of a unit of a Saltelli design: the sums the indices are estimated from, over
/// the unit's base samples, one slot each. A base sample's group of rows is f(A), f(AB_1) … f(AB_d),
/// [f(BA_1) … f(BA_d),] f(B) (SALib's order); with a = f(A), b = f(B), ab_i, ba_i in float64 the slots are
/// n, Σa, Σb, Σ(a² + b²), Σab, then per parameter Σb(ab_i − a), Σ(ab_i − a), Σ(a − ab_i)², Σab_i, and with
/// second order Σba_i and Σba_i·ab_j (row i). This is the record the sensitivity table stores and
/// <c>SobolSums.AddBatch</c> reads.
/// </summary>
/// <remarks>
/// Each slot is its own sum: the identity is 0, and a unit's slot adds its base samples' terms in
/// order. The scalar form (<see cref="Term"/>) is one base sample's term of one slot, what a GPU thread
/// adds; the vector form (<see cref="AddTerms"/>) adds one base sample of four units (one per lane) to
/// every slot, each lane the scalar form's arithmetic (IEEE float64, no fused multiply-add) in the same
/// order, so a lane's sums are the scalar form's bits.
/// </remarks>
public static class SaltelliSums
{
    /// <summary>Slots of a record: 5 + 4d, plus d + d² with second order.</summary>
    public static int Slots(int dimensions, bool secondOrder) =>
        5 + (4 * dimensions) + (secondOrder ? dimensions + (dimensions * dimensions) : 0);

    /// <summary>
    /// The scalar form: what one base sample, whose group of <paramref name="group"/> rows starts at chunk
    /// position <paramref name="start"/> of <paramref name="column"/>, adds to slot <paramref name="slot"/>
    /// (each product by <paramref name="products"/>, rounded on its own).
    /// </summary>
    public static double Term<TSource, TProducts>(in TSource outcomes, int column, int start, int dimensions, int group, int slot, TProducts products)
        where TSource : struct, IOutcomeSource
        where TProducts : struct, IProducts
    {
        if (slot == 0)
        {
            return 1;
        }

        double a = outcomes.Get(column, start);
        double b = outcomes.Get(column, start + group - 1);
        if (slot < 5)
        {
            return slot == 1 ? a : slot == 2 ? b : slot == 3 ? products.Multiply(a, a) + products.Multiply(b, b) : products.Multiply(a, b);
        }

        var i = slot - 5;
        var d = dimensions;
        if (i < 4 * d)
        {
            var kind = i / d;
            double ab = outcomes.Get(column, start + 1 + (i - (kind * d)));
            return kind == 0 ? products.Multiply(b, ab - a) : kind == 1 ? ab - a : kind == 2 ? products.Multiply(a - ab, a - ab) : ab;
        }

        i -= 4 * d;
        if (i < d)
        {
            return outcomes.Get(column, start + 1 + d + i);
        }

        i -= d;
        var row = i / d;
        double ba = outcomes.Get(column, start + 1 + d + row);
        return products.Multiply(ba, outcomes.Get(column, start + 1 + (i - (row * d))));
    }

    /// <summary>
    /// The vector form: adds one base sample of each of four units (lane l's group of rows in
    /// <paramref name="rows"/>[r], row r, as float64) to the sums of every slot, lane by lane, each the
    /// scalar form's <see cref="Term"/> added in the same order.
    /// </summary>
    public static void AddTerms(ReadOnlySpan<Vector256<double>> rows, Span<Vector256<double>> sums, int dimensions, int group)
    {
        var d = dimensions;
        var a = rows[0];
        var b = rows[group - 1];
        sums[0] += Vector256<double>.One;
        sums[1] += a;
        sums[2] += b;
        sums[3] += (a * a) + (b * b);
        sums[4] += a * b;
        for (var i = 0; i < d; i++)
        {
            var ab = rows[1 + i];
            sums[5 + i] += b * (ab - a);
            sums[5 + d + i] += ab - a;
            sums[5 + (2 * d) + i] += (a - ab) * (a - ab);
            sums[5 + (3 * d) + i] += ab;
        }

        if (group == (2 * d) + 2)
        {
            for (var i = 0; i < d; i++)
            {
                var ba = rows[1 + d + i];
                sums[5 + (4 * d) + i] += ba;
                var products = sums.Slice(5 + (5 * d) + (i * d), d);
                for (var j = 0; j < d; j++)
                {
                    products[j] += ba * rows[1 + j];
                }
            }
        }
    }
}

/// <summary>Where four groups of rows start in an outcome column: the lanes of a statistic's vector form.</summary>
public readonly struct GroupStarts(int start0, int start1, int start2, int start3)
{
    /// <summary>The four starts, each moved <paramref name="by"/> rows on.</summary>
    public GroupStarts Plus(int by) => new(start0 + by, start1 + by, start2 + by, start3 + by);

    /// <summary>Row <paramref name="row"/> of each group, in float64.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector256<double> Rows(float[] values, int row) =>
        Vector256.Create((double)values[start0 + row], values[start1 + row], values[start2 + row], values[start3 + row]);

    /// <summary>Lane <paramref name="lane"/>'s start.</summary>
    public int this[int lane] => lane == 0 ? start0 : lane == 1 ? start1 : lane == 2 ? start2 : start3;
}
