using ComputeGap.Core.Reduction;

namespace ComputeGap.Engine.Aggregation;

/// <summary>
/// The mergeable statistics of one stream of values: how many are finite, their exact sum, least and
/// greatest, and their quantile-sketch counts. Every part is exact or integer, so sums of states merge in
/// any order to the same bits.
/// </summary>
/// <remarks>
/// The sketch keeps only the run of slots its values have reached (<see cref="SketchFirst"/>,
/// <see cref="SketchCounts"/>), grown as they widen: a policy's share or regret fills a few hundred of the
/// 8,003 slots, and a comparison of 256 policies keeps thousands of these (64 KiB each, dense).
/// </remarks>
public sealed class ValueSums
{
    /// <summary>Counts of slots [<see cref="_first"/>, <see cref="_first"/> + length).</summary>
    private long[] _sketch = [];
    private int _first;

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

    /// <summary>Sketch counts of every slot (see <see cref="QuantileSketch"/>), in a new array.</summary>
    public ReadOnlySpan<long> Sketch
    {
        get
        {
            var all = new long[QuantileSketch.Length];
            _sketch.CopyTo(all, _first);
            return all;
        }
    }

    /// <summary>The first slot <see cref="SketchCounts"/> holds.</summary>
    public int SketchFirst => _first;

    /// <summary>Counts of slots <see cref="SketchFirst"/> onwards (every slot outside them is 0).</summary>
    public ReadOnlySpan<long> SketchCounts => _sketch;

    /// <summary>Widens the kept slots to hold <paramref name="low"/> … <paramref name="high"/> (within the sketch), by at least half again.</summary>
    private void Reach(int low, int high)
    {
        var end = _first + _sketch.Length;
        if (_sketch.Length > 0 && low >= _first && high < end)
        {
            return;
        }

        var empty = _sketch.Length == 0;
        var (from, to) = empty ? (low, high + 1) : (Math.Min(low, _first), Math.Max(high + 1, end));

        // Room on each side that had to grow: the next values are likely to reach further the same way.
        var spare = Math.Max(16, (to - from) / 2);
        if (empty || low < _first)
        {
            from = Math.Max(0, from - spare);
        }

        if (empty || high >= end)
        {
            to = Math.Min(QuantileSketch.Length, to + spare);
        }

        var wider = new long[to - from];
        if (!empty)
        {
            _sketch.CopyTo(wider, _first - from);
        }

        (_sketch, _first) = (wider, from);
    }

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

        int low = int.MaxValue, high = -1;
        for (var i = 0; i < values.Length; i++)
        {
            if (double.IsFinite(values[i]))
            {
                low = Math.Min(low, slots[i]);
                high = Math.Max(high, slots[i]);
            }
        }

        if (high < 0)
        {
            return;
        }

        Reach(low, high);
        var sketch = _sketch;
        var first = _first;
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
                sketch[slots[i] - first]++;
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
        if (other._sketch.Length == 0)
        {
            return;
        }

        Reach(other._first, other._first + other._sketch.Length - 1);
        var at = other._first - _first;
        for (var s = 0; s < other._sketch.Length; s++)
        {
            _sketch[at + s] += other._sketch[s];
        }
    }

    /// <summary>True when every statistic equals <paramref name="other"/>'s bit for bit (the sketches slot by slot, however much of it each keeps).</summary>
    public bool ExactlyEquals(ValueSums other) =>
        Finite == other.Finite && Sum.ExactlyEquals(other.Sum) && Min.Equals(other.Min) && Max.Equals(other.Max)
        && Sketch.SequenceEqual(other.Sketch);

    /// <summary>The mean (NaN when empty).</summary>
    public double Mean => Finite == 0 ? double.NaN : Sum.Round() / Finite;

    /// <summary>Quantiles read from the sketch, clamped to the exact least and greatest values.</summary>
    /// <param name="wholeNumbers">True for month outcomes (see <see cref="SketchQuantiles"/>).</param>
    public SketchQuantiles Quantiles(bool wholeNumbers = false) => new(Sketch, -1, wholeNumbers, Min, Max, exactMin: true);

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
    internal void SetSlot(int slot, long count)
    {
        Reach(slot, slot);
        _sketch[slot - _first] = count;
    }
}
