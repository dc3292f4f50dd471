using ComputeGap.Core.Model;

namespace ComputeGap.Core.Reduction;

/// <summary>
/// Reduces one block of scenarios for one outcome column into the block's partial record and the
/// sketch counts. The same code runs on the CPU (a loop over columns per block) and in the ILGPU
/// reduction kernel (one thread per block and column). Each call writes only its column's slots
/// (column 0 also the scenario counts), so calls for different columns never collide, and it adds
/// values in scenario-index order, so a block's partials never depend on who computed them.
/// </summary>
public static class BlockReducer
{
    /// <summary>Resets a block's partial record to the identity of every reduction.</summary>
    public static void Clear<TPart>(ref TPart part, in PartialLayout layout, int column)
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
    }

    /// <summary>
    /// Adds scenarios <c>[first, first + count)</c>, held at chunk positions <c>[local, local + count)</c>,
    /// for outcome <paramref name="column"/>. Thresholds and extremes are kept by the call for the
    /// column they read.
    /// </summary>
    public static void Reduce<TSource, TAxes, TPart, TSketch>(
        in TSource source, in TAxes axes, ref TPart part, ref TSketch sketch, in PartialLayout layout,
        int column, int regions, int focus, long first, int local, int count)
        where TSource : struct, IOutcomeSource
        where TAxes : struct, IAxisSource
        where TPart : struct, IPartialRecord
        where TSketch : struct, ISketchCounts
    {
        var useEffects = layout.AxisValues > 0;
        var finite = part[PartialLayout.Finite(column)];
        var sum = part[layout.Sum(column)];
        var min = part[layout.Min(column)];
        var max = part[layout.Max(column)];
        var isFocus = column == focus;
        for (var i = 0; i < count; i++)
        {
            var scenario = first + i;
            var value = source.Get(column, local + i);
            var isFinite = value - value == 0f;
            if (column == 0)
            {
                part[PartialLayout.Count] = part[PartialLayout.Count] + 1;
            }

            if (useEffects)
            {
                for (var a = 0; a < axes.AxisCount; a++)
                {
                    var v = axes.ValueIndex(a, scenario);
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
            }

            for (var j = 0; j < Thresholds.Count; j++)
            {
                if (Thresholds.Column(j, regions, focus) == column && value < Thresholds.Bound(j))
                {
                    part[layout.Threshold(j)] = part[layout.Threshold(j)] + 1;
                }
            }

            if (!isFinite)
            {
                continue;
            }

            finite += 1;
            sum += value;
            min = value < min ? value : min;
            max = value > max ? value : max;
            sketch.Increment(column, QuantileSketch.Slot(value));
            if (isFocus)
            {
                Extremes.Offer(ref part, layout, value, scenario);
            }
        }

        part[PartialLayout.Finite(column)] = finite;
        part[layout.Sum(column)] = sum;
        part[layout.Min(column)] = min;
        part[layout.Max(column)] = max;
    }

    /// <summary>Clears the thresholds and extremes a column owns (call with <see cref="Clear"/>).</summary>
    public static void ClearOwned<TPart>(ref TPart part, in PartialLayout layout, int column, int regions, int focus)
        where TPart : struct, IPartialRecord
    {
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

}
