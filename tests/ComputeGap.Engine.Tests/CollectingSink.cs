using ComputeGap.Engine.Running;

namespace ComputeGap.Engine.Tests;

/// <summary>Keeps every chunk's outcomes (and series) in whole-run arrays, checking chunks arrive in order.</summary>
public sealed class CollectingSink(int outcomeCount, long total) : IChunkSink
{
    private long _next;

    public float[][] Outcomes { get; } = [.. Enumerable.Range(0, outcomeCount).Select(_ => new float[total])];

    public List<float> Series { get; } = [];

    public int Chunks { get; private set; }

    public Task WriteAsync(SweepPlan plan, ChunkBuffers chunk, CancellationToken cancellationToken)
    {
        Assert.Equal(_next, chunk.First);
        for (var c = 0; c < Outcomes.Length; c++)
        {
            Array.Copy(chunk.Outcomes[c], 0, Outcomes[c], chunk.First, chunk.Count);
        }

        if (chunk.Series is { } series)
        {
            Series.AddRange(series.AsSpan(0, chunk.Count * plan.SeriesPerScenario).ToArray());
        }

        _next += chunk.Count;
        Chunks++;
        return Task.CompletedTask;
    }

    public static async Task<CollectingSink> RunAsync(SweepPlan plan, Backends.ISweepBackend backend, int chunkSize, bool series = false)
    {
        var sink = new CollectingSink(plan.OutcomeCount, plan.ScenarioCount);
        await SweepRunner.RunAsync(plan, backend, sink, new SweepOptions(ChunkSize: chunkSize, Series: series));
        return sink;
    }
}
