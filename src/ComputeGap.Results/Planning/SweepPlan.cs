using ComputeGap.Core.Designs;
using ComputeGap.Core.Model;
using ComputeGap.Core.Models;
using ComputeGap.Sweep.Spec;

namespace ComputeGap.Engine.Running;

/// <summary>
/// A sweep in the flat form every backend reads: the model, fixed parameter slots, the axes as
/// parallel arrays (never the grid), the model shape and the outcome columns.
/// </summary>
public sealed class SweepPlan
{
    public SweepPlan(SweepSpec spec)
    {
        Spec = spec;
        Model = spec.Model;
        Shape = new ModelShape(spec.HorizonMonths, spec.Regions.Count, spec.Focus, spec.RivalA, spec.RivalB);
        FixedSlots = spec.FixedSlots.Select(v => (float)v).ToArray();

        var axes = spec.Axes.Count;
        AxisSlots = new int[axes];
        AxisCounts = new int[axes];
        AxisStrides = new long[axes];
        AxisOffsets = new int[axes];
        var values = new List<float>();
        var written = new List<double>();
        for (var a = 0; a < axes; a++)
        {
            var axis = spec.Axes[a];
            AxisSlots[a] = axis.Slot;
            AxisCounts[a] = axis.Values.Count;
            AxisStrides[a] = spec.Stride(a);
            AxisOffsets[a] = values.Count;
            values.AddRange(axis.Values.Select(v => (float)v));
            written.AddRange(Enumerable.Range(0, axis.Values.Count).Select(axis.Written));
        }

        AxisValues = [.. values];
        AxisWritten = [.. written];
        AxisFactorSlots = new int[axes];
        AxisFactors = new float[AxisValues.Length];
        for (var a = 0; a < axes; a++)
        {
            var derived = Model.DerivedFrom(AxisSlots[a]);
            AxisFactorSlots[a] = derived?.Slot ?? -1;
            for (var p = 0; p < AxisCounts[a] && derived is { } d; p++)
            {
                AxisFactors[AxisOffsets[a] + p] = Transforms.Apply(d.Transform, AxisValues[AxisOffsets[a] + p]);
            }
        }

        Design = spec.Design;
        var uncertain = spec.Uncertain.Count;
        DesignFactorSlots = new int[uncertain];
        DesignTransforms = new Transform[uncertain];
        for (var k = 0; k < uncertain; k++)
        {
            var derived = Model.DerivedFrom(spec.Uncertain[k].Slot);
            DesignFactorSlots[k] = derived?.Slot ?? -1;
            DesignTransforms[k] = derived?.Transform ?? default;
        }

        FixedFactors = new float[Model.SlotCount];
        foreach (var derived in Model.DerivedSlots)
        {
            FixedFactors[derived.Slot] = Transforms.Apply(derived.Transform, FixedSlots[derived.Param]);
        }

        Outcomes = Model.Outcomes(spec.Regions);
        OutcomeNames = [.. Outcomes.Select(o => o.Name)];
        Keys = Model.Keys(spec.Regions.Count, spec.Focus);
        Thresholds = RunThresholds.For(spec, OutcomeNames, Keys);
        SeriesWidth = Model.SeriesWidth(spec.Regions.Count);
    }

    /// <summary>The validated sweep this plan was made from.</summary>
    public SweepSpec Spec { get; }

    /// <summary>The threshold tests aggregate mode counts exactly (<see cref="RunThresholds"/>).</summary>
    public Core.Reduction.ThresholdTest[] Thresholds { get; }

    /// <summary>The model every scenario runs.</summary>
    public ModelDescriptor Model { get; }

    public ModelShape Shape { get; }

    /// <summary>Parameter values before axes apply, as float32 (the kernels' precision).</summary>
    public float[] FixedSlots { get; }

    public int[] AxisSlots { get; }

    public int[] AxisCounts { get; }

    public long[] AxisStrides { get; }

    public int[] AxisOffsets { get; }

    /// <summary>Every axis's values, concatenated, as float32: what the model computes with.</summary>
    public float[] AxisValues { get; }

    /// <summary>Parallel to <see cref="AxisValues"/>: each value as the sweep file writes it (<see cref="SweepAxis.Written"/>), for the row files.</summary>
    public double[] AxisWritten { get; }

    /// <summary>Per axis, the slot of the constant derived from its parameter (<see cref="DerivedSlot"/>), or −1.</summary>
    public int[] AxisFactorSlots { get; }

    /// <summary>Parallel to <see cref="AxisValues"/>: each value's derived constant (0 for axes without one).</summary>
    public float[] AxisFactors { get; }

    /// <summary>The sampled design, or null for a grid (then the axes are the whole design).</summary>
    public SampledDesign? Design { get; }

    /// <summary>Per uncertain parameter, the slot of the constant derived from it, or −1.</summary>
    public int[] DesignFactorSlots { get; }

    /// <summary>Per uncertain parameter, the function of its derived slot (when it has one).</summary>
    public Transform[] DesignTransforms { get; }

    /// <summary>Evaluations per lever combination (1 for a grid).</summary>
    public long Evaluations => Spec.Evaluations;

    /// <summary>The derived constants of the fixed parameters, at their derived slots (other slots 0).</summary>
    public float[] FixedFactors { get; }

    /// <summary>The outcome columns with their kinds.</summary>
    public IReadOnlyList<OutcomeInfo> Outcomes { get; }

    public IReadOnlyList<string> OutcomeNames { get; }

    public int OutcomeCount => OutcomeNames.Count;

    /// <summary>The columns the reductions single out (focus share, coverage, rival ratio).</summary>
    public KeyColumns Keys { get; }

    /// <summary>Series values the model reports each month.</summary>
    public int SeriesWidth { get; }

    /// <summary>Series values per scenario over the whole horizon.</summary>
    public int SeriesPerScenario => Shape.Months * SeriesWidth;

    public long ScenarioCount => Spec.ScenarioCount;

    /// <summary>The design as host code decodes it (<see cref="ScenarioDesign"/>, as the kernels do).</summary>
    public HostScenarioDesign Decoder => new(this);

    /// <summary>The value axis <paramref name="axis"/> takes in scenario <paramref name="scenario"/>.</summary>
    public float AxisValue(int axis, long scenario) => ScenarioDesign.AxisValue(Decoder, axis, scenario);
}
