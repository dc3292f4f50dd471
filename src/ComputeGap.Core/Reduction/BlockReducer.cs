namespace ComputeGap.Core.Reduction;

/// <summary>
/// Reduces a block of scenarios into the block's partial record and the sketch counts. One
/// per-value step (<see cref="Add"/>) serves two drivers: <see cref="ReduceBlock"/> (all columns,
/// scenario by scenario: the CPU) and <see cref="ReduceColumn"/> (one column: one GPU thread per
/// block and column). Either way each column's values are added in scenario-index order, so a
/// block's partials have the same bits whoever computed them; calls for different columns write
/// different slots (column 0 also the scenario counts).
/// </summary>
public static class BlockReducer
{
    /// <summary>Most axes that get main effects (the cursor needs two scratch slots per axis).</summary>
    public const int MaxAxes = 32;

    /// <summary>Resets what <paramref name="column"/> owns to the identity of every reduction.</summary>
    public static void Clear<TPart>(ref TPart part, in PartialLayout layout, int column, int regions, int focus)
        where TPart : struct, IPartialRecord
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

        for (var j = 0; j < Thresholds.Count; j++)
        {
            if (Thresholds.Column(j, regions, focus) == column)
            {
                part[layout.Threshold(j)] = 0;
            }
        }

        if (column == focus)
        {
            Extremes.Clear(ref part, layout);
        }
    }

    /// <summary>All columns of scenarios <c>[first, first + count)</c>, held at chunk positions from <paramref name="local"/>.</summary>
    public static void ReduceBlock<TSource, TAxes, TMemory, TPart, TSketch>(
        in TSource source, in TAxes axes, ref TMemory cursor, ref TPart part, ref TSketch sketch, in PartialLayout layout,
        int columns, int regions, int focus, long first, int local, int count)
        where TSource : struct, IOutcomeSource
        where TAxes : struct, IAxisSource
        where TMemory : struct, ICursorMemory
        where TPart : struct, IPartialRecord
        where TSketch : struct, ISketchCounts
    {
        for (var c = 0; c < columns; c++)
        {
            Clear(ref part, layout, c, regions, focus);
        }

        AxisCursor.Start(axes, ref cursor, first);
        var varying = VaryingAxes(axes, first, count);
        for (var i = 0; i < count; i++)
        {
            for (var c = 0; c < columns; c++)
            {
                Add(axes, cursor, varying, ref part, ref sketch, layout, c, regions, focus, source.Get(c, local + i), first + i);
            }

            AxisCursor.Advance(axes, ref cursor);
        }

        for (var c = 0; c < columns; c++)
        {
            CopyConstantAxes(axes, ref cursor, varying, ref part, layout, c, first);
        }
    }

    /// <summary>One column of scenarios <c>[first, first + count)</c>, held at chunk positions from <paramref name="local"/>.</summary>
    public static void ReduceColumn<TSource, TAxes, TMemory, TPart, TSketch>(
        in TSource source, in TAxes axes, ref TMemory cursor, ref TPart part, ref TSketch sketch, in PartialLayout layout,
        int column, int regions, int focus, long first, int local, int count)
        where TSource : struct, IOutcomeSource
        where TAxes : struct, IAxisSource
        where TMemory : struct, ICursorMemory
        where TPart : struct, IPartialRecord
        where TSketch : struct, ISketchCounts
    {
        Clear(ref part, layout, column, regions, focus);
        AxisCursor.Start(axes, ref cursor, first);
        var varying = VaryingAxes(axes, first, count);
        for (var i = 0; i < count; i++)
        {
            Add(axes, cursor, varying, ref part, ref sketch, layout, column, regions, focus, source.Get(column, local + i), first + i);
            AxisCursor.Advance(axes, ref cursor);
        }

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
            var stride = axes.Stride(a);
            if (count > 0 && first / stride != (first + count - 1) / stride)
            {
                mask |= 1 << a;
            }
        }

        return mask;
    }

    /// <summary>Sets the main effects of the axes that keep one value over the block from the column's block totals.</summary>
    private static void CopyConstantAxes<TAxes, TMemory, TPart>(in TAxes axes, ref TMemory cursor, int varying, ref TPart part, in PartialLayout layout, int column, long first)
        where TAxes : struct, IAxisSource
        where TMemory : struct, ICursorMemory
        where TPart : struct, IPartialRecord
    {
        AxisCursor.Start(axes, ref cursor, first);
        for (var a = 0; a < axes.AxisCount; a++)
        {
            if ((varying & (1 << a)) != 0)
            {
                continue;
            }

            var v = AxisCursor.ValueIndex(axes, cursor, a);
            if (column == 0)
            {
                part[layout.EffectCount(v)] = part[PartialLayout.Count];
            }

            part[layout.EffectSum(v, column)] = part[layout.Sum(column)];
            part[layout.EffectFinite(v, column)] = part[PartialLayout.Finite(column)];
        }
    }

    /// <summary>Adds one scenario's value of one column.</summary>
    private static void Add<TAxes, TMemory, TPart, TSketch>(
        in TAxes axes, in TMemory cursor, int varying, ref TPart part, ref TSketch sketch, in PartialLayout layout,
        int column, int regions, int focus, float value, long scenario)
        where TAxes : struct, IAxisSource
        where TMemory : struct, ICursorMemory
        where TPart : struct, IPartialRecord
        where TSketch : struct, ISketchCounts
    {
        var isFinite = value - value == 0f;
        if (column == 0)
        {
            part[PartialLayout.Count] = part[PartialLayout.Count] + 1;
        }

        for (var a = 0; a < axes.AxisCount; a++)
        {
            if ((varying & (1 << a)) == 0)
            {
                continue;
            }

            var v = AxisCursor.ValueIndex(axes, cursor, a);
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

        if (Thresholds.Reads(column, regions, focus))
        {
            for (var j = 0; j < Thresholds.Count; j++)
            {
                if (Thresholds.Column(j, regions, focus) == column && value < Thresholds.Bound(j))
                {
                    part[layout.Threshold(j)] = part[layout.Threshold(j)] + 1;
                }
            }
        }

        if (!isFinite)
        {
            return;
        }

        part[PartialLayout.Finite(column)] = part[PartialLayout.Finite(column)] + 1;
        part[layout.Sum(column)] = part[layout.Sum(column)] + value;
        part[layout.Min(column)] = value < part[layout.Min(column)] ? value : part[layout.Min(column)];
        part[layout.Max(column)] = value > part[layout.Max(column)] ? value : part[layout.Max(column)];
        sketch.Increment(column, QuantileSketch.Slot(value));
        if (column == focus)
        {
            Extremes.Offer(ref part, layout, value, scenario);
        }
    }
}
