using System.Numerics;
using ComputeGap.Engine.Backends;
using ComputeGap.Engine.Running;

namespace ComputeGap.Bench.Reference;

/// <summary><see cref="SpecialisedModel"/> behind <see cref="ISweepBackend"/>, so the harness times it through the same runner as the real backends.</summary>
internal sealed class SpecialisedBackend(int maxThreads = 0) : ISweepBackend
{
    private SpecialisedModel? _model;
    private ChunkBuffers? _scratch;
    private readonly CpuReduction _reduction = new();

    public string Name => "reference";

    public string Device => $"CPU, {Environment.ProcessorCount} cores, Vector<float> x{Vector<float>.Count}, hand-specialised";

    public void Compute(SweepPlan plan, long first, int count, ChunkBuffers buffers)
    {
        if (!ReferenceEquals(_model?.Plan, plan))
        {
            _model = new SpecialisedModel(plan, maxThreads);
        }

        _model!.Compute(first, count, buffers);
    }

    /// <summary>The specialised model's rows reduced by the production reducer: the aggregate-mode limit.</summary>
    public void ComputeAggregate(SweepPlan plan, long first, int count, AggregateBuffers target)
    {
        if (_scratch is null || _scratch.Capacity < count)
        {
            _scratch = new ChunkBuffers(plan.OutcomeCount, count, 0);
        }

        _scratch.First = first;
        _scratch.Count = count;
        Compute(plan, first, count, _scratch);
        _reduction.Reduce(plan, _scratch, target, maxThreads > 0 ? maxThreads : Environment.ProcessorCount);
    }

    public void Dispose()
    {
    }
}
