using ComputeGap.Core.Reduction;
using ComputeGap.Engine.Running;

namespace ComputeGap.Engine.Backends;

/// <summary>
/// Runs <see cref="CpuBlockReducer"/> (the same records, bit for bit, as <see cref="BlockReducer"/>
/// column by column) over a chunk's outcome columns on every core, one block per work item. Sketch
/// counts go to per-worker arrays that are added up afterwards: integer sums, so the result does not
/// depend on how blocks were spread over threads.
/// </summary>
public static class CpuReduction
{
    /// <summary>Reduces <paramref name="chunk"/> (block-aligned) into <paramref name="target"/> on up to <paramref name="threads"/> threads.</summary>
    public static void Reduce(SweepPlan plan, ChunkBuffers chunk, AggregateBuffers target, int threads)
    {
        var layout = target.Layout;
        var blocks = target.Blocks;
        var sketches = new List<long[]>();
        Array.Clear(target.Sketch);
        Parallel.For(
            0,
            blocks,
            new ParallelOptions { MaxDegreeOfParallelism = threads },
            () => new Worker(
                new long[target.Sketch.Length],
                new CpuBlockReducer(layout, plan.Shape.Regions, plan.Shape.Focus, plan.AxisCounts, plan.AxisStrides, plan.AxisOffsets)),
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
            });

        foreach (var sketch in sketches)
        {
            for (var i = 0; i < sketch.Length; i++)
            {
                target.Sketch[i] += sketch[i];
            }
        }
    }

    private sealed record Worker(long[] Sketch, CpuBlockReducer Reducer);
}
