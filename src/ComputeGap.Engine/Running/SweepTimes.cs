using System.Diagnostics;

namespace ComputeGap.Engine.Running;

/// <summary>
/// Where a sweep's wall time went: computing chunks (the backend's work), and the rest (waiting for the
/// previous chunk to be written or merged, committing parts). Writing overlaps computing, so only the
/// waits add to the wall time.
/// </summary>
public sealed class SweepTimes
{
    private long _computeTicks;

    /// <summary>Time spent computing chunks.</summary>
    public TimeSpan Computing => Stopwatch.GetElapsedTime(0, Interlocked.Read(ref _computeTicks));

    /// <summary>Runs <paramref name="compute"/> and counts its time as computing.</summary>
    public void Compute(Action compute)
    {
        var start = Stopwatch.GetTimestamp();
        compute();
        Interlocked.Add(ref _computeTicks, Stopwatch.GetTimestamp() - start);
    }
}
