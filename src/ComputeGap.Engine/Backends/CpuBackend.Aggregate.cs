using System.Collections.Concurrent;
using ComputeGap.Core.Lanes;
using ComputeGap.Core.Reduction;
using ComputeGap.Engine.Running;

namespace ComputeGap.Engine.Backends;

/// <summary>Aggregate mode on the CPU: each block computed and reduced at once, by one worker, while its values are in cache.</summary>
public sealed partial class CpuBackend
{
    /// <summary>Workers (a block's columns, a reducer and its sketch) kept from chunk to chunk of the same plan.</summary>
    private readonly ConcurrentBag<object> _aggregateWorkers = [];
    private SweepPlan? _aggregatePlan;
    private PartialLayout _aggregateLayout;

    /// <summary>
    /// Computes a chunk's blocks and reduces each as soon as it is computed, block by block on every
    /// core: a worker computes the block's 4,096 scenarios into its own columns (half a megabyte for
    /// 30 outcomes, so they stay in cache) and hands them to its <see cref="CpuBlockReducer"/>. A
    /// block's record depends only on its values, so the records are those of computing the whole
    /// chunk and reducing it after (<see cref="CpuReduction"/>), bit for bit; the sketch and fan
    /// counts are integer sums, the same in any order. Measured: the chunk's 120 MB of columns were
    /// written and read back from memory otherwise (see bench/).
    /// </summary>
    private void Aggregate<TLane, TMask>(SweepPlan plan, long first, int count, AggregateBuffers target)
        where TLane : struct, ILane<TLane, TMask>, IHostLane<TLane>
        where TMask : struct
    {
        const int blockSize = PartialLayout.BlockSize;
        var layout = target.Layout;
        if (first != target.FirstBlock * blockSize || target.Blocks != (count + blockSize - 1) / blockSize || target.Blocks > target.CapacityBlocks)
        {
            throw new ArgumentException($"the chunk [{first}, {first + count}) does not match its buffers' blocks ({target.FirstBlock}, {target.Blocks} of {target.CapacityBlocks})", nameof(target));
        }

        if (!ReferenceEquals(plan, _aggregatePlan) || layout != _aggregateLayout)
        {
            _aggregateWorkers.Clear();
            _aggregatePlan = plan;
            _aggregateLayout = layout;
        }

        var setup = Setup<TLane, TMask>(plan);
        var sketch = target.Sketch;
        var fans = target.Fans;
        Array.Clear(sketch);
        if (fans is not null)
        {
            Array.Clear(fans);
        }

        var cells = target.GridCells;
        cells?.Clear();
        var columns = ChunkColumns(target);
        Parallel.For(
            0,
            target.Blocks,
            new ParallelOptions { MaxDegreeOfParallelism = _threads },
            () => RentAggregateWorker<TLane>(plan, layout, sketch.Length, fans?.Length ?? 0, cells),
            (b, _, worker) =>
            {
                var offset = b * blockSize;
                var n = Math.Min(blockSize, count - offset);
                RunRange(plan, setup, worker.Compute, worker.Columns, first + offset, 0, n);
                for (var c = 0; c < (columns?.Length ?? 0); c++)
                {
                    if (columns![c].Length > 0)
                    {
                        Array.Copy(worker.Columns.Outcomes[c], 0, columns[c], offset, n);
                    }
                }

                // A reducer stopped mid-block keeps partial scratch: such a worker is never used again.
                worker.Busy = true;
                worker.Reducer.Reduce(worker.Columns.Outcomes, 0, first + offset, n, target.Partials, b * layout.Length, worker.Sketch);
                worker.Cells?.Reducer.Reduce(worker.Columns.Outcomes, 0, first + offset, n, worker.Cells.Value.Cells);
                worker.Busy = false;
                return worker;
            },
            worker =>
            {
                lock (sketch)
                {
                    Add(worker.Sketch, sketch);
                    if (worker.Cells is { } workerCells)
                    {
                        cells!.Merge(workerCells.Cells);
                    }

                    if (fans is not null && worker.Compute.Fans is { } own)
                    {
                        Add(own, fans);
                    }
                }

                if (!worker.Busy)
                {
                    _aggregateWorkers.Add(worker);
                }
            });

        ReduceSensitivity(columns, first, count, target);
    }

    /// <summary>The sensitivity statistics' columns of a chunk when the target's own do not hold every outcome.</summary>
    private float[][]? _sensitivityColumns;

