using System.Diagnostics;
using ComputeGap.Core.Reduction;
using ComputeGap.Engine.Backends;

namespace ComputeGap.Engine.Running;

/// <summary>
/// Aggregate mode: chunks of whole blocks are computed and reduced by the backend (on the device for
/// GPUs); the consumer merges each chunk's block partials and sketch counts while the next chunk is
/// computed. Two reused buffer sets bound memory whatever the grid size.
/// </summary>
public static class AggregateRunner
{
    /// <summary>Runs <paramref name="options"/>' scenarios; <paramref name="options"/>.First must be a multiple of the block size.</summary>
    public static async Task<long> RunAsync(
        SweepPlan plan,
        ISweepBackend backend,
        Func<AggregateBuffers, CancellationToken, Task> consume,
        SweepOptions options,
        IProgress<SweepProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        var first = options.First;
        var total = options.Count >= 0 ? options.Count : plan.ScenarioCount - first;
        if (first % PartialLayout.BlockSize != 0 || total < 0 || first + total > plan.ScenarioCount)
        {
            throw new ArgumentOutOfRangeException(nameof(options), $"aggregate runs start on a block boundary ({PartialLayout.BlockSize}) inside the grid; got [{first}, {first + total})");
        }

        var layout = AggregateBuffers.LayoutFor(plan);
        var unit = Alignment(plan.Spec);
        var order = options.Order ?? RunOrder.Scenarios(plan.ScenarioCount);
        // One window of the whole ensemble visits the scenarios in their own order, so it needs no whole units.
        if (order.IsFutures && (order.Evaluations != plan.Evaluations || (!order.IsOneWindow && (order.Window % unit != 0 || order.Evaluations % unit != 0))))
        {
            throw new ArgumentOutOfRangeException(nameof(options), $"future order needs windows and ensembles of whole {unit}-scenario units, or one window of the whole ensemble; got windows of {order.Window} in {order.Evaluations} futures");
        }

        if (first % unit != 0 || order.Total != plan.ScenarioCount || !order.IsBoundary(first) || !order.IsBoundary(first + total))
        {
            throw new ArgumentOutOfRangeException(nameof(options), $"aggregate runs of this design start on a multiple of {Math.Max(unit, order.GroupSize)} positions (whole blocks, sensitivity units and windows of futures); got [{first}, {first + total})");
        }

        var capacity = ChunkCapacity(Math.Min(options.ChunkSize, MaxChunkFor(layout)), total, unit);
        var blocks = capacity / PartialLayout.BlockSize;
        var fans = options.Series ? plan.Shape.Months * plan.SeriesWidth : 0;
        // The backend reduces sensitivity records itself; --where bitmaps read every outcome, a policy comparison alone only its own columns.
        var keep = options.KeepOutcomes || order.IsFutures;
        var kept = options.KeepOutcomes || !order.IsFutures
            ? null
            : Aggregation.PolicyState.ColumnsRead(Aggregation.AggregateShape.From(plan, layout), AggregateBuffers.ComparedFor(plan, options.Compare));
        var buffers = new[]
        {
            new AggregateBuffers(layout, plan.OutcomeCount, blocks, fans, keep, AggregateBuffers.GridCellsFor(plan, layout, options.Decompose), kept, AggregateBuffers.SensitivityFor(plan)),
            new AggregateBuffers(layout, plan.OutcomeCount, blocks, fans, keep, AggregateBuffers.GridCellsFor(plan, layout, options.Decompose), kept, AggregateBuffers.SensitivityFor(plan)),
        };

        var clock = Stopwatch.StartNew();
        Task? merging = null;
        long done = 0;
        var inFlight = 0;
        var failed = true;
        try
        {
            var k = 0;
            foreach (var (start, count) in Chunks(order.ScenarioRanges(first, total), capacity))
            {
                cancellationToken.ThrowIfCancellationRequested();
                var chunk = buffers[k++ % 2];
                chunk.Count = count;
                chunk.FirstBlock = start / PartialLayout.BlockSize;
                chunk.Blocks = (chunk.Count + PartialLayout.BlockSize - 1) / PartialLayout.BlockSize;
                (options.Times ?? new SweepTimes()).Compute(() => backend.ComputeAggregate(plan, start, chunk.Count, chunk));

                if (merging is not null)
                {
                    await Heartbeat.AwaitAsync(merging, () => progress?.Report(new SweepProgress(done - inFlight, total, clock.Elapsed) { Writing = inFlight })).ConfigureAwait(false);
                    progress?.Report(new SweepProgress(done, total, clock.Elapsed));
                }

                done += chunk.Count;
                inFlight = chunk.Count;
                merging = Task.Run(() => consume(chunk, cancellationToken), cancellationToken);
            }

            if (merging is not null)
            {
                await Heartbeat.AwaitAsync(merging, () => progress?.Report(new SweepProgress(done - inFlight, total, clock.Elapsed) { Writing = inFlight })).ConfigureAwait(false);
            }

            failed = false;
        }
        finally
        {
            // A GPU backend reduces a chunk's grid cells beside the device; the consumers wait for them, but a
            // run that stops early must not leave them running on buffers it drops (their error, if any, is
            // second to the one that stopped the run).
            foreach (var buffer in buffers)
            {
                try
                {
                    buffer.CellsReduced.GetAwaiter().GetResult();
                }
                catch (Exception) when (failed)
                {
                }
            }
        }

        progress?.Report(new SweepProgress(done, total, clock.Elapsed));
        return done;
    }

