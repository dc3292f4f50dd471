using ComputeGap.Engine.Backends;
using ComputeGap.Engine.Running;

namespace ComputeGap.Engine.Tests;

/// <summary>An aggregate run's raw reductions: every chunk's block partials in order, and the sketches (and fans) added up.</summary>
public sealed record CollectedAggregates(double[] Partials, long[] Sketch, long[]? Fans)
{
    public static async Task<CollectedAggregates> RunAsync(SweepPlan plan, ISweepBackend backend, int chunkSize, bool fans = false)
    {
        var partials = new List<double>();
        long[]? sketch = null;
        long[]? fanCounts = null;
        await AggregateRunner.RunAsync(
            plan,
            backend,
            (chunk, _) =>
            {
                partials.AddRange(chunk.Partials.AsSpan(0, chunk.Blocks * chunk.Layout.Length).ToArray());
                sketch = Add(sketch, chunk.Sketch);
                if (chunk.Fans is { } chunkFans)
                {
                    fanCounts = Add(fanCounts, chunkFans);
                }

                return Task.CompletedTask;
            },
            new SweepOptions(ChunkSize: chunkSize, Series: fans));
        return new CollectedAggregates([.. partials], sketch!, fanCounts);
    }

    private static long[] Add(long[]? total, long[] counts)
    {
        total ??= new long[counts.Length];
        for (var i = 0; i < total.Length; i++)
        {
            total[i] += counts[i];
        }

        return total;
    }
}
