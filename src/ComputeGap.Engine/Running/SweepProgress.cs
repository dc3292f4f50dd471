namespace ComputeGap.Engine.Running;

/// <summary>How far a sweep has got.</summary>
/// <param name="Done">Scenarios computed and written (or reduced) by the sink.</param>
/// <param name="Total">Scenarios in this run (the shard or range, not the whole grid).</param>
/// <param name="Elapsed">Time since the run started.</param>
public readonly record struct SweepProgress(long Done, long Total, TimeSpan Elapsed)
{
    /// <summary>Scenarios computed that the sink is still writing (or merging, or committing); 0 between writes.</summary>
    public long Writing { get; init; }

    /// <summary>Scenarios per second so far (0 before the first chunk).</summary>
    public double Rate => Elapsed.TotalSeconds > 0 ? Done / Elapsed.TotalSeconds : 0;

    /// <summary>Estimated time left at the current rate.</summary>
    public TimeSpan? Remaining => Rate > 0 ? TimeSpan.FromSeconds((Total - Done) / Rate) : null;
}
