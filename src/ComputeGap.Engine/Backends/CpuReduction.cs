using ComputeGap.Core.Reduction;
using ComputeGap.Engine.Running;

namespace ComputeGap.Engine.Backends;

/// <summary>
/// Runs <see cref="CpuBlockReducer"/> (the same records, bit for bit, as <see cref="BlockReducer"/>
/// column by column) over a chunk's outcome columns on every core. Worker t takes blocks t, t + n,
/// t + 2n, … (blocks cost the same, so a fixed split balances), with its own sketch counts, added up
/// afterwards: integer sums, so the result does not depend on the split. The n workers (a sketch and
/// a reducer's scratch, about a megabyte each) are kept from chunk to chunk of the same plan, so
/// calls must not overlap (a backend makes one at a time). A grid's cells, when the target keeps them,
/// are reduced by <see cref="Aggregation.GridCellReducer.ReduceChunk"/>, and a sampled design's sensitivity
/// records, when the target keeps them, by <see cref="CpuSensitivity"/>.
/// </summary>
public sealed class CpuReduction
{
    private Worker[] _workers = [];
    private readonly System.Collections.Concurrent.ConcurrentBag<(Aggregation.GridCellReducer Reducer, Aggregation.GridCells Cells)> _gridCellWorkers = [];
    private SweepPlan? _plan;
    private PartialLayout _layout;

    /// <summary>Reduces <paramref name="chunk"/> (block-aligned) into <paramref name="target"/> on up to <paramref name="threads"/> threads.</summary>
    public void Reduce(SweepPlan plan, ChunkBuffers chunk, AggregateBuffers target, int threads)
    {
        var layout = target.Layout;
        var blocks = target.Blocks;
        var workers = Workers(plan, layout, target.Sketch.Length, Math.Max(1, Math.Min(threads, blocks)));
        try
        {
            Parallel.For(
                0,
                workers.Length,
                new ParallelOptions { MaxDegreeOfParallelism = workers.Length },
                t =>
                {
                    var worker = workers[t];
                    Array.Clear(worker.Sketch);
                    for (var b = t; b < blocks; b += workers.Length)
                    {
                        var blockFirst = (target.FirstBlock + b) * PartialLayout.BlockSize;
                        var local = (int)(blockFirst - chunk.First);
                        var count = Math.Min(PartialLayout.BlockSize, chunk.Count - local);
                        worker.Reducer.Reduce(chunk.Outcomes, local, blockFirst, count, target.Partials, b * layout.Length, worker.Sketch);
                    }
                });
        }
        catch
        {
            // A reducer stopped mid-block keeps partial scratch: never hand it another block.
            _workers = [];
            throw;
        }

        if (target.GridCells is { } cells)
        {
            Aggregation.GridCellReducer.ReduceChunk(chunk.Outcomes, chunk.First, chunk.Count, cells, _gridCellWorkers);
        }

        if (target.Units is { } units)
        {
            CpuSensitivity.Reduce(chunk.Outcomes, chunk.First, chunk.Count, units, target.Sensitivity!, threads);
        }

        var counts = target.Sketch;
        Array.Clear(counts);
        foreach (var worker in workers)
        {
            for (var i = 0; i < counts.Length; i++)
            {
                counts[i] += worker.Sketch[i];
            }
        }
    }

    /// <summary>The first <paramref name="count"/> workers for this plan and layout, made on first use.</summary>
    private Worker[] Workers(SweepPlan plan, PartialLayout layout, int sketchLength, int count)
    {
        if (!ReferenceEquals(plan, _plan) || layout != _layout || (_workers.Length > 0 && _workers[0].Sketch.Length != sketchLength))
        {
            _workers = [];
            _plan = plan;
            _layout = layout;
        }

        if (_workers.Length < count)
        {
            var more = _workers.ToList();
            while (more.Count < count)
            {
                more.Add(new Worker(
                    new long[sketchLength],
                    new CpuBlockReducer(layout, plan.Keys, plan.Thresholds, plan.AxisCounts, plan.AxisStrides, plan.AxisOffsets)));
            }

            _workers = [.. more];
        }

        return _workers[..count];
    }

    private sealed record Worker(long[] Sketch, CpuBlockReducer Reducer);
}
