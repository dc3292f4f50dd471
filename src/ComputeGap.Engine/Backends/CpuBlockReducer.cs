using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using ComputeGap.Core.Model;
using ComputeGap.Core.Models;
using ComputeGap.Core.Reduction;

namespace ComputeGap.Engine.Backends;

/// <summary>
/// The CPU's reduction of one block, all outcome columns together: the partial record and sketch
/// counts <see cref="BlockReducer"/> produces column by column (and the GPU kernel thread by thread),
/// bit for bit, for any input. One instance per worker thread; it holds the scratch it reuses.
/// </summary>
/// <remarks>
/// <para>
/// Scenarios go in groups of eight, read from each column as one <see cref="Vector256{T}"/>. Per
/// column, in lanes: finite counts, min/max, sketch slots (<see cref="VectorSketch"/>); then the
/// threshold counts and a cheap filter in front of the extremes. Sketch counts are incremented lane
/// by lane across the columns (neighbouring scenarios often share a slot, and incrementing one
/// count right after itself would wait on the previous store). The group is then transposed to
/// rows, one scenario's O values as doubles with a non-finite value replaced by +0.0, and every sum
/// takes the rows in scenario order: each column's sum is still its own chain of additions in index
/// order, the O chains just run side by side in the lanes of <see cref="Vector256{T}"/> of doubles,
/// and a main-effect sum stays in registers over a run of scenarios sharing its axis value.
/// </para>
/// <para>
/// Why the results are the same bits: a sum starts at +0.0 and adds finite float values converted to
/// double; it never overflows (4,096 floats) and is never −0.0 (in round-to-nearest x + y is −0.0
/// only when both are −0.0, and +0.0 + −0.0 = +0.0), so adding +0.0 in place of a skipped value
/// leaves it unchanged. Counts are integers (an axis value's finite counts are its scenarios less
/// its non-finite values, counted apart as they are rare). Min and max keep the scalar
/// <c>value &lt; min ? value : min</c> per lane, which keeps the first of equal values; equal
/// values other than ±0 have the same bits, and when the extreme is zero its sign is taken from
/// the block's first zero, as the scalar loop would. Extremes are offered in index order to the
/// same <see cref="Extremes.Offer"/>; a value is skipped only when both lists are full and it beats
/// neither k-th entry, exactly when Offer would return without a change. Axes that keep one value
/// over the block take their main effects from the block totals, as in <see cref="BlockReducer"/>.
/// </para>
/// </remarks>
public sealed partial class CpuBlockReducer
{
    /// <summary>Scenarios per group: the lanes of a <see cref="Vector256{T}"/> of floats.</summary>
    private const int Group = 8;

    private const int BlockSize = PartialLayout.BlockSize;

    private readonly PartialLayout _layout;
    private readonly int _outcomes;
    private readonly int _focus;

    /// <summary>Doubles per row: the outcomes rounded up to whole <see cref="Vector256{T}"/> of doubles.</summary>
    private readonly int _width;

    private readonly int[] _axisCounts;
    private readonly long[] _axisStrides;
    private readonly int[] _axisOffsets;

    /// <summary>The threshold tests, counted in lanes by their vector form (<see cref="ThresholdTest.Meets"/>).</summary>
    private readonly ThresholdTest[] _tests;

    // Scratch, reused from block to block.
    private readonly double[] _columns;
    private readonly double[] _rows;
    private readonly double[] _totals;
    private readonly double[] _effects;
    private readonly int[] _effectCounts;
    private readonly int[] _nonFinite;
    private readonly int[] _table;
    private readonly int[] _varying;
    private readonly uint[] _finiteLanes;
    private readonly long[] _misplaced;
    private readonly int[] _groupSlots;
    private readonly ColumnState[] _state;
    private readonly Vector256<int>[] _thresholds;
    private readonly Vector256<float>[] _values;
    private readonly float[] _tail = new float[Group];

