using System.Diagnostics;

namespace ComputeGap.Bench.Harness;

/// <summary>Timings of one workload: <see cref="Runs"/> timed runs after a warm-up.</summary>
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

    /// <summary>Least wall-clock time each workload spends warming up before the timed runs.</summary>
    private static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(1);

    /// <summary>Times one workload: see <see cref="MeasureSideBySideAsync"/>.</summary>
    public static async Task<Timing> MeasureAsync(long items, Func<Task> run) =>
        (await MeasureSideBySideAsync(items, run).ConfigureAwait(false))[0];

    /// <summary>
    /// Warms each of <paramref name="runs"/> up (JIT tiers, ILGPU kernel compilation, caches) by
    /// running it at least once and for at least <see cref="WarmUp"/>, then times them
    /// <see cref="Runs"/> times each, taking turns, so a change in the machine's background load
    /// falls on all of them alike and their ratios stay meaningful.
    /// </summary>
    /// <remarks>
    /// One warm-up run is not enough for short workloads: the model's methods are promoted from
    /// tier-0 to optimised code by a background thread that, with every core computing, can take
    /// longer than a whole 78k-scenario run.
    /// </remarks>
    public static async Task<Timing[]> MeasureSideBySideAsync(long items, params Func<Task>[] runs)
    {
        foreach (var run in runs)
        {
            var warming = Stopwatch.StartNew();
            do
            {
                await run().ConfigureAwait(false);
            }
            while (warming.Elapsed < WarmUp);
        }

        var seconds = runs.Select(_ => new List<double>(Runs)).ToArray();
        for (var i = 0; i < Runs; i++)
        {
            for (var r = 0; r < runs.Length; r++)
            {
                // Collect outside the timed region so one run's garbage is not charged to the next.
                GC.Collect();
                GC.WaitForPendingFinalizers();
                var clock = Stopwatch.StartNew();
                await runs[r]().ConfigureAwait(false);
                seconds[r].Add(clock.Elapsed.TotalSeconds);
            }
        }

        return [.. seconds.Select(s => new Timing(s, items))];
    }
}
