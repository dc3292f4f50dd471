using ComputeGap.IO.Parquet;

namespace ComputeGap.IO.Discovery;

/// <summary>Turns columns into <see cref="CodedInput"/>s: ranks of distinct values, bins, or categories.</summary>
public static class ColumnCoder
{
    /// <summary>Most codes an input can have (16-bit codes).</summary>
    public const int MaxCodes = 1 << 16;

    /// <summary>Most categories of a text input.</summary>
    public const int MaxCategories = 64;

    /// <summary>Values sampled to place the bins of a column with more distinct values than codes.</summary>
    private const int BinSample = 1 << 20;

    /// <summary>Codes a numeric column.</summary>
    /// <param name="name">The column.</param>
    /// <param name="values">Its values.</param>
    /// <param name="fromFloat32">True when they were float32 (limits then print as float32 decimals).</param>
    /// <exception cref="ArgumentException">The column holds NaN (a missing value), or only one value.</exception>
    public static CodedInput Code(string name, double[] values, bool fromFloat32 = false) => Code(name, (Array)values, fromFloat32);

    /// <summary>
    /// Codes a numeric column held as <c>double[]</c>, <c>float[]</c>, <c>int[]</c> or <c>long[]</c>, read
    /// in blocks of doubles (no widened copy of the whole column).
    /// </summary>
    /// <param name="name">The column.</param>
    /// <param name="values">Its values.</param>
    /// <param name="fromFloat32">True when they were float32 (limits then print as float32 decimals).</param>
    /// <exception cref="ArgumentException">The column holds NaN (a missing value), or only one value.</exception>
    public static CodedInput Code(string name, Array values, bool fromFloat32)
    {
        long nan = 0;
        var seen = new HashSet<double>();
        var last = double.NaN;
        var min = double.PositiveInfinity;
        ColumnBlocks.ForEachInOrder(values, (_, block) =>
        {
            foreach (var value in block)
            {
                // Runs of equal values (a grid's slow axes) skip the hash.
                if (double.IsNaN(value))
                {
                    nan++;
                }
                else if (!value.Equals(last))
                {
                    last = value;
                    min = Math.Min(min, value);
                    if (seen.Count <= MaxCodes)
                    {
                        seen.Add(value == 0 ? 0 : value);
                    }
                }
            }
        });
        if (nan > 0)
        {
            throw new ArgumentException($"input {name} holds {nan:N0} missing values (NaN or null); every input of scenario discovery must be defined in every row");
        }

        if (seen.Count <= MaxCodes)
        {
            var distinct = seen.Order().ToArray();
            RefuseConstant(name, distinct.Length);
            return new CodedInput(name, Assign(values, distinct, exact: true), distinct, distinct, null, exact: true, fromFloat32);
        }

        var bounds = BinBounds(values, min);
        var codes = Assign(values, bounds, exact: false);
        var low = Enumerable.Repeat(double.PositiveInfinity, bounds.Length + 1).ToArray();
        var high = Enumerable.Repeat(double.NegativeInfinity, bounds.Length + 1).ToArray();
        ColumnBlocks.ForEachInOrder(values, (start, block) =>
        {
            for (var i = 0; i < block.Length; i++)
            {
                var code = codes[start + i];
                low[code] = Math.Min(low[code], block[i]);
                high[code] = Math.Max(high[code], block[i]);
            }
        });
        return new CodedInput(name, codes, low, high, null, exact: false, fromFloat32);
    }

    /// <summary>Codes a text column as categories, in ordinal order of their labels.</summary>
    /// <exception cref="ArgumentException">More than <see cref="MaxCategories"/> categories, or only one.</exception>
    public static CodedInput Code(string name, string[] values)
    {
        var labels = values.Distinct(StringComparer.Ordinal).Take(MaxCategories + 1).ToArray();
        if (labels.Length > MaxCategories)
        {
            throw new ArgumentException($"input {name} is text with more than {MaxCategories} distinct values; PRIM treats text as categories, at most {MaxCategories}");
        }

        Array.Sort(labels, StringComparer.Ordinal);
        RefuseConstant(name, labels.Length);
        var index = labels.Select((label, i) => (label, i)).ToDictionary(p => p.label, p => (ushort)p.i, StringComparer.Ordinal);
        var codes = new ushort[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            codes[i] = index[values[i]];
        }

        var numbers = Enumerable.Range(0, labels.Length).Select(i => (double)i).ToArray();
        return new CodedInput(name, codes, numbers, numbers, labels, exact: true);
    }

    private static void RefuseConstant(string name, int distinct)
    {
        if (distinct < 2)
        {
            throw new ArgumentException($"input {name} is constant (one value in every row), so no box can restrict it; leave it out of --inputs");
        }
    }

    /// <summary>Up to <see cref="MaxCodes"/> − 1 distinct bin boundaries above the minimum, at equal quantiles of a seeded sample.</summary>
    private static double[] BinBounds(Array values, double minimum)
    {
        var random = new Random(20_250_501);
        var sample = new double[Math.Min(values.Length, BinSample)];
        for (var i = 0; i < sample.Length; i++)
        {
            sample[i] = ColumnBlocks.At(values, random.Next(values.Length));
        }

        Array.Sort(sample);

        // Every bin holds a value: bin 0 the minimum (no boundary at or below it), bin b > 0 its own boundary.
        var bounds = new List<double>(MaxCodes);
        for (var b = 1; b < MaxCodes; b++)
        {
            var boundary = sample[(int)((long)b * sample.Length / MaxCodes)];
            if (boundary > (bounds.Count == 0 ? minimum : bounds[^1]))
            {
                bounds.Add(boundary);
            }
        }

        return [.. bounds];
    }

    /// <summary>
    /// Each value's code: its index among <paramref name="table"/> (exact), or the number of bin
    /// boundaries at or below it (bins, so a value equal to a boundary starts the next bin).
    /// </summary>
    private static ushort[] Assign(Array values, double[] table, bool exact)
    {
        var codes = new ushort[values.Length];
        ColumnBlocks.ForEach(values, (start, block) =>
        {
            for (var i = 0; i < block.Length; i++)
            {
                codes[start + i] = (ushort)(exact ? Array.BinarySearch(table, block[i] == 0 ? 0 : block[i]) : UpperBound(table, block[i]));
            }
        });
        return codes;
    }

    private static int UpperBound(double[] sorted, double value)
    {
        int lo = 0, hi = sorted.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (sorted[mid] <= value)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }
}
