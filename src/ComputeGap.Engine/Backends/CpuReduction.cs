using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using ComputeGap.Core.Reduction;
using ComputeGap.Engine.Running;

namespace ComputeGap.Engine.Backends;

/// <summary>
/// Runs <see cref="BlockReducer"/> over a chunk's outcome columns on every core, one block per work
/// item. Sketch counts go to per-worker arrays that are added up afterwards: integer sums, so the
/// result does not depend on how blocks were spread over threads.
/// </summary>
public static class CpuReduction
{
    /// <summary>Reduces <paramref name="chunk"/> (block-aligned) into <paramref name="target"/> on up to <paramref name="threads"/> threads.</summary>
    public static void Reduce(SweepPlan plan, ChunkBuffers chunk, AggregateBuffers target, int threads)
    {
        var layout = target.Layout;
        var blocks = target.Blocks;
        var axes = new HostAxes(plan, layout.AxisValues > 0);
        var sketches = new List<long[]>();
        Array.Clear(target.Sketch);
        Parallel.For(
            0,
            blocks,
            new ParallelOptions { MaxDegreeOfParallelism = threads },
            () => new Worker(new long[target.Sketch.Length], new long[2 * BlockReducer.MaxAxes], new int[Math.Max(1, axes.AxisCount) * PartialLayout.BlockSize]),
            (b, _, worker) =>
            {
                var blockFirst = (target.FirstBlock + b) * PartialLayout.BlockSize;
                var local = (int)(blockFirst - chunk.First);
                var count = Math.Min(PartialLayout.BlockSize, chunk.Count - local);
                var part = new HostPartial(target.Partials, b * layout.Length);
                var counts = new HostSketch(worker.Sketch);
                var cursor = TableCursor.Fill(axes, new HostCursor(worker.Cursor), worker.Table, blockFirst, count);
                var source = new HostOutcomes(chunk.Outcomes);
                for (var column = 0; column < plan.OutcomeCount; column++)
                {
                    BlockReducer.ReduceColumn(source, axes, ref cursor, ref part, ref counts, layout, column, plan.Shape.Regions, plan.Shape.Focus, blockFirst, local, count);
                }
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

    private readonly struct HostOutcomes(float[][] columns) : IOutcomeSource
    {
        public float Get(int column, int local) => columns[column][local];
    }

    private sealed record Worker(long[] Sketch, long[] Cursor, int[] Table);

    /// <summary>
    /// The CPU's cursor: each axis's value index for every scenario of the block, walked once with
    /// the odometer and then read by all outcome columns (the GPU walks the odometer per column).
    /// </summary>
    private struct TableCursor : IAxisCursor
    {
        private int[] _table;
        private long _first;
        private int _at;

        public static TableCursor Fill(HostAxes axes, HostCursor memory, int[] table, long first, int count)
        {
            var odometer = new OdometerCursor<HostAxes, HostCursor>(axes, memory);
            odometer.Start(first);
            for (var i = 0; i < count; i++)
            {
                for (var a = 0; a < axes.AxisCount; a++)
                {
                    table[(a * PartialLayout.BlockSize) + i] = odometer.ValueIndex(a);
                }

                odometer.Advance();
            }

            return new TableCursor { _table = table, _first = first };
        }

        public void Start(long scenario) => _at = (int)(scenario - _first);

        public void Advance() => _at++;

        public readonly int ValueIndex(int axis) =>
            Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_table), (axis * PartialLayout.BlockSize) + _at);
    }

    private readonly struct HostAxes(SweepPlan plan, bool enabled) : IAxisSource
    {
        public int AxisCount => enabled ? plan.AxisSlots.Length : 0;

        public int Count(int axis) => plan.AxisCounts[axis];

        public long Stride(int axis) => plan.AxisStrides[axis];

        public int Offset(int axis) => plan.AxisOffsets[axis];
    }

    private readonly struct HostCursor(long[] memory) : ICursorMemory
    {
        public long this[int slot]
        {
            get => memory[slot];
            set => memory[slot] = value;
        }
    }

    /// <summary>A block's record inside the chunk's partials; slots come from the layout, which sized the array.</summary>
    private readonly struct HostPartial(double[] partials, int offset) : IPartialRecord
    {
        public double this[int slot]
        {
            [MethodImpl(MethodImplOptions.AggressiveInlining)]
            get => Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(partials), offset + slot);
            [MethodImpl(MethodImplOptions.AggressiveInlining)]
            set => Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(partials), offset + slot) = value;
        }
    }

    private readonly struct HostSketch(long[] counts) : ISketchCounts
    {
        public void Increment(int column, int slot) =>
            Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(counts), (column * QuantileSketch.Length) + slot)++;
    }
}
