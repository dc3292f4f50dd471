using ComputeGap.Core.Lanes;
using ComputeGap.Core.Model;

namespace ComputeGap.Core.Models;

/// <summary>
/// One scenario of a model run on the host in float32 (<see cref="ScalarLane"/>, the lane the GPU
/// kernels use), with every value it reports each month kept: the fitting, hindcast and lever
/// commands (and the tests) need one scenario at a time and all of its months, not a sweep's reductions.
/// </summary>
public static class SingleRun
{
    /// <summary>Runs <paramref name="model"/> on <paramref name="slots"/> (its parameter slots) for <paramref name="shape"/>.</summary>
    public static RunResult Run(ModelDescriptor model, IReadOnlyList<double> slots, ModelShape shape) =>
        model.Accept(new Runner(slots, shape));

    /// <summary>Runs <typeparamref name="TModel"/> on <paramref name="slots"/> (its parameter slots; derived slots are left to the model).</summary>
    public static RunResult Run<TModel>(IReadOnlyList<double> slots, ModelShape shape)
        where TModel : struct, IModel =>
        new Runner(slots, shape).Visit<TModel>();

    private sealed class Runner(IReadOnlyList<double> slots, ModelShape shape) : IModelVisitor<RunResult>
    {
        public RunResult Visit<TModel>()
            where TModel : struct, IModel
        {
            var store = new ArrayStore(new float[TModel.SlotCount]);
            for (var i = 0; i < TModel.ParamSlotCount; i++)
            {
                store.Memory[i] = (float)slots[i];
            }

            var recorder = new Recorder(new float[shape.Months, RunResult.MaxValues]);
            TModel.Run<ScalarLane, bool, ArrayStore, Recorder>(store, shape, ref recorder);
            var outcomes = new double[TModel.OutcomeCount(shape.Regions)];
            for (var c = 0; c < outcomes.Length; c++)
            {
                outcomes[c] = store.Memory[TModel.OutcomeSlot(c, shape.Regions)];
            }

            return new RunResult(outcomes, recorder.Values);
        }
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
            if (index < RunResult.MaxValues)
            {
                Values[month, index] = value.Value;
            }
        }
    }
}
