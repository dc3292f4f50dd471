namespace ComputeGap.Engine.Running;

/// <summary>Keeps a small run's outcomes and series in memory (the baseline command, tests).</summary>
public sealed class MemorySink(int outcomeCount, long scenarios) : IChunkSink
{
    private readonly List<float> _series = [];

    /// <summary>Outcome columns over the whole run.</summary>
    public float[][] Outcomes { get; } = [.. Enumerable.Range(0, outcomeCount).Select(_ => new float[scenarios])];

    /// <summary>Per-month series values over the whole run, [scenario][month][value] (<see cref="SweepPlan.SeriesWidth"/> values a month).</summary>
    public IReadOnlyList<float> Series => _series;

    public Task WriteAsync(SweepPlan plan, ChunkBuffers chunk, CancellationToken cancellationToken)
    {
        for (var c = 0; c < Outcomes.Length; c++)
        {
            Array.Copy(chunk.Outcomes[c], 0, Outcomes[c], chunk.First, chunk.Count);
        }

        if (chunk.Series is { } series)
        {
            _series.AddRange(series.AsSpan(0, chunk.Count * plan.SeriesPerScenario));
        }

        return Task.CompletedTask;
    }
}