    /// <summary>
    /// Where the workers copy the chunk's outcome columns: the target's, or, when the sensitivity records need
    /// every column and the target keeps fewer, this backend's own (the target's kept columns are filled
    /// from them afterwards). Null when nothing needs the columns.
    /// </summary>
    private float[][]? ChunkColumns(AggregateBuffers target)
    {
        if (target.Sensitivity is null || (target.Outcomes is not null && target.KeptColumns is null))
        {
            return target.Outcomes;
        }

        var length = (long)target.CapacityBlocks * PartialLayout.BlockSize;
        var outcomes = target.Sketch.Length / QuantileSketch.Length;
        if (_sensitivityColumns is null || _sensitivityColumns.Length != outcomes || _sensitivityColumns[0].LongLength < length)
        {
            _sensitivityColumns = [.. Enumerable.Range(0, outcomes).Select(_ => new float[length])];
        }

        return _sensitivityColumns;
    }

    /// <summary>The chunk's sensitivity records from its <paramref name="columns"/>, and the target's kept columns when they are not those.</summary>
    private void ReduceSensitivity(float[][]? columns, long first, int count, AggregateBuffers target)
    {
        if (target.Sensitivity is not { } records)
        {
            return;
        }

        CpuSensitivity.Reduce(columns!, first, count, target.Units!.Value, records, _threads);
        if (target.Outcomes is { } kept && !ReferenceEquals(kept, columns))
        {
            for (var c = 0; c < kept.Length; c++)
            {
                if (kept[c].Length > 0)
                {
                    Array.Copy(columns![c], kept[c], count);
                }
            }
        }
    }

    /// <summary>
    /// Floats added to each of a worker's block columns, so that the columns, read side by side, do not
    /// start a multiple of 4 KiB apart and compete for the same few sets of the L1 cache.
    /// </summary>
    private const int ColumnPadding = 64;

    /// <summary>A kept worker for this plan with its counts cleared, or a new one.</summary>
    private AggregateWorker<TLane> RentAggregateWorker<TLane>(SweepPlan plan, PartialLayout layout, int sketchLength, int fanLength, Aggregation.GridCells? cells)
        where TLane : struct, IHostLane<TLane>
    {
        while (_aggregateWorkers.TryTake(out var kept))
        {
            if (kept is AggregateWorker<TLane> worker && worker.Sketch.Length == sketchLength && (worker.Compute.Fans?.Length ?? 0) == fanLength
                && (worker.Cells is { } rented ? cells is not null && rented.Cells.SameLayout(cells) : cells is null))
            {
                Array.Clear(worker.Sketch);
                worker.Cells?.Cells.Clear();
                if (worker.Compute.Fans is { } own)
                {
                    Array.Clear(own);
                }

                return worker;
            }
        }

        return new AggregateWorker<TLane>(
            new Worker<TLane>(new TLane[plan.Model.SlotCount], fanLength > 0 ? new int[fanLength] : null, plan),
            new ChunkBuffers(plan.OutcomeCount, PartialLayout.BlockSize + ColumnPadding, 0),
            new CpuBlockReducer(layout, plan.Keys, plan.Thresholds, plan.AxisCounts, plan.AxisStrides, plan.AxisOffsets),
            new long[sketchLength],
            cells is null ? null : (new Aggregation.GridCellReducer(cells), cells.EmptyLike()));
    }

    /// <summary>Integer counts: the total does not depend on the order the workers add theirs.</summary>
    private static void Add<T>(T[] counts, long[] total)
        where T : System.Numerics.IBinaryInteger<T>
    {
        for (var i = 0; i < counts.Length; i++)
        {
            total[i] += long.CreateTruncating(counts[i]);
        }
    }

    /// <summary>One core's tools for aggregate mode: the model's working memory, a block's columns, reducers, sketch counts.</summary>
    private sealed class AggregateWorker<TLane>(Worker<TLane> compute, ChunkBuffers columns, CpuBlockReducer reducer, long[] sketch,
        (Aggregation.GridCellReducer Reducer, Aggregation.GridCells Cells)? cells)
    {
        /// <summary>The reducer of the grid's cells and the worker's own cells, when the chunks keep them.</summary>
        public (Aggregation.GridCellReducer Reducer, Aggregation.GridCells Cells)? Cells { get; } = cells;

        public Worker<TLane> Compute { get; } = compute;

        public ChunkBuffers Columns { get; } = columns;

        public CpuBlockReducer Reducer { get; } = reducer;

        public long[] Sketch { get; } = sketch;

        /// <summary>Set while the reducer works on a block.</summary>
        public bool Busy { get; set; }
    }
}
