using ComputeGap.Core.Reduction;

namespace ComputeGap.Engine.Aggregation;

/// <summary>
/// Fan charts of the regional shares: one quantile sketch per month and region, counted over every
/// scenario. Counts are integers, so adding chunks and merging shards is exact in any order.
/// </summary>
public sealed class FanState
{
    private readonly long[] _counts;

    public FanState(int months, int regions)
    {
        Months = months;
        Regions = regions;
        _counts = new long[(long)months * regions * QuantileSketch.Length];
    }

    public int Months { get; }

    public int Regions { get; }

    /// <summary>The sketch of region <paramref name="region"/>'s share in month <paramref name="month"/>.</summary>
    public ReadOnlySpan<long> Sketch(int month, int region) =>
        _counts.AsSpan(QuantileSketch.FanOffset(month, region, Regions), QuantileSketch.Length);

    /// <summary>Adds a chunk's fan counts (laid out by <see cref="QuantileSketch.FanOffset"/>).</summary>
    public void Add(ReadOnlySpan<long> counts)
    {
        if (counts.Length != _counts.Length)
        {
            throw new ArgumentException($"fan counts for {Months} months x {Regions} regions need {_counts.Length} slots, not {counts.Length}", nameof(counts));
        }

        for (var i = 0; i < counts.Length; i++)
        {
            _counts[i] += counts[i];
        }
    }

    public void Merge(FanState other)
    {
        if (other.Months != Months || other.Regions != Regions)
        {
            throw new ArgumentException("fan charts of different shapes cannot be merged", nameof(other));
        }

        Add(other._counts);
    }

    /// <summary>Sets one slot's count (the reader restoring the mergeable table).</summary>
    internal void Set(int month, int region, int slot, long count) =>
        _counts[QuantileSketch.FanOffset(month, region, Regions) + slot] = count;

    /// <summary>The share at probability <paramref name="p"/> (R-7 over the sketch's representative values; within 1 %).</summary>
    public double Quantile(int month, int region, double p)
    {
        var sketch = Sketch(month, region);
        var first = sketch.IndexOfAnyExcept(0L);
        if (first < 0)
        {
            return double.NaN;
        }

        var last = sketch.LastIndexOfAnyExcept(0L);
        return new SketchQuantiles(sketch, -1, false, QuantileSketch.Value(first), QuantileSketch.Value(last), true).Quantile(p);
    }

    public bool ExactlyEquals(FanState other) =>
        Months == other.Months && Regions == other.Regions && _counts.AsSpan().SequenceEqual(other._counts);
}
