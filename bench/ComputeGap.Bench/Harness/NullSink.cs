using ComputeGap.Engine.Running;

namespace ComputeGap.Bench.Harness;

/// <summary>Discards every chunk, so a run through <see cref="SweepRunner"/> times computation alone.</summary>
internal sealed class NullSink : IChunkSink
{
    public static NullSink Instance { get; } = new();

    public Task WriteAsync(SweepPlan plan, ChunkBuffers chunk, CancellationToken cancellationToken) => Task.CompletedTask;
}
