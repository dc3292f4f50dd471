namespace ComputeGap.Engine.Running;

/// <summary>
/// Host memory for one chunk's results, reused from chunk to chunk: one array per outcome column,
/// and optionally the per-month series values ([scenario][month][value]).
/// </summary>
public sealed class ChunkBuffers
{
    public ChunkBuffers(int outcomeCount, int capacity, int seriesPerScenario)
    {
        Capacity = capacity;
        Outcomes = new float[outcomeCount][];
        for (var c = 0; c < outcomeCount; c++)
        {
            Outcomes[c] = new float[capacity];
        }

        Series = seriesPerScenario > 0 ? new float[(long)capacity * seriesPerScenario] : null;
    }

    /// <summary>Most scenarios a chunk may hold.</summary>
    public int Capacity { get; }

    /// <summary>Outcome column arrays, each of <see cref="Capacity"/> entries.</summary>
    public float[][] Outcomes { get; }

    /// <summary>Per-month series values, or null when no series is wanted.</summary>
    public float[]? Series { get; }

    /// <summary>First scenario index of the chunk now held.</summary>
    public long First { get; set; }

    /// <summary>Scenarios now held.</summary>
    public int Count { get; set; }
}
