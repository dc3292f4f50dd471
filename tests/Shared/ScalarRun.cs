using ComputeGap.Core.Lanes;
using ComputeGap.Core.Model;
using ComputeGap.Core.Models;

namespace ComputeGap.Tests.Shared;

/// <summary>Runs a production model (Core) on one scenario with <see cref="ScalarLane"/>, on the CPU.</summary>
public static class ScalarRun
{
    /// <summary>Most series values a month the recorder keeps (series columns and diagnostics).</summary>
    public const int MaxSeries = 64;

    /// <param name="Outcomes">Outcome columns in the model's order.</param>
    /// <param name="Series">Every value the model reported each month, [month, index].</param>
    public sealed record Result(float[] Outcomes, float[,] Series)
    {
        /// <summary>The regions' shares each month (model v1's only series; every model's first series column).</summary>
        public float[,] Shares => Series;
    }

    /// <summary>Model v1 on <paramref name="slots"/>.</summary>
    public static Result Run(IReadOnlyList<double> slots, ModelShape shape) => Run<ModelV1>(slots, shape);

    /// <summary><typeparamref name="TModel"/> on <paramref name="slots"/> (its parameter slots; derived slots are left to the model).</summary>
    public static Result Run<TModel>(IReadOnlyList<double> slots, ModelShape shape)
        where TModel : struct, IModel
    {
        var store = new ArrayStore(new float[TModel.SlotCount]);
        for (var i = 0; i < TModel.ParamSlotCount; i++)
        {
            store.Memory[i] = (float)slots[i];
        }

        var series = new Recorder(new float[shape.Months, MaxSeries]);
        TModel.Run<ScalarLane, bool, ArrayStore, Recorder>(store, shape, ref series);
        var outcomes = new float[TModel.OutcomeCount(shape.Regions)];
        for (var c = 0; c < outcomes.Length; c++)
        {
            outcomes[c] = store.Memory[TModel.OutcomeSlot(c, shape.Regions)];
        }

        return new Result(outcomes, series.Values);
    }

    private readonly struct ArrayStore(float[] memory) : ILaneStore<ScalarLane>
    {
        public readonly float[] Memory = memory;

        public static bool HasDerivedSlots => false;

        public ScalarLane this[int slot]
        {
            get => new(Memory[slot]);
            set => Memory[slot] = value.Value;
        }

        public ScalarLane this[int region, int slot]
        {
            get => new(Memory[slot + region]);
            set => Memory[slot + region] = value.Value;
        }
    }

    private readonly struct Recorder(float[,] values) : IMonthObserver<ScalarLane>
    {
        public readonly float[,] Values = values;

        public bool Enabled => true;

        public void Record(int month, int index, ScalarLane value)
        {
            if (index < MaxSeries)
            {
                Values[month, index] = value.Value;
            }
        }
    }
}
