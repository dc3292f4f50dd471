using ComputeGap.Core.Model;
using ComputeGap.Sweep.Spec;

namespace ComputeGap.Engine.Running;

/// <summary>
/// A sweep in the flat form every backend reads: fixed parameter slots, the axes as parallel
/// arrays (never the grid), the model shape and the outcome columns.
/// </summary>
public sealed class SweepPlan
{
    public SweepPlan(SweepSpec spec)
    {
        Spec = spec;
        Shape = new ModelShape(spec.HorizonMonths, spec.Regions.Count, spec.Focus, spec.RivalA, spec.RivalB);
        FixedSlots = spec.FixedSlots.Select(v => (float)v).ToArray();

        var axes = spec.Axes.Count;
        AxisSlots = new int[axes];
        AxisCounts = new int[axes];
        AxisStrides = new long[axes];
        AxisOffsets = new int[axes];
        var values = new List<float>();
        for (var a = 0; a < axes; a++)
        {
            AxisSlots[a] = spec.Axes[a].Slot;
            AxisCounts[a] = spec.Axes[a].Values.Count;
            AxisStrides[a] = spec.Stride(a);
            AxisOffsets[a] = values.Count;
            values.AddRange(spec.Axes[a].Values.Select(v => (float)v));
        }

        AxisValues = [.. values];
        AxisFactorSlots = AxisSlots.Select(GrowthFactors.FactorSlot).ToArray();
        AxisFactors = new float[AxisValues.Length];
        for (var a = 0; a < axes; a++)
        {
            for (var p = 0; p < AxisCounts[a] && AxisFactorSlots[a] >= 0; p++)
            {
                AxisFactors[AxisOffsets[a] + p] = GrowthFactors.Monthly(AxisValues[AxisOffsets[a] + p]);
            }
        }

        FixedFactors = new float[ModelSlots.Count];
        foreach (var (param, factor) in GrowthFactors.Pairs())
        {
            FixedFactors[factor] = GrowthFactors.Monthly(FixedSlots[param]);
        }
        OutcomeNames = OutcomeColumns.Names(spec.Regions);
    }

    /// <summary>The validated sweep this plan was made from.</summary>
    public SweepSpec Spec { get; }

    public ModelShape Shape { get; }

    /// <summary>Parameter values before axes apply, as float32 (the kernels' precision).</summary>
    public float[] FixedSlots { get; }

    public int[] AxisSlots { get; }

    public int[] AxisCounts { get; }

    public long[] AxisStrides { get; }

    public int[] AxisOffsets { get; }

    /// <summary>Every axis's values, concatenated, as float32.</summary>
    public float[] AxisValues { get; }

    /// <summary>Per axis, the slot of its growth rate's monthly factor (<see cref="GrowthFactors"/>), or −1.</summary>
    public int[] AxisFactorSlots { get; }

    /// <summary>Parallel to <see cref="AxisValues"/>: each growth-rate value's monthly factor (0 for other axes).</summary>
    public float[] AxisFactors { get; }

    /// <summary>The monthly factors of the fixed growth rates, at their factor slots (other slots 0).</summary>
    public float[] FixedFactors { get; }

    public IReadOnlyList<string> OutcomeNames { get; }

    public int OutcomeCount => OutcomeNames.Count;

    public long ScenarioCount => Spec.ScenarioCount;

    /// <summary>The value axis <paramref name="axis"/> takes in scenario <paramref name="scenario"/>.</summary>
    public float AxisValue(int axis, long scenario) =>
        AxisValues[AxisOffsets[axis] + GridPosition.Of(scenario, AxisStrides[axis], AxisCounts[axis])];
}
