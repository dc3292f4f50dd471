using ComputeGap.Core.Models;

namespace ComputeGap.Core.Reduction;

/// <summary>
/// Reduces a block of scenarios, one outcome column at a time, into the block's partial record and
/// the sketch counts: the definition of a block's partials. The GPU runs it one thread per block and
/// column; the CPU computes the same bits with all columns at once in vector lanes
/// (<c>CpuBlockReducer</c> in the engine, tested against this code bit for bit). Each column's values
/// are added in scenario-index order, so a block's partials have the same bits whoever computed
/// them; calls for different columns write different slots (column 0 also the scenario counts).
/// </summary>
public static class BlockReducer
{
    /// <summary>Most axes that get main effects (the cursor needs two scratch slots per axis).</summary>
    public const int MaxAxes = 32;

    /// <summary>Resets what <paramref name="column"/> owns to the identity of every reduction.</summary>
    public static void Clear<TPart, TThresholds>(ref TPart part, in PartialLayout layout, int column, in KeyColumns keys, in TThresholds thresholds)
        where TPart : struct, IPartialRecord
        where TThresholds : struct, IThresholdSource
    {
        if (column == 0)
        {
            part[PartialLayout.Count] = 0;
            for (var v = 0; v < layout.AxisValues; v++)
            {
                part[layout.EffectCount(v)] = 0;
            }
        }

        part[PartialLayout.Finite(column)] = 0;
        part[layout.Sum(column)] = 0;
        part[layout.Min(column)] = double.PositiveInfinity;
        part[layout.Max(column)] = double.NegativeInfinity;
        for (var v = 0; v < layout.AxisValues; v++)
        {
            part[layout.EffectSum(v, column)] = 0;
            part[layout.EffectFinite(v, column)] = 0;
        }

        for (var j = 0; j < thresholds.Count; j++)
        {
            if (thresholds.Get(j).Column == column)
            {
                part[layout.Threshold(j)] = 0;
            }
        }

        if (column == keys.FocusShare)
        {
            Extremes.Clear(ref part, layout);
        }
    }

    /// <summary>One column of scenarios <c>[first, first + count)</c>, held at chunk positions from <paramref name="local"/>.</summary>
    public static void ReduceColumn<TSource, TAxes, TCursor, TPart, TSketch, TThresholds>(
        in TSource source, in TAxes axes, ref TCursor cursor, ref TPart part, ref TSketch sketch, in PartialLayout layout,
        int column, in KeyColumns keys, in TThresholds thresholds, long first, int local, int count)
        where TSource : struct, IOutcomeSource
        where TAxes : struct, IAxisSource
        where TCursor : struct, IAxisCursor
        where TPart : struct, IPartialRecord
        where TSketch : struct, ISketchCounts
        where TThresholds : struct, IThresholdSource
    {
        Clear(ref part, layout, column, keys, thresholds);
        cursor.Start(first);
        var varying = VaryingAxes(axes, first, count);
        var totals = new ColumnTotals { Min = double.PositiveInfinity, Max = double.NegativeInfinity };
        var tested = Tests(thresholds, column);
        for (var i = 0; i < count; i++)
        {
            Add(axes, ref cursor, varying, ref part, ref sketch, ref totals, layout, column, keys, thresholds, tested, source.Get(column, local + i), first + i);
            cursor.Advance();
        }

        if (column == 0)
        {
            part[PartialLayout.Count] = count;
        }

        part[PartialLayout.Finite(column)] = totals.Finite;
        part[layout.Sum(column)] = totals.Sum;
        part[layout.Min(column)] = totals.Min;
        part[layout.Max(column)] = totals.Max;
        CopyConstantAxes(axes, ref cursor, varying, ref part, layout, column, first);
    }

    /// <summary>
    /// Bit a is set when axis a takes more than one value over the block. An axis that keeps one value
    /// (its stride spans the whole block) needs no per-scenario work: its main-effect sums receive the
    /// same values in the same order as the column's block sum, so they equal it bit for bit.
    /// </summary>
    private static int VaryingAxes<TAxes>(in TAxes axes, long first, int count)
        where TAxes : struct, IAxisSource
    {
        var mask = 0;
        for (var a = 0; a < axes.AxisCount; a++)
        {
            if (Varies(axes.Stride(a), first, count))
            {
                mask |= 1 << a;
            }
        }

        return mask;
    }

