using System.Diagnostics;
using ComputeGap.Engine.Backends;

namespace ComputeGap.Engine.Running;

/// <summary>Which scenarios to run and in what chunks.</summary>
/// <param name="ChunkSize">Most scenarios per chunk (and per Parquet row group).</param>
/// <param name="First">First scenario index of the run.</param>
/// <param name="Count">Scenarios to run; −1 for everything from <paramref name="First"/> on.</param>
/// <param name="Series">Also produce every month's shares.</param>
/// <param name="Times">Adds the time spent computing chunks to this, when given.</param>
/// <param name="KeepOutcomes">Aggregate mode: bring every chunk's outcome columns back to the host (the bitmap of <c>--where</c>; Saltelli and Morris designs always do).</param>
/// <param name="Decompose">Aggregate mode of a grid: outcomes whose variance decomposition the grid's cells keep beside the regional shares (<c>--decompose</c>).</param>
public sealed record SweepOptions(int ChunkSize = SweepOptions.DefaultChunkSize, long First = 0, long Count = -1, bool Series = false, bool KeepOutcomes = false, SweepTimes? Times = null,
    IReadOnlyList<string>? Decompose = null, RunOrder? Order = null, IReadOnlyList<string>? Compare = null)
{
    /// <summary>About one million scenarios: a good Parquet row group and a cheap device buffer.</summary>
    public const int DefaultChunkSize = 1 << 20;

    /// <summary>Cap on the floats a chunk's series buffer may hold (256 MiB).</summary>
    public const long MaxSeriesFloats = 64L << 20;
}

/// <summary>
/// Drives a sweep chunk by chunk: chunk k+1 is computed while chunk k is written, with two host
/// buffers that are reused, so memory stays bounded whatever the grid size.
/// </summary>
public static class SweepRunner
{
    /// <summary>Runs the scenarios <paramref name="options"/> selects; returns how many ran.</summary>
    public static async Task<long> RunAsync(
        SweepPlan plan,
        ISweepBackend backend,
        IChunkSink sink,
        SweepOptions options,
        IProgress<SweepProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        var first = options.First;
        var total = options.Count >= 0 ? options.Count : plan.ScenarioCount - first;
        if (first < 0 || total < 0 || first + total > plan.ScenarioCount)
        {
            throw new ArgumentOutOfRangeException(nameof(options), $"scenarios [{first}, {first + total}) are outside the grid of {plan.ScenarioCount}");
        }

        var perScenario = options.Series ? plan.SeriesPerScenario : 0;
        var capacity = ChunkCapacity(options.ChunkSize, perScenario, total);
        var buffers = new[] { new ChunkBuffers(plan.OutcomeCount, capacity, perScenario), new ChunkBuffers(plan.OutcomeCount, capacity, perScenario) };

        var clock = Stopwatch.StartNew();
        Task? writing = null;
        long done = 0;
        var inFlight = 0;
        for (var k = 0; done < total; k++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var chunk = buffers[k % 2];
            chunk.First = first + done;
            chunk.Count = (int)Math.Min(capacity, total - done);
            (options.Times ?? new SweepTimes()).Compute(() => backend.Compute(plan, chunk.First, chunk.Count, chunk));

            if (writing is not null)
            {
                await Heartbeat.AwaitAsync(writing, () => progress?.Report(new SweepProgress(done - inFlight, total, clock.Elapsed) { Writing = inFlight })).ConfigureAwait(false);
                progress?.Report(new SweepProgress(done, total, clock.Elapsed));
            }

            done += chunk.Count;
            inFlight = chunk.Count;
            writing = Task.Run(() => sink.WriteAsync(plan, chunk, cancellationToken), cancellationToken);
        }

        if (writing is not null)
        {
            await Heartbeat.AwaitAsync(writing, () => progress?.Report(new SweepProgress(done - inFlight, total, clock.Elapsed) { Writing = inFlight })).ConfigureAwait(false);
        }

        progress?.Report(new SweepProgress(done, total, clock.Elapsed));
        return done;
    }

    /// <summary>Chunk size honouring the series buffer cap, at least one scenario.</summary>
    public static int ChunkCapacity(int chunkSize, int seriesPerScenario, long total)
    {
        long capacity = Math.Max(1, chunkSize);
        if (seriesPerScenario > 0)
        {
            capacity = Math.Min(capacity, Math.Max(1, SweepOptions.MaxSeriesFloats / seriesPerScenario));
        }

        return (int)Math.Max(1, Math.Min(capacity, Math.Max(total, 1)));
    }
}
