using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using ComputeGap.Core.Designs;
using ComputeGap.Core.Models;
using ComputeGap.Core.Reduction;

namespace ComputeGap.Engine.Backends;

/// <summary>
/// The vector driver of the block statistics: the CPU's reduction of one block, all outcome columns
/// together, by each statistic's vector form. It gives the partial record and sketch counts that
/// <see cref="BlockReducer"/>, the scalar driver, produces column by column (and the GPU kernel thread
/// by thread), bit for bit, for any input. One instance per worker thread; it holds the scratch it reuses.
/// </summary>
/// <remarks>
/// <para>
/// Scenarios go in groups of eight, read from each column as one <see cref="Vector256{T}"/>. Per
/// column, in lanes: <see cref="Moments.Lanes"/> (finite counts, min/max) and the
/// <see cref="SketchCounts"/> slots; then <see cref="ThresholdCounts"/> and <see cref="Extremes.OfferLanes"/>.
/// Sketch counts are incremented lane by lane across the columns (neighbouring scenarios often share
/// a slot, and incrementing one count right after itself would wait on the previous store). The group
/// is then transposed to rows, one scenario's O values as doubles with a non-finite value replaced by
/// +0.0, and every sum takes the rows in scenario order (<see cref="RowSums"/>; a main-effect sum
/// stays in registers over a run of scenarios sharing its axis value, <see cref="MainEffects.AddRows{TWidth}"/>).
/// </para>
/// <para>
/// Why the results are the same bits: each vector form says why it gives its scalar form's bits.
/// Counts are integers (an axis value's finite counts are its scenarios less its non-finite values,
/// counted apart as they are rare). Axes that keep one value over the block take their main effects
/// from the block totals, as in the scalar driver.
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

    /// <summary>The axes with main effects (none when the layout keeps none).</summary>
    private readonly AxisArrays _axes;

    /// <summary>The scalar form's cursor, for the axes that keep one value over a block.</summary>
    private OdometerCursor<AxisArrays, ArrayCursorMemory> _cursor;

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
    private readonly Moments.Lanes[] _state;
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
        ArgumentOutOfRangeException.ThrowIfGreaterThan(axes, MainEffects.MaxAxes);
        _axes = new AxisArrays(axisCounts[..axes].ToArray(), axisStrides[..axes].ToArray(), axisOffsets[..axes].ToArray());
        _cursor = new OdometerCursor<AxisArrays, ArrayCursorMemory>(_axes, new ArrayCursorMemory(new long[2 * Math.Max(1, axes)]));
        for (var a = 0; a < axes; a++)
        {
            // Effect sums are written through unchecked references: every axis value must have its slots.
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(_axes.Count(a));
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(_axes.Stride(a));
            ArgumentOutOfRangeException.ThrowIfNegative(_axes.Offset(a));
            ArgumentOutOfRangeException.ThrowIfGreaterThan(_axes.Offset(a) + _axes.Count(a), layout.AxisValues);
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
        _state = new Moments.Lanes[_outcomes];
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
        var record = new RecordArray(partials, offset);
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

        Finish(columns, local, first, count, varying, ref record, partials.AsSpan(offset, _layout.Length));
        for (var c = 0; c < _outcomes; c++)
        {
            sketch[SketchCounts.ZeroSlot(c)] -= _misplaced[c];
        }
    }

    /// <summary>Resets the per-block accumulators (the effect scratch is left zeroed by <see cref="Finish"/>).</summary>
    private void Start()
    {
        Array.Clear(_totals);
        Array.Fill(_state, Moments.Lanes.Identity);
        Array.Clear(_thresholds);
        Array.Clear(_misplaced);
    }

    /// <summary>
    /// Fills the value table of each axis that takes more than one value over the block (the scalar
    /// form's <see cref="MainEffects.VaryingAxes"/>) and returns how many there are, listed in <c>_varying</c>.
    /// </summary>
    private int MapVaryingAxes(long first, int count)
    {
        var varying = 0;
        var mask = MainEffects.VaryingAxes(_axes, first, count);
        for (var a = 0; a < _axes.AxisCount; a++)
        {
            if ((mask & (1 << a)) == 0)
            {
                continue;
            }

            var stride = _axes.Stride(a);
            var table = _table.AsSpan(varying * BlockSize, count);
            var position = ScenarioDesign.Position(_axes, a, first);
            var left = stride - (first % stride);
            for (var i = 0; i < count;)
            {
                var run = (int)Math.Min(left, count - i);
                table.Slice(i, run).Fill(_axes.Offset(a) + position);
                i += run;
                left = stride;
                position = position + 1 == _axes.Count(a) ? 0 : position + 1;
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
    private uint Columns(float[][] columns, int at, long scenario, int valid, ref RecordArray record)
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
            var finite = Moments.Lanes.FiniteLanes(x);
            var finiteLanes = finite.ExtractMostSignificantBits();
            Unsafe.Add(ref state, c).Add(x, finite);
            // A non-finite lane (or one past the block's end) counts in the zero slot, taken back in Reduce.
            SketchCounts.Slots(x, finite, c).StoreUnsafe(ref slots, (nuint)(c * Group));
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

        ThresholdCounts.AddLanes(_tests, _values, _thresholds);
        Extremes.OfferLanes(ref record, _layout, Unsafe.Add(ref values, _focus), _finiteLanes[_focus], scenario);
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

    /// <summary>Writes the record (all but the extremes, already in place) and leaves the effect scratch zeroed.</summary>
    private void Finish(float[][] columns, int local, long first, int count, int varying, ref RecordArray record, Span<double> part)
    {
        var layout = _layout;
        part[PartialLayout.Count] = count;
        for (var c = 0; c < _outcomes; c++)
        {
            _state[c].Fold(_totals[c], columns[c].AsSpan(local, count)).Write(ref record, layout, c);
        }

        ThresholdCounts.Write(_thresholds, part, layout);
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
            var stride = _axes.Stride(a);
            var runs = ((first + count - 1) / stride) - (first / stride) + 1;
            var position = ScenarioDesign.Position(_axes, a, first);
            for (var n = 0; n < Math.Min(runs, _axes.Count(a)); n++)
            {
                var v = _axes.Offset(a) + ((position + n) % _axes.Count(a));
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

        // The axes that keep one value over the block take the block totals, by the scalar form itself.
        for (var c = 0; c < _outcomes; c++)
        {
            MainEffects.CopyConstantAxes(_axes, ref _cursor, mask, ref record, layout, c, first);
        }
    }
}
