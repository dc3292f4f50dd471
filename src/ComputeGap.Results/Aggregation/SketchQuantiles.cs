using ComputeGap.Core.Reduction;

namespace ComputeGap.Engine.Aggregation;

/// <summary>
/// Reads order statistics and R-7 quantiles from quantile-sketch counts. A rank's value is its
/// bucket's representative (within <see cref="QuantileSketch.RelativeAccuracy"/> of the true value),
/// clamped to the exact minimum and maximum, which the lowest and highest ranks take exactly. For
/// whole-number outcomes (months) a bucket that holds a single whole number gives it exactly, so
/// their statistics match the rows' wherever buckets do not merge neighbouring months.
/// </summary>
public sealed class SketchQuantiles
{
    /// <summary>Largest magnitude for which a bucket is searched for the single whole number it may hold.</summary>
    private const double WholeNumberLimit = 10_000;

    private readonly long[] _counts;
    private readonly bool _wholeNumbers;
    private readonly double _min;
    private readonly double _max;

    /// <summary>A view of one outcome's sketch.</summary>
    /// <param name="sketch">The sketch counts.</param>
    /// <param name="skipSlot">A slot left out (the "never" bucket of a month outcome), or −1.</param>
    /// <param name="wholeNumbers">True when every value is a whole number.</param>
    /// <param name="min">Exact least value counted (rank 0), used when <paramref name="exactMin"/>.</param>
    /// <param name="max">Exact greatest value counted (last rank).</param>
    /// <param name="exactMin">False when <paramref name="min"/> is unknown (then rank 0 is read from the sketch).</param>
    public SketchQuantiles(ReadOnlySpan<long> sketch, int skipSlot, bool wholeNumbers, double min, double max, bool exactMin)
    {
        _counts = sketch.ToArray();
        if (skipSlot >= 0)
        {
            _counts[skipSlot] = 0;
        }

        _wholeNumbers = wholeNumbers;
        Count = _counts.Sum();
        _max = max;
        _min = exactMin ? min : Count == 0 ? double.NaN : Math.Min(SlotValue(FirstSlot()), max);
    }

    /// <summary>Values counted.</summary>
    public long Count { get; }

    /// <summary>Least value counted (exact, or read from the sketch when the exact minimum was unknown).</summary>
    public double Min => Count == 0 ? double.NaN : _min;

    /// <summary>Greatest value counted.</summary>
    public double Max => Count == 0 ? double.NaN : _max;

    /// <summary>The R-7 quantile (as numpy's default and DuckDB's <c>quantile_cont</c>); NaN when empty.</summary>
    public double Quantile(double probability)
    {
        if (Count == 0)
        {
            return double.NaN;
        }

        var h = (Count - 1) * probability;
        var low = (long)Math.Floor(h);
        var fraction = h - low;
        var lower = ValueAt(low);
        return fraction == 0 || low + 1 >= Count ? lower : lower + (fraction * (ValueAt(low + 1) - lower));
    }

    /// <summary>Number of counted values whose bucket value satisfies <paramref name="holds"/>.</summary>
    public long CountWhere(Func<double, bool> holds)
    {
        long count = 0;
        for (var s = 0; s < _counts.Length; s++)
        {
            if (_counts[s] != 0 && holds(SlotValue(s)))
            {
                count += _counts[s];
            }
        }

        return count;
    }

    /// <summary>The value of rank <paramref name="rank"/> (0 = least) among the counted values.</summary>
    public double ValueAt(long rank)
    {
        if (rank <= 0)
        {
            return _min;
        }

        if (rank >= Count - 1)
        {
            return _max;
        }

        long seen = 0;
        for (var s = 0; s < _counts.Length; s++)
        {
            seen += _counts[s];
            if (seen > rank)
            {
                return Math.Max(_min, Math.Min(SlotValue(s), _max));
            }
        }

        return _max;
    }

    private int FirstSlot()
    {
        var s = 0;
        while (_counts[s] == 0)
        {
            s++;
        }

        return s;
    }

    private double SlotValue(int slot)
    {
        var value = QuantileSketch.Value(slot);
        if (!_wholeNumbers || value == 0 || Math.Abs(value) > WholeNumberLimit)
        {
            return value;
        }

        // The whole numbers this bucket can hold; exactly one means the bucket is exact.
        var found = double.NaN;
        var matches = 0;
        var from = Math.Floor(Math.Abs(value) / QuantileSketch.Gamma) - 1;
        var to = Math.Ceiling(Math.Abs(value) * QuantileSketch.Gamma) + 1;
        for (var m = from; m <= to && matches < 2; m++)
        {
            var candidate = Math.CopySign(m, value);
            if (m >= 1 && QuantileSketch.Slot((float)candidate) == slot)
            {
                found = candidate;
                matches++;
            }
        }

        return matches == 1 ? found : value;
    }
}