    /// <summary>True when some threshold test reads <paramref name="column"/> (most columns have none: their values skip the tests).</summary>
    private static bool Tests<TThresholds>(in TThresholds thresholds, int column)
        where TThresholds : struct, IThresholdSource
    {
        for (var j = 0; j < thresholds.Count; j++)
        {
            if (thresholds.Get(j).Column == column)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether an axis of stride <paramref name="stride"/> takes more than one value over scenarios
    /// <c>[first, first + count)</c>. Every reducer decides this the same way: an axis that does not
    /// vary takes its main effects from the block totals, which must give the same bits everywhere.
    /// </summary>
    public static bool Varies(long stride, long first, int count) =>
        count > 0 && first / stride != (first + count - 1) / stride;

    /// <summary>Sets the main effects of the axes that keep one value over the block from the column's block totals.</summary>
    private static void CopyConstantAxes<TAxes, TCursor, TPart>(in TAxes axes, ref TCursor cursor, int varying, ref TPart part, in PartialLayout layout, int column, long first)
        where TAxes : struct, IAxisSource
        where TCursor : struct, IAxisCursor
        where TPart : struct, IPartialRecord
    {
        cursor.Start(first);
        for (var a = 0; a < axes.AxisCount; a++)
        {
            if ((varying & (1 << a)) != 0)
            {
                continue;
            }

            var v = cursor.ValueIndex(a);
            if (column == 0)
            {
                part[layout.EffectCount(v)] = part[PartialLayout.Count];
            }

            part[layout.EffectSum(v, column)] = part[layout.Sum(column)];
            part[layout.EffectFinite(v, column)] = part[PartialLayout.Finite(column)];
        }
    }

    /// <summary>Adds one scenario's value of one column.</summary>
    private static void Add<TAxes, TCursor, TPart, TSketch, TThresholds>(
        in TAxes axes, ref TCursor cursor, int varying, ref TPart part, ref TSketch sketch, ref ColumnTotals totals, in PartialLayout layout,
        int column, in KeyColumns keys, in TThresholds thresholds, bool tested, float value, long scenario)
        where TAxes : struct, IAxisSource
        where TCursor : struct, IAxisCursor
        where TPart : struct, IPartialRecord
        where TSketch : struct, ISketchCounts
        where TThresholds : struct, IThresholdSource
    {
        var isFinite = value - value == 0f;
        for (var a = 0; a < axes.AxisCount; a++)
        {
            if ((varying & (1 << a)) == 0)
            {
                continue;
            }

            var v = cursor.ValueIndex(a);
            if (column == 0)
            {
                part[layout.EffectCount(v)] = part[layout.EffectCount(v)] + 1;
            }

            if (isFinite)
            {
                part[layout.EffectSum(v, column)] = part[layout.EffectSum(v, column)] + value;
                part[layout.EffectFinite(v, column)] = part[layout.EffectFinite(v, column)] + 1;
            }
        }

        for (var j = 0; tested && j < thresholds.Count; j++)
        {
            var test = thresholds.Get(j);
            if (test.Column == column && test.Holds(value))
            {
                part[layout.Threshold(j)] = part[layout.Threshold(j)] + 1;
            }
        }

        if (!isFinite)
        {
            return;
        }

        totals.Finite += 1;
        totals.Sum += value;
        totals.Min = value < totals.Min ? value : totals.Min;
        totals.Max = value > totals.Max ? value : totals.Max;
        sketch.Increment(column, QuantileSketch.Slot(value));
        if (column == keys.FocusShare)
        {
            Extremes.Offer(ref part, layout, value, scenario);
        }
    }
}

/// <summary>A column's running totals over a block, kept in registers rather than the record.</summary>
internal struct ColumnTotals
{
    public double Finite;
    public double Sum;
    public double Min;
    public double Max;
}
