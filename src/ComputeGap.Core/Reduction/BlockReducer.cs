using ComputeGap.Core.Models;

namespace ComputeGap.Core.Reduction;

/// <summary>
/// The scalar driver of the block statistics: reduces a block of scenarios, one outcome column at a
/// time, by each statistic's scalar form (<see cref="Moments"/>, <see cref="MainEffects"/>,
/// <see cref="ThresholdCounts"/>, <see cref="SketchCounts"/>, <see cref="Extremes"/>) into the block's
/// partial record and the sketch counts. The GPU runs it one thread per block and column; the CPU's
/// driver (<c>CpuBlockReducer</c> in the engine) runs the statistics' vector forms on all columns at
/// once and is tested against this one bit for bit. Each column's values are added in scenario-index
/// order, so a block's partials have the same bits whoever computed them; calls for different columns
/// write different slots (column 0 also the scenario counts).
/// </summary>
public static class BlockReducer
{
    /// <summary>Resets what <paramref name="column"/> owns to each statistic's identity.</summary>
    public static void Clear<TPart, TThresholds>(ref TPart part, in PartialLayout layout, int column, in KeyColumns keys, in TThresholds thresholds)
        where TPart : struct, IPartialRecord
        where TThresholds : struct, IThresholdSource
    {
        if (column == 0)
        {
            part[PartialLayout.Count] = 0;
        }

        Moments.Identity.Write(ref part, layout, column);
        MainEffects.Clear(ref part, layout, column);
        ThresholdCounts.Clear(ref part, layout, thresholds, column);
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
        var varying = MainEffects.VaryingAxes(axes, first, count);
        var moments = Moments.Identity;
        var tested = ThresholdCounts.Reads(thresholds, column);
        var focus = column == keys.FocusShare;
        for (var i = 0; i < count; i++)
        {
            var value = source.Get(column, local + i);
            MainEffects.Add(axes, ref cursor, varying, ref part, layout, column, value);
            if (tested)
            {
                ThresholdCounts.Add(ref part, layout, thresholds, column, value);
            }

            moments.Add(value);
            SketchCounts.Add(ref sketch, column, value);
            if (focus && Moments.IsFinite(value))
            {
                Extremes.Offer(ref part, layout, value, first + i);
            }

            cursor.Advance();
        }

        if (column == 0)
        {
            part[PartialLayout.Count] = count;
        }

        moments.Write(ref part, layout, column);
        MainEffects.CopyConstantAxes(axes, ref cursor, varying, ref part, layout, column, first);
    }
}
