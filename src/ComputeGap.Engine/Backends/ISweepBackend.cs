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
}
