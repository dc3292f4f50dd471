namespace ComputeGap.Engine.Running;

/// <summary>Consumes computed chunks in scenario order (writes rows, reduces, or collects for tests).</summary>
public interface IChunkSink
{
    /// <summary>Takes one chunk; the buffers are reused once this completes.</summary>
    Task WriteAsync(SweepPlan plan, ChunkBuffers chunk, CancellationToken cancellationToken);
}
