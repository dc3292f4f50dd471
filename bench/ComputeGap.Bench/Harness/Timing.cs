using System.Diagnostics;

namespace ComputeGap.Bench.Harness;

/// <summary>Timings of one workload: a warm-up run, then <see cref="Runs"/> timed runs.</summary>
/// <param name="Seconds">Each timed run's wall-clock seconds, in run order.</param>
/// <param name="Items">Scenarios (or rows) one run processes.</param>
internal sealed record Timing(IReadOnlyList<double> Seconds, long Items)
{
    /// <summary>Timed runs after the warm-up.</summary>
    public const int Runs = 3;

    public double Median => Seconds.Order().ElementAt(Seconds.Count / 2);

    public double Best => Seconds.Min();

    /// <summary>Items per second at the median run.</summary>
    public double MedianRate => Items / Median;

    /// <summary>Items per second at the best run.</summary>
    public double BestRate => Items / Best;

    /// <summary>Runs <paramref name="run"/> once to warm up (JIT tiers, ILGPU kernel compilation, caches), then times it <see cref="Runs"/> times.</summary>
    public static async Task<Timing> MeasureAsync(long items, Func<Task> run)
    {
        await run().ConfigureAwait(false);
        var seconds = new List<double>(Runs);
        for (var i = 0; i < Runs; i++)
        {
            // Collect outside the timed region so one run's garbage is not charged to the next.
            GC.Collect();
            GC.WaitForPendingFinalizers();
            var clock = Stopwatch.StartNew();
            await run().ConfigureAwait(false);
            seconds.Add(clock.Elapsed.TotalSeconds);
        }

        return new Timing(seconds, items);
    }
}
