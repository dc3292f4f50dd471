using ComputeGap.Engine.Running;

namespace ComputeGap.Engine.Backends;

/// <summary>Computes chunks of a sweep. One instance serves one sweep on one device.</summary>
public interface ISweepBackend : IDisposable
{
    /// <summary>Backend name as the CLI spells it: cpu, ilgpu-cpu, cuda.</summary>
    string Name { get; }

    /// <summary>The device it runs on, for humans and the Parquet metadata.</summary>
    string Device { get; }

    /// <summary>Computes scenarios <c>[first, first + count)</c> of <paramref name="plan"/> into <paramref name="buffers"/>.</summary>
    void Compute(SweepPlan plan, long first, int count, ChunkBuffers buffers);

    /// <summary>
    /// Computes scenarios <c>[first, first + count)</c> and reduces them to block partials and sketch
    /// counts in <paramref name="target"/>; <paramref name="first"/> is a multiple of the block size.
    /// Per-scenario outcomes stay where they were computed (on the device for GPU backends).
    /// </summary>
    void ComputeAggregate(SweepPlan plan, long first, int count, AggregateBuffers target);
}
