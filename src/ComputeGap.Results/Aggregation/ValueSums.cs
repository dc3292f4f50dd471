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

    /// <summary>Their exact sum.</summary>
    public ExactSum Sum { get; private set; } = new();

    /// <summary>The least finite value (+∞ when none).</summary>
    public double Min { get; private set; } = double.PositiveInfinity;

    /// <summary>The greatest finite value (−∞ when none).</summary>
    public double Max { get; private set; } = double.NegativeInfinity;

    /// <summary>Sketch counts (see <see cref="QuantileSketch"/>).</summary>
    public ReadOnlySpan<long> Sketch => _sketch;

    /// <summary>Adds a value; non-finite values are left out.</summary>
    public void Add(double value)
    {
        if (!double.IsFinite(value))
        {
            return;
        }

        Finite++;
        Sum.Add(value);
        Min = Math.Min(Min, value);
        Max = Math.Max(Max, value);
        _sketch[QuantileSketch.Slot((float)value)]++;
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
        Sum = sum;
        Min = min;
        Max = max;
    }

    /// <summary>Restores one sketch count (used by the reader).</summary>
    internal void SetSlot(int slot, long count) => _sketch[slot] = count;
}