    /// <param name="layout">The record layout; with <see cref="PartialLayout.AxisValues"/> = 0 the axes are ignored.</param>
    /// <param name="keys">The focus-share column (extremes).</param>
    /// <param name="thresholds">The threshold tests, one per threshold slot of the layout.</param>
    /// <param name="axisCounts">Values of each axis.</param>
    /// <param name="axisStrides">Scenarios between consecutive values of each axis.</param>
    /// <param name="axisOffsets">Each axis's first value in the concatenated value list.</param>
    public CpuBlockReducer(PartialLayout layout, KeyColumns keys, ReadOnlySpan<ThresholdTest> thresholds, ReadOnlySpan<int> axisCounts, ReadOnlySpan<long> axisStrides, ReadOnlySpan<int> axisOffsets)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(layout.Outcomes);
        ArgumentOutOfRangeException.ThrowIfNegative(keys.FocusShare);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(keys.FocusShare, layout.Outcomes);
        _layout = layout;
        _outcomes = layout.Outcomes;
        _focus = keys.FocusShare;
        _width = (layout.Outcomes + 3) / 4 * 4;
        var axes = layout.AxisValues > 0 ? axisCounts.Length : 0;
        ArgumentOutOfRangeException.ThrowIfGreaterThan(axes, BlockReducer.MaxAxes);
        _axisCounts = axisCounts[..axes].ToArray();
        _axisStrides = axisStrides[..axes].ToArray();
        _axisOffsets = axisOffsets[..axes].ToArray();
        for (var a = 0; a < axes; a++)
        {
            // Effect sums are written through unchecked references: every axis value must have its slots.
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(_axisCounts[a]);
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(_axisStrides[a]);
            ArgumentOutOfRangeException.ThrowIfNegative(_axisOffsets[a]);
            ArgumentOutOfRangeException.ThrowIfGreaterThan(_axisOffsets[a] + _axisCounts[a], layout.AxisValues);
        }

        if (thresholds.Length != layout.Thresholds)
        {
            throw new ArgumentException($"The layout keeps {layout.Thresholds} thresholds but {thresholds.Length} are given.", nameof(thresholds));
        }

