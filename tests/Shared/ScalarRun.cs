using ComputeGap.Core.Lanes;
using ComputeGap.Core.Model;
using ComputeGap.Core.Parameters;

namespace ComputeGap.Tests.Shared;

/// <summary>Runs the production model (Core) on one scenario with <see cref="ScalarLane"/>, on the CPU.</summary>
public static class ScalarRun
{
    public sealed record Result(float[] Outcomes, float[,] Shares);

    public static Result Run(IReadOnlyList<double> slots, ModelShape shape)
    {
        var store = new ArrayStore(new float[ModelSlots.Count]);
        for (var i = 0; i < ParamSlots.Count; i++)
        {
            store.Memory[i] = (float)slots[i];
        }

        var series = new Recorder(new float[shape.Months, shape.Regions]);
        CapacityModel.Run<ScalarLane, bool, ArrayStore, Recorder>(store, shape, ref series);
        var outcomes = new float[OutcomeColumns.Count(shape.Regions)];
        for (var c = 0; c < outcomes.Length; c++)
        {
            outcomes[c] = store.Memory[OutcomeColumns.Slot(c, shape.Regions)];
        }

        return new Result(outcomes, series.Shares);
    }

    private readonly struct ArrayStore(float[] memory) : ILaneStore<ScalarLane>
    {
        public readonly float[] Memory = memory;

        public static bool HasGrowthFactors => false;

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

    private readonly struct Recorder(float[,] shares) : IMonthObserver<ScalarLane>
    {
        public readonly float[,] Shares = shares;

        public bool Enabled => true;

        public void Share(int month, int region, ScalarLane share) => Shares[month, region] = share.Value;
    }
}
