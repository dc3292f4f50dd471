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
        var capacity = ChunkCapacity(Math.Min(options.ChunkSize, MaxChunkFor(layout)), total);
        var blocks = capacity / PartialLayout.BlockSize;
        var fans = options.Series ? plan.Shape.Months * plan.Shape.Regions : 0;
        var buffers = new[] { new AggregateBuffers(layout, plan.OutcomeCount, blocks, fans), new AggregateBuffers(layout, plan.OutcomeCount, blocks, fans) };

        var clock = Stopwatch.StartNew();
        Task? merging = null;
        long done = 0;
        for (var k = 0; done < total; k++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var chunk = buffers[k % 2];
            var start = first + done;
            chunk.Count = (int)Math.Min(capacity, total - done);
            chunk.FirstBlock = start / PartialLayout.BlockSize;
            chunk.Blocks = (chunk.Count + PartialLayout.BlockSize - 1) / PartialLayout.BlockSize;
            backend.ComputeAggregate(plan, start, chunk.Count, chunk);

            if (merging is not null)
            {
                await merging.ConfigureAwait(false);
                progress?.Report(new SweepProgress(done, total, clock.Elapsed));
            }

            done += chunk.Count;
            merging = Task.Run(() => consume(chunk, cancellationToken), cancellationToken);
        }

        if (merging is not null)
        {
            await merging.ConfigureAwait(false);
        }

        progress?.Report(new SweepProgress(done, total, clock.Elapsed));
        return done;
    }

    /// <summary>Host bytes the block partials of one chunk may take (two buffer sets are kept).</summary>
    public const long MaxPartialBytes = 64L << 20;

    /// <summary>
    /// The largest chunk whose block partials fit <see cref="MaxPartialBytes"/>: sweeps with thousands
    /// of axis values carry large main-effect records per block, so their chunks get smaller.
    /// </summary>
    public static int MaxChunkFor(PartialLayout layout) =>
        (int)Math.Max(1, MaxPartialBytes / (layout.Length * (long)sizeof(double))) * PartialLayout.BlockSize;

    /// <summary>A chunk size rounded up to whole blocks (and no bigger than the run needs).</summary>
    public static int ChunkCapacity(int chunkSize, long total)
    {
        long wanted = Math.Max(1, Math.Min(chunkSize, Math.Max(total, 1)));
        var blocks = (wanted + PartialLayout.BlockSize - 1) / PartialLayout.BlockSize;
        return (int)(blocks * PartialLayout.BlockSize);
    }
}
