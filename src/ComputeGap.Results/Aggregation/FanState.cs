using ComputeGap.Core.Models;
using ComputeGap.Core.Reduction;

namespace ComputeGap.Engine.Aggregation;

/// <summary>
/// Fan charts of the model's series columns (model v1: every region's share; model v2: also every
/// region's installed H100e and the world price): one quantile sketch per month and series value
/// (its observer index, <see cref="SeriesLayout"/>), counted over every scenario. Counts are integers,
/// so adding chunks, merging shards and counting a row run's series files give the same counts in
/// any order.
/// </summary>
public sealed class FanState
{
    private readonly long[] _counts;

    /// <summary>An empty state.</summary>
    /// <param name="months">Months of the horizon.</param>
    /// <param name="regions">Regions of the run.</param>
    /// <param name="columns">The series columns counted (old aggregate files: the share only).</param>
    public FanState(int months, int regions, IReadOnlyList<SeriesColumn> columns)
    {
        Months = months;
        Layout = new SeriesLayout([.. columns], regions);
        _counts = new long[(long)months * Layout.Width * QuantileSketch.Length];
    }

    public int Months { get; }

    public int Regions => Layout.Regions;

    /// <summary>Where each series value's sketches sit.</summary>
    public SeriesLayout Layout { get; }

    /// <summary>The sketch of series value <paramref name="index"/> in month <paramref name="month"/>.</summary>
    public ReadOnlySpan<long> Sketch(int month, int index) =>
        _counts.AsSpan(QuantileSketch.FanOffset(month, index, Layout.Width), QuantileSketch.Length);

    /// <summary>Adds a chunk's fan counts (laid out by <see cref="QuantileSketch.FanOffset"/>).</summary>
    public void Add(ReadOnlySpan<long> counts)
    {
        if (counts.Length != _counts.Length)
        {
            throw new ArgumentException($"fan counts for {Months} months x {Layout.Width} series values need {_counts.Length} slots, not {counts.Length}", nameof(counts));
        }

        for (var i = 0; i < counts.Length; i++)
        {
            _counts[i] += counts[i];
        }
    }

    /// <summary>
    /// Counts rows of a series file: row i's <paramref name="values"/>[i] into the sketch of series value
    /// <paramref name="indices"/>[i] (−1: not counted) in month <paramref name="months"/>[i]. Non-finite values
    /// (a null read as NaN) are not counted, as the kernels count none; slots are the kernels' (<see cref="VectorSketch"/>).
    /// </summary>
    /// <exception cref="InvalidDataException">A month outside the horizon or an index beyond the series values.</exception>
    public void Count(ReadOnlySpan<int> months, ReadOnlySpan<int> indices, ReadOnlySpan<float> values)
    {
        Span<int> slots = stackalloc int[VectorSketch.Width * 32];
        for (var start = 0; start < values.Length; start += slots.Length)
        {
            var n = Math.Min(slots.Length, values.Length - start);
            var block = values.Slice(start, n);
            VectorSketch.Slots(block, slots[..n]);
            for (var i = 0; i < n; i++)
            {
                var (month, index) = (months[start + i], indices[start + i]);
                if (index < 0 || !float.IsFinite(block[i]))
                {
                    continue;
                }

                if ((uint)month >= (uint)Months || index >= Layout.Width)
                {
                    throw new InvalidDataException($"series month {month} or value {index} is outside the {Months} months x {Layout.Width} series values");
                }

                _counts[QuantileSketch.FanOffset(month, index, Layout.Width) + slots[i]]++;
            }
        }
    }

    public void Merge(FanState other)
    {
        if (!SameShape(other))
        {
            throw new ArgumentException("fan charts of different shapes (months, regions or series columns) cannot be merged", nameof(other));
        }

        Add(other._counts);
    }

    /// <summary>Sets one slot's count (the reader restoring the mergeable table).</summary>
    internal void Set(int month, int index, int slot, long count) =>
        _counts[QuantileSketch.FanOffset(month, index, Layout.Width) + slot] = count;

    /// <summary>Series value <paramref name="index"/> at probability <paramref name="p"/> (R-7 over the sketch's representative values; within 1 %).</summary>
    public double Quantile(int month, int index, double p)
    {
        var sketch = Sketch(month, index);
        var first = sketch.IndexOfAnyExcept(0L);
        if (first < 0)
        {
            return double.NaN;
        }

        var last = sketch.LastIndexOfAnyExcept(0L);
        return new SketchQuantiles(sketch, -1, false, QuantileSketch.Value(first), QuantileSketch.Value(last), true).Quantile(p);
    }

    public bool ExactlyEquals(FanState other) => SameShape(other) && _counts.AsSpan().SequenceEqual(other._counts);

    private bool SameShape(FanState other) =>
        other.Months == Months && other.Regions == Regions && other.Layout.Columns.SequenceEqual(Layout.Columns);
}