    /// <summary>
    /// Runs <paramref name="options"/>' scenarios into one in-memory <see cref="Aggregation.AggregateState"/>
    /// (fan charts with <c>Series</c>, sensitivity sums for Saltelli and Morris designs), with no files:
    /// what benchmarks and tests of the reductions want.
    /// </summary>
    public static async Task<Aggregation.AggregateState> StateAsync(SweepPlan plan, ISweepBackend backend, SweepOptions options, CancellationToken cancellationToken = default)
    {
        var state = new Aggregation.AggregateState(plan, AggregateBuffers.LayoutFor(plan));
        if (options.Series)
        {
            state.KeepFans(plan.Shape.Months, plan.Model.SeriesColumns);
        }

        if (AggregateBuffers.HasSensitivity(plan))
        {
            state.KeepSensitivity(Output.OutputMetadata.DesignOf(plan.Spec)!);
        }

        if (options.Order is { IsFutures: true } order)
        {
            state.KeepPolicies(AggregateBuffers.ComparedFor(plan, options.Compare), order.Window);
        }

        await RunAsync(
            plan,
            backend,
            (chunk, _) =>
            {
                state.Add(chunk.ToChunk());
                return Task.CompletedTask;
            },
            options,
            cancellationToken: cancellationToken).ConfigureAwait(false);
        return state;
    }

    /// <summary>Chunks of at most <paramref name="capacity"/> scenarios of each range, in order.</summary>
    private static IEnumerable<(long Start, int Count)> Chunks(IEnumerable<(long First, long Count)> ranges, int capacity)
    {
        foreach (var (first, count) in ranges)
        {
            for (long done = 0; done < count; done += capacity)
            {
                yield return (first + done, (int)Math.Min(capacity, count - done));
            }
        }
    }

    /// <summary>
    /// The order an aggregate run of <paramref name="spec"/> takes: future order when a sampled design
    /// has two or more lever combinations (policies compared on the same futures, see <see cref="RunOrder"/>):
    /// windows of whole alignment units, or one window of the whole ensemble when its futures are not whole
    /// units, the run is not cut into shards and it holds at most <see cref="RunOrder.MaxGroup"/> scenarios;
    /// scenario order otherwise. A run cut into <paramref name="shards"/> shards takes windows short enough for each to get some.
    /// </summary>
    public static RunOrder OrderFor(Sweep.Spec.SweepSpec spec, int shards = 1) =>
        spec.Design is null ? RunOrder.Scenarios(spec.ScenarioCount)
        : RunOrder.Futures(spec.ScenarioCount / spec.Evaluations, spec.Evaluations, Alignment(spec), shards) ?? RunOrder.Scenarios(spec.ScenarioCount);

    /// <summary>Host bytes the block partials of one chunk may take (two buffer sets are kept).</summary>
    public const long MaxPartialBytes = 64L << 20;

    /// <summary>
    /// The largest chunk whose block partials fit <see cref="MaxPartialBytes"/>: sweeps with thousands
    /// of axis values carry large main-effect records per block, so their chunks get smaller.
    /// </summary>
    public static int MaxChunkFor(PartialLayout layout) =>
        (int)Math.Max(1, MaxPartialBytes / (layout.Length * (long)sizeof(double))) * PartialLayout.BlockSize;

    /// <summary>A chunk size rounded up to whole multiples of <paramref name="unit"/> (whole blocks by default), and no bigger than the run needs.</summary>
    public static int ChunkCapacity(int chunkSize, long total, int unit = PartialLayout.BlockSize)
    {
        long wanted = Math.Max(1, Math.Min(chunkSize, Math.Max(total, 1)));
        var units = (wanted + unit - 1) / unit;
        return checked((int)(units * unit));
    }

    /// <summary>
    /// What aggregate chunks and shards of <paramref name="spec"/> start on: whole blocks, and for
    /// Saltelli and Morris designs whole sensitivity units too (their least common multiple).
    /// </summary>
    public static int Alignment(Sweep.Spec.SweepSpec spec) =>
        spec.Design is { } design ? PolicyAlignment.Alignment(design.Kind, design.Header.Samples, design.Header.Group) : PartialLayout.BlockSize;
}
