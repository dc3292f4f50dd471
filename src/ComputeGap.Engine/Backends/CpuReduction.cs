using System.Collections.Concurrent;
using ComputeGap.Core.Reduction;
using ComputeGap.Engine.Running;

namespace ComputeGap.Engine.Backends;

/// <summary>
/// Runs <see cref="CpuBlockReducer"/> (the same records, bit for bit, as <see cref="BlockReducer"/>
/// column by column) over a chunk's outcome columns on every core, one block per work item. Sketch
/// counts go to per-worker arrays that are added up afterwards: integer sums, so the result does not
/// depend on how blocks were spread over threads. Workers (a sketch and a reducer's scratch, about
/// a megabyte each) are kept from chunk to chunk of the same plan.
/// </summary>
public sealed class CpuReduction
{
    private readonly ConcurrentBag<Worker> _pool = [];
    private SweepPlan? _poolPlan;
    private PartialLayout _poolLayout;

    /// <summary>Reduces <paramref name="chunk"/> (block-aligned) into <paramref name="target"/> on up to <paramref name="threads"/> threads.</summary>
    public void Reduce(SweepPlan plan, ChunkBuffers chunk, AggregateBuffers target, int threads)
    {
        var layout = target.Layout;
        var blocks = target.Blocks;
        if (!ReferenceEquals(plan, _poolPlan) || layout != _poolLayout)
        {
            _pool.Clear();
            _poolPlan = plan;
            _poolLayout = layout;
        }

        var sketches = new List<long[]>();
        Array.Clear(target.Sketch);
        Parallel.For(
            0,
            blocks,
            new ParallelOptions { MaxDegreeOfParallelism = threads },
            () => Rent(plan, layout, target.Sketch.Length),
            (b, _, worker) =>
            {
                var blockFirst = (target.FirstBlock + b) * PartialLayout.BlockSize;
                var local = (int)(blockFirst - chunk.First);
                var count = Math.Min(PartialLayout.BlockSize, chunk.Count - local);
                worker.Reducer.Reduce(chunk.Outcomes, local, blockFirst, count, target.Partials, b * layout.Length, worker.Sketch);
                return worker;
            },
            worker =>
            {
                lock (sketches)
                {
                    sketches.Add(worker.Sketch);
                }

                _pool.Add(worker);
            });

        foreach (var sketch in sketches)
        {
            for (var i = 0; i < sketch.Length; i++)
            {
                target.Sketch[i] += sketch[i];
            }
        }
    }

    private Worker Rent(SweepPlan plan, PartialLayout layout, int sketchLength)
    {
        if (_pool.TryTake(out var worker))
        {
            Array.Clear(worker.Sketch);
            return worker;
        }

        return new Worker(
            new long[sketchLength],
            new CpuBlockReducer(layout, plan.Shape.Regions, plan.Shape.Focus, plan.AxisCounts, plan.AxisStrides, plan.AxisOffsets));
    }

    private sealed record Worker(long[] Sketch, CpuBlockReducer Reducer);
}