        _tests = thresholds.ToArray();
        foreach (var test in _tests)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(test.Column);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(test.Column, _outcomes);
        }

        _columns = new double[_width * Group];
        _rows = new double[Group * _width];
        _totals = new double[_width];
        _effects = new double[layout.AxisValues * _width];
        _effectCounts = new int[layout.AxisValues];
        _nonFinite = new int[layout.AxisValues * _outcomes];
        _table = new int[Math.Max(1, axes) * BlockSize];
        _varying = new int[Math.Max(1, axes)];
        _finiteLanes = new uint[_outcomes];
        _misplaced = new long[_outcomes];
        _groupSlots = new int[_outcomes * Group];
        _state = new ColumnState[_outcomes];
        _thresholds = new Vector256<int>[thresholds.Length];
        _values = new Vector256<float>[_outcomes];
    }

    /// <summary>
    /// Reduces scenarios <c>[first, first + count)</c> (one block, or its start), held in
    /// <paramref name="columns"/> from position <paramref name="local"/>, into the record at
    /// <paramref name="offset"/> of <paramref name="partials"/>, and adds their sketch slots to
    /// <paramref name="sketch"/> (column c's slot s at <c>c * QuantileSketch.Length + s</c>).
    /// </summary>
    public void Reduce(float[][] columns, int local, long first, int count, double[] partials, int offset, long[] sketch)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(columns.Length, _outcomes);
        ArgumentOutOfRangeException.ThrowIfNegative(local);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, BlockSize);
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(offset, partials.Length - _layout.Length);
        ArgumentOutOfRangeException.ThrowIfLessThan(sketch.Length, _outcomes * QuantileSketch.Length);
        for (var c = 0; c < _outcomes; c++)
        {
            ArgumentOutOfRangeException.ThrowIfGreaterThan(local + count, columns[c].Length);
        }

        Start();
        var varying = MapVaryingAxes(first, count);
        var record = new Record(partials, offset);
        Extremes.Clear(ref record, _layout);
        for (var g = 0; g < count; g += Group)
        {
            var valid = Math.Min(Group, count - g);
            var nonFinite = Columns(columns, local + g, first + g, valid, ref record);
            Count(sketch);
            Transpose();
            Rows(g, valid, varying);
            if (nonFinite != 0)
            {
                CountNonFinite(g, valid, varying);
            }
        }

        Finish(columns, local, first, count, varying, partials.AsSpan(offset, _layout.Length));
        for (var c = 0; c < _outcomes; c++)
        {
            sketch[(c * QuantileSketch.Length) + QuantileSketch.BucketsPerSign] -= _misplaced[c];
        }
    }

    /// <summary>Resets the per-block accumulators (the effect scratch is left zeroed by <see cref="Finish"/>).</summary>
    private void Start()
    {
        Array.Clear(_totals);
        Array.Fill(_state, new ColumnState { Min = Vector256.Create(float.PositiveInfinity), Max = Vector256.Create(float.NegativeInfinity) });
        Array.Clear(_thresholds);
        Array.Clear(_misplaced);
    }

    /// <summary>
    /// Fills the value table of each axis that takes more than one value over the block (the same
    /// test as <see cref="BlockReducer"/>'s) and returns how many there are, listed in <c>_varying</c>.
    /// </summary>
    private int MapVaryingAxes(long first, int count)
    {
        var varying = 0;
        for (var a = 0; a < _axisCounts.Length; a++)
        {
            var stride = _axisStrides[a];
            if (!BlockReducer.Varies(stride, first, count))
            {
                continue;
            }

            var table = _table.AsSpan(varying * BlockSize, count);
            var position = GridPosition.Of(first, stride, _axisCounts[a]);
            var left = stride - (first % stride);
            for (var i = 0; i < count;)
            {
                var run = (int)Math.Min(left, count - i);
                table.Slice(i, run).Fill(_axisOffsets[a] + position);
                i += run;
                left = stride;
                position = position + 1 == _axisCounts[a] ? 0 : position + 1;
            }

            _varying[varying++] = a;
        }

        return varying;
    }

    /// <summary>
    /// The column-wise work on a group of scenarios: finite counts, min/max, thresholds, sketch slots
    /// and extremes in vector lanes; each column's values, non-finite ones zeroed, widened into
    /// <c>_columns</c> for <see cref="Transpose"/>. Returns the lanes where some value is not finite.
    /// </summary>
    private uint Columns(float[][] columns, int at, long scenario, int valid, ref Record record)
    {
        var validLanes = (1u << valid) - 1;
        var nonFinite = 0u;
        ref var widened = ref MemoryMarshal.GetArrayDataReference(_columns);
        ref var slots = ref MemoryMarshal.GetArrayDataReference(_groupSlots);
        ref var state = ref MemoryMarshal.GetArrayDataReference(_state);
        ref var values = ref MemoryMarshal.GetArrayDataReference(_values);
        for (var c = 0; c < _outcomes; c++)
        {
            var x = valid == Group ? Vector256.LoadUnsafe(ref MemoryMarshal.GetArrayDataReference(columns[c]), (nuint)at) : LoadTail(columns[c], at, valid);
            var finite = Vector256.Equals(x - x, Vector256<float>.Zero);
            var finiteLanes = finite.ExtractMostSignificantBits();
            ref var column = ref Unsafe.Add(ref state, c);
            column.Finite -= finite.AsInt32();
            var low = Vector256.ConditionalSelect(finite, x, Vector256.Create(float.PositiveInfinity));
            column.Min = Vector256.ConditionalSelect(Vector256.LessThan(low, column.Min), low, column.Min);
            var high = Vector256.ConditionalSelect(finite, x, Vector256.Create(float.NegativeInfinity));
            column.Max = Vector256.ConditionalSelect(Vector256.GreaterThan(high, column.Max), high, column.Max);
            // A non-finite lane (or one past the block's end) counts in the zero slot, taken back in Finish.
            var slot = Vector256.ConditionalSelect(finite.AsInt32(), VectorSketch.Slots(x), Vector256.Create(QuantileSketch.BucketsPerSign));
            (slot + Vector256.Create(c * QuantileSketch.Length)).StoreUnsafe(ref slots, (nuint)(c * Group));
            if (finiteLanes != 0xFF)
            {
                _misplaced[c] += Group - BitOperations.PopCount(finiteLanes);
            }

            Unsafe.Add(ref values, c) = x;
            var zeroed = x & finite;
            Vector256.WidenLower(zeroed).StoreUnsafe(ref widened, (nuint)(c * Group));
            Vector256.WidenUpper(zeroed).StoreUnsafe(ref widened, (nuint)((c * Group) + 4));
            _finiteLanes[c] = finiteLanes;
            nonFinite |= ~finiteLanes & validLanes;
        }

        for (var j = 0; j < _tests.Length; j++)
        {
            // NaN (and the lanes past the block's end, NaN too) meets no test, as in the scalar definition.
            _thresholds[j] -= _tests[j].Meets(Unsafe.Add(ref values, _tests[j].Column));
        }

        OfferExtremes(ref record, Unsafe.Add(ref values, _focus), _finiteLanes[_focus], scenario);
        return nonFinite;
    }

    private Vector256<float> LoadTail(float[] column, int at, int valid)
    {
        Array.Fill(_tail, float.NaN);
        Array.Copy(column, at, _tail, 0, valid);
        return Vector256.Create<float>(_tail);
    }

    /// <summary>
    /// Adds the group's sketch slots to the counts lane by lane across the columns, not column by
    /// column: neighbouring scenarios often share a slot, and incrementing one count again right
    /// after itself would wait on the previous store each time.
    /// </summary>
    private void Count(long[] sketch)
    {
        ref var counts = ref MemoryMarshal.GetArrayDataReference(sketch);
        ref var slots = ref MemoryMarshal.GetArrayDataReference(_groupSlots);
        for (var lane = 0; lane < Group; lane++)
        {
            for (var c = 0; c < _outcomes; c++)
            {
                Unsafe.Add(ref counts, Unsafe.Add(ref slots, (c * Group) + lane))++;
            }
        }
    }

    /// <summary>
    /// Offers the group's finite focus values, in index order, that could enter a list: all of them
    /// until the lists are full, then those above the k-th best or below the k-th worst as they were
    /// at the group's start (the bounds only tighten, so a value skipped here would be refused by
    /// <see cref="Extremes.Offer"/>, which checks again with the bounds as they are).
    /// </summary>
    private void OfferExtremes(ref Record record, Vector256<float> x, uint finiteLanes, long scenario)
    {
        var k = _layout.Extremes;
        if (k == 0)
        {
            return;
        }

        var candidates = finiteLanes;
        if (record[_layout.BestScenario(k - 1)] >= 0 && record[_layout.WorstScenario(k - 1)] >= 0)
        {
            var best = Vector256.Create((float)record[_layout.BestValue(k - 1)]);
            var worst = Vector256.Create((float)record[_layout.WorstValue(k - 1)]);
            candidates &= (Vector256.GreaterThan(x, best) | Vector256.LessThan(x, worst)).ExtractMostSignificantBits();
        }

        while (candidates != 0)
        {
            var lane = BitOperations.TrailingZeroCount(candidates);
            Extremes.Offer(ref record, _layout, x.GetElement(lane), scenario + lane);
            candidates &= candidates - 1;
        }
    }

    /// <summary>Writes the record (all but the extremes, already in place) and leaves the effect scratch zeroed.</summary>
    private void Finish(float[][] columns, int local, long first, int count, int varying, Span<double> part)
    {
        var layout = _layout;
        part[PartialLayout.Count] = count;
        for (var c = 0; c < _outcomes; c++)
        {
            ref var column = ref _state[c];
            part[PartialLayout.Finite(c)] = Vector256.Sum(column.Finite);
            part[layout.Sum(c)] = _totals[c];
            var min = float.PositiveInfinity;
            var max = float.NegativeInfinity;
            for (var lane = 0; lane < Group; lane++)
            {
                var low = column.Min.GetElement(lane);
                var high = column.Max.GetElement(lane);
                min = low < min ? low : min;
                max = high > max ? high : max;
            }

            // ±0 compare equal: the scalar loop keeps the first zero of the block.
            if (min == 0f || max == 0f)
            {
                var zero = FirstZero(columns[c].AsSpan(local, count));
                min = min == 0f ? zero : min;
                max = max == 0f ? zero : max;
            }

            part[layout.Min(c)] = min;
            part[layout.Max(c)] = max;
        }

        for (var j = 0; j < _thresholds.Length; j++)
        {
            part[layout.Threshold(j)] = Vector256.Sum(_thresholds[j]);
        }

        if (layout.AxisValues == 0)
        {
            return;
        }

        part.Slice(layout.EffectCount(0), layout.EffectCount(layout.AxisValues) - layout.EffectCount(0)).Clear();
        var mask = 0;
        for (var k = 0; k < varying; k++)
        {
            var a = _varying[k];
            mask |= 1 << a;
            var stride = _axisStrides[a];
            var runs = ((first + count - 1) / stride) - (first / stride) + 1;
            var position = GridPosition.Of(first, stride, _axisCounts[a]);
            for (var n = 0; n < Math.Min(runs, _axisCounts[a]); n++)
            {
                var v = _axisOffsets[a] + ((position + n) % _axisCounts[a]);
                var scenarios = _effectCounts[v];
                part[layout.EffectCount(v)] = scenarios;
                for (var c = 0; c < _outcomes; c++)
                {
                    part[layout.EffectSum(v, c)] = _effects[(v * _width) + c];
                    part[layout.EffectFinite(v, c)] = scenarios - _nonFinite[(v * _outcomes) + c];
                }

                _effectCounts[v] = 0;
                _effects.AsSpan(v * _width, _width).Clear();
                _nonFinite.AsSpan(v * _outcomes, _outcomes).Clear();
            }
        }

        for (var a = 0; a < _axisCounts.Length; a++)
        {
            if ((mask & (1 << a)) != 0)
            {
                continue;
            }

            var v = _axisOffsets[a] + (int)(first / _axisStrides[a] % _axisCounts[a]);
            part[layout.EffectCount(v)] = count;
            for (var c = 0; c < _outcomes; c++)
            {
                part[layout.EffectSum(v, c)] = part[layout.Sum(c)];
                part[layout.EffectFinite(v, c)] = part[PartialLayout.Finite(c)];
            }
        }
    }

    private static float FirstZero(ReadOnlySpan<float> column)
    {
        foreach (var value in column)
        {
            if (value == 0f)
            {
                return value;
            }
        }

        throw new InvalidOperationException("The column's least or greatest value is zero but it holds no zero.");
    }

    /// <summary>A column's per-lane accumulators over a block.</summary>
    private struct ColumnState
    {
        public Vector256<int> Finite;
        public Vector256<float> Min;
        public Vector256<float> Max;
    }

    /// <summary>A block's record inside the chunk's partials, for <see cref="Extremes"/>.</summary>
    private readonly struct Record(double[] partials, int offset) : IPartialRecord
    {
        public double this[int slot]
        {
            [MethodImpl(MethodImplOptions.AggressiveInlining)]
            get => partials[offset + slot];
            [MethodImpl(MethodImplOptions.AggressiveInlining)]
            set => partials[offset + slot] = value;
        }
    }
}
