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
    public static CodedInput Code(string name, double[] values, bool fromFloat32 = false)
    {
        var nan = values.Count(double.IsNaN);
        if (nan > 0)
        {
            throw new ArgumentException($"input {name} holds {nan:N0} missing values (NaN or null); every input of scenario discovery must be defined in every row");
        }

        var distinct = Distinct(values);
        if (distinct is not null)
        {
            Array.Sort(distinct);
            RefuseConstant(name, distinct.Length);
            return new CodedInput(name, Assign(values, distinct, exact: true), distinct, distinct, null, exact: true, fromFloat32);
        }

        var bounds = BinBounds(values);
        var codes = Assign(values, bounds, exact: false);
        var low = Enumerable.Repeat(double.PositiveInfinity, bounds.Length + 1).ToArray();
        var high = Enumerable.Repeat(double.NegativeInfinity, bounds.Length + 1).ToArray();
        for (var i = 0; i < values.Length; i++)
        {
            low[codes[i]] = Math.Min(low[codes[i]], values[i]);
            high[codes[i]] = Math.Max(high[codes[i]], values[i]);
        }

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

    /// <summary>The distinct values, or null when there are more than <see cref="MaxCodes"/>.</summary>
    private static double[]? Distinct(double[] values)
    {
        var seen = new HashSet<double>();
        var last = double.NaN;
        foreach (var value in values)
        {
            // Runs of equal values (a grid's slow axes) skip the hash.
            if (value.Equals(last))
            {
                continue;
            }

            last = value;
            if (seen.Add(value == 0 ? 0 : value) && seen.Count > MaxCodes)
            {
                return null;
            }
        }

        return [.. seen];
    }

    /// <summary>Up to <see cref="MaxCodes"/> − 1 distinct bin boundaries above the minimum, at equal quantiles of a seeded sample.</summary>
    private static double[] BinBounds(double[] values)
    {
        var random = new Random(20_250_501);
        var sample = new double[Math.Min(values.Length, BinSample)];
        for (var i = 0; i < sample.Length; i++)
        {
            sample[i] = values[random.NextInt64(values.Length)];
        }

        Array.Sort(sample);

        // Every bin holds a value: bin 0 the minimum (no boundary at or below it), bin b > 0 its own boundary.
        var minimum = values.Min();
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
    private static ushort[] Assign(double[] values, double[] table, bool exact)
    {
        var codes = new ushort[values.Length];
        Parallel.For(0, (values.Length + Block - 1) / Block, block =>
        {
            var end = Math.Min(values.Length, (block + 1) * Block);
            for (var i = block * Block; i < end; i++)
            {
                codes[i] = (ushort)(exact ? Array.BinarySearch(table, values[i] == 0 ? 0 : values[i]) : UpperBound(table, values[i]));
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

    private const int Block = 1 << 16;
}
