using ComputeGap.Core.Reduction;

namespace ComputeGap.Engine.Aggregation;

/// <summary>
/// The mergeable statistics of one stream of values: how many are finite, their exact sum, least and
/// greatest, and their quantile-sketch counts. Every part is exact or integer, so sums of states merge in
/// any order to the same bits.
/// </summary>
public sealed class ValueSums
{
    private readonly long[] _sketch = new long[QuantileSketch.Length];

    /// <summary>Finite values added.</summary>
    public long Finite { get; private set; }

    /// <summary>Their exact sum (binned values added first).</summary>
    public ExactSum Sum
    {
        get
        {
            Flush();
            return _sum;
        }
    }

    private ExactSum _sum = new();

    /// <summary>Values added since the bins were last flushed (bins are made on first use).</summary>
    private BinnedSum? _bins;
    private long _pending;

    /// <summary>The least finite value (+∞ when none).</summary>
    public double Min { get; private set; } = double.PositiveInfinity;

    /// <summary>The greatest finite value (−∞ when none).</summary>
    public double Max { get; private set; } = double.NegativeInfinity;

    /// <summary>Sketch counts (see <see cref="QuantileSketch"/>).</summary>
    public ReadOnlySpan<long> Sketch => _sketch;

    /// <summary>Values whose sketch slots are computed at once.</summary>
    private const int Block = 512;

    /// <summary>Adds values; non-finite ones are left out.</summary>
    public void AddRange(ReadOnlySpan<float> values)
    {
        Span<int> slots = stackalloc int[Block];
        Span<double> wide = stackalloc double[Block];
        for (var start = 0; start < values.Length; start += Block)
        {
            var block = values.Slice(start, Math.Min(Block, values.Length - start));
            VectorSketch.Slots(block, slots);
            for (var i = 0; i < block.Length; i++)
            {
                wide[i] = float.IsFinite(block[i]) ? block[i] : double.NaN;
            }

            Count(wide[..block.Length], slots);
        }
    }

    /// <summary>Adds values; non-finite ones are left out. The sketch takes each as a float (beyond the float range, the largest float).</summary>
    public void AddRange(ReadOnlySpan<double> values)
    {
        Span<int> slots = stackalloc int[Block];
        Span<float> narrow = stackalloc float[Block];
        for (var start = 0; start < values.Length; start += Block)
        {
            var block = values.Slice(start, Math.Min(Block, values.Length - start));
            for (var i = 0; i < block.Length; i++)
            {
                narrow[i] = (float)Math.Clamp(block[i], -float.MaxValue, float.MaxValue);
            }

            VectorSketch.Slots(narrow[..block.Length], slots);
            Count(block, slots);
        }
    }

    /// <summary>Counts the finite values of a block whose sketch slots are <paramref name="slots"/>.</summary>
    private void Count(ReadOnlySpan<double> values, ReadOnlySpan<int> slots)
    {
        if (_pending + values.Length > BinnedSum.MaxValues)
        {
            Flush();
        }

        var sketch = _sketch;
        var bins = _bins ??= new BinnedSum();
        long finite = 0;
        double min = Min, max = Max;
        for (var i = 0; i < values.Length; i++)
        {
            var v = values[i];
            if (double.IsFinite(v))
            {
                finite++;
                bins.Add(v);
                min = Math.Min(min, v);
                max = Math.Max(max, v);
                sketch[slots[i]]++;
            }
        }

        Finite += finite;
        _pending += finite;
        Min = min;
        Max = max;
    }

    /// <summary>Adds the binned values to the exact sum.</summary>
    private void Flush()
    {
        _bins?.FlushInto(_sum);
        _pending = 0;
    }

    /// <summary>Adds another stream's statistics.</summary>
    public void Merge(ValueSums other)
    {
        Finite += other.Finite;
        Sum.Add(other.Sum);
        Min = Math.Min(Min, other.Min);
        Max = Math.Max(Max, other.Max);
        for (var s = 0; s < _sketch.Length; s++)
        {
            _sketch[s] += other._sketch[s];
        }
    }

    /// <summary>True when every statistic equals <paramref name="other"/>'s bit for bit.</summary>
    public bool ExactlyEquals(ValueSums other) =>
        Finite == other.Finite && Sum.ExactlyEquals(other.Sum) && Min.Equals(other.Min) && Max.Equals(other.Max)
        && _sketch.AsSpan().SequenceEqual(other._sketch);

    /// <summary>The mean (NaN when empty).</summary>
    public double Mean => Finite == 0 ? double.NaN : Sum.Round() / Finite;

    /// <summary>Quantiles read from the sketch, clamped to the exact least and greatest values.</summary>
    /// <param name="wholeNumbers">True for month outcomes (see <see cref="SketchQuantiles"/>).</param>
    public SketchQuantiles Quantiles(bool wholeNumbers = false) => new(_sketch, -1, wholeNumbers, Min, Max, exactMin: true);

    /// <summary>Restores the statistics (used by the reader).</summary>
    internal void Set(long finite, ExactSum sum, double min, double max)
    {
        Finite = finite;
        _bins = null;
        _pending = 0;
        _sum = sum;
        Min = min;
        Max = max;
    }

    /// <summary>Restores one sketch count (used by the reader).</summary>
    internal void SetSlot(int slot, long count) => _sketch[slot] = count;
}
