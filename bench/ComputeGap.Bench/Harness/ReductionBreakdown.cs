using System.Globalization;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using ComputeGap.Core.Reduction;
using ComputeGap.Engine.Backends;
using ComputeGap.Engine.Running;

namespace ComputeGap.Bench.Harness;

/// <summary>
/// <c>-- reduce</c>: aggregate mode's block reduction alone on a baseline-2m-shaped chunk, the
/// production <see cref="CpuReduction"/> (whole blocks, <see cref="CpuBlockReducer"/>) against the
/// column-by-column <see cref="BlockReducer"/> path the CPU ran before (copied here), side by side,
/// after checking that both give the same bits.
/// </summary>
internal static class ReductionBreakdown
{
    /// <summary>Scenarios of the chunk reduced: the default chunk size, 256 blocks.</summary>
    private const int Scenarios = 1 << 20;

    public static async Task<int> RunAsync(TextWriter output)
    {
        var plan = BenchSweeps.BaselineScale();
        output.WriteLine($"machine: {Environment.ProcessorCount} cores, Vector<float> x{Vector<float>.Count}, .NET {Environment.Version}");
        output.WriteLine($"baseline-2m: {plan.OutcomeCount} outcome columns, axis strides {string.Join(", ", plan.AxisStrides)}; chunk of {Scenarios:N0} scenarios");

        var chunks = new (string Name, ChunkBuffers Chunk)[]
        {
            ("model outcomes, scenarios from 0", Computed(plan, 0)),
            ("model outcomes, from the middle", Computed(plan, plan.ScenarioCount / 2 / PartialLayout.BlockSize * PartialLayout.BlockSize)),
            ("random values, 1 % non-finite", Random(plan)),
        };

        var ok = true;
        output.WriteLine($"{"data",-36} {"threads",7} {"before M/s",10} {"now M/s",9} {"speed-up",8}");
        var reduction = new CpuReduction();
        foreach (var (name, chunk) in chunks)
        {
            var before = Target(plan, chunk);
            var now = Target(plan, chunk);
            ColumnByColumn.Reduce(plan, chunk, before, Environment.ProcessorCount);
            reduction.Reduce(plan, chunk, now, Environment.ProcessorCount);
            var same = before.Partials.AsSpan().SequenceEqual(now.Partials) && before.Sketch.AsSpan().SequenceEqual(now.Sketch);
            if (!same)
            {
                output.WriteLine($"{name}: the two paths DIFFER");
                ok = false;
                continue;
            }

            foreach (var threads in new[] { Environment.ProcessorCount, 1 })
            {
                var timings = await Timing.MeasureSideBySideAsync(
                    chunk.Count,
                    () => Run(() => ColumnByColumn.Reduce(plan, chunk, before, threads)),
                    () => Run(() => reduction.Reduce(plan, chunk, now, threads))).ConfigureAwait(false);
                output.WriteLine(string.Create(
                    CultureInfo.InvariantCulture,
                    $"{name,-36} {threads,7} {timings[0].MedianRate / 1e6,10:F2} {timings[1].MedianRate / 1e6,9:F2} {timings[1].MedianRate / timings[0].MedianRate,7:F2}x"));
            }
        }

        output.WriteLine(ok ? "records and sketch counts: bit-identical on every chunk" : "records or sketch counts DIFFER");
        ok &= await ThresholdCostAsync(plan, chunks[0].Chunk, output).ConfigureAwait(false);
        return ok ? 0 : 1;
    }

    /// <summary>
    /// Thresholds as run-time data: one <see cref="CpuBlockReducer"/> on one core over the chunk, counting the
    /// seven on the key columns (what the reducers counted when they were compiled in), the run's own list,
    /// and the run's with 32 more a sweep file could ask for, side by side; the first seven counts must agree.
    /// </summary>
    private static async Task<bool> ThresholdCostAsync(SweepPlan plan, ChunkBuffers chunk, TextWriter output)
    {
        ThresholdTest[] chosen = [.. Enumerable.Range(0, 32).Select(i => new ThresholdTest(i % plan.OutcomeCount, 0.03f * (i + 1), atLeast: i % 2 == 1))];
        var lists = new (string Name, ThresholdTest[] Tests)[]
        {
            ("7 on the key columns (compiled in before)", Thresholds.Keyed(plan.Keys)),
            ($"the run's own {plan.Thresholds.Length}", plan.Thresholds),
            ($"the run's and 32 chosen ({plan.Thresholds.Length + 32})", [.. plan.Thresholds, .. chosen]),
        };
        var blocks = (chunk.Count + PartialLayout.BlockSize - 1) / PartialLayout.BlockSize;
        var runs = lists.Select(list =>
        {
            var layout = AggregateBuffers.LayoutFor(plan) with { Thresholds = list.Tests.Length };
            var reducer = new CpuBlockReducer(layout, plan.Keys, list.Tests, plan.AxisCounts, plan.AxisStrides, plan.AxisOffsets);
            var partials = new double[blocks * layout.Length];
            var sketch = new long[plan.OutcomeCount * QuantileSketch.Length];
            void Reduce()
            {
                Array.Clear(sketch);
                for (var b = 0; b < blocks; b++)
                {
                    var local = b * PartialLayout.BlockSize;
                    reducer.Reduce(chunk.Outcomes, local, chunk.First + local, Math.Min(PartialLayout.BlockSize, chunk.Count - local), partials, b * layout.Length, sketch);
                }
            }

            Reduce();
            var counts = Enumerable.Range(0, 7).Select(j => Enumerable.Range(0, blocks).Sum(b => partials[(b * layout.Length) + layout.Threshold(j)])).ToArray();
            return (Run: (Func<Task>)(() => Run(Reduce)), Counts: counts);
        }).ToArray();
        var timings = await Timing.MeasureSideBySideAsync(chunk.Count, [.. runs.Select(r => r.Run)]).ConfigureAwait(false);
        output.WriteLine($"threshold tests counted (one core, {lists.Length} reducers side by side): {"M/s",6} {"ratio",6}");
        for (var i = 0; i < lists.Length; i++)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {lists[i].Name,-44} {timings[i].MedianRate / 1e6,6:F2} {timings[i].MedianRate / timings[0].MedianRate,6:F3}"));
        }

        var same = runs.All(r => r.Counts.SequenceEqual(runs[0].Counts));
        output.WriteLine(same ? "the seven key counts: equal under every list" : "the seven key counts DIFFER between lists");
        return same;
    }

    private static Task Run(Action reduce)
    {
        reduce();
        return Task.CompletedTask;
    }

    private static AggregateBuffers Target(SweepPlan plan, ChunkBuffers chunk)
    {
        var blocks = (chunk.Count + PartialLayout.BlockSize - 1) / PartialLayout.BlockSize;
        return new AggregateBuffers(AggregateBuffers.LayoutFor(plan), plan.OutcomeCount, blocks)
        {
            FirstBlock = chunk.First / PartialLayout.BlockSize,
            Blocks = blocks,
            Count = chunk.Count,
        };
    }

    private static ChunkBuffers Computed(SweepPlan plan, long first)
    {
        var chunk = new ChunkBuffers(plan.OutcomeCount, Scenarios, 0) { First = first, Count = Scenarios };
        using var cpu = new CpuBackend();
        cpu.Compute(plan, first, Scenarios, chunk);
        return chunk;
    }

    /// <summary>Seeded values of each column's kind: shares in [0, 1], months (−1 often), magnitudes over decades; 1 % NaN or ±∞.</summary>
    private static ChunkBuffers Random(SweepPlan plan)
    {
        var rng = new Random(5);
        var chunk = new ChunkBuffers(plan.OutcomeCount, Scenarios, 0) { First = 0, Count = Scenarios };
        for (var c = 0; c < plan.OutcomeCount; c++)
        {
            var kind = c % 3;
            var column = chunk.Outcomes[c];
            for (var i = 0; i < column.Length; i++)
            {
                column[i] = rng.Next(100) == 0
                    ? (rng.Next(3) switch { 0 => float.NaN, 1 => float.PositiveInfinity, _ => float.NegativeInfinity })
                    : kind switch
                    {
                        0 => (float)rng.NextDouble(),
                        1 => rng.Next(2) == 0 ? -1f : rng.Next(72),
                        _ => (float)Math.Exp(rng.NextDouble() * 20),
                    };
            }
        }

        return chunk;
    }

    /// <summary>
    /// The CPU reduction as it was before <see cref="CpuBlockReducer"/>: per block, each axis's value
    /// index for every scenario in a table, then <see cref="BlockReducer.ReduceColumn"/> column by column.
    /// </summary>
    private static class ColumnByColumn
    {
        public static void Reduce(SweepPlan plan, ChunkBuffers chunk, AggregateBuffers target, int threads)
        {
            var layout = target.Layout;
            var axes = new HostAxes(plan, layout.AxisValues > 0);
            var sketches = new List<long[]>();
            Array.Clear(target.Sketch);
            Parallel.For(
                0,
                target.Blocks,
                new ParallelOptions { MaxDegreeOfParallelism = threads },
                () => new Worker(new long[target.Sketch.Length], new long[2 * MainEffects.MaxAxes], new int[Math.Max(1, axes.AxisCount) * PartialLayout.BlockSize]),
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
                        BlockReducer.ReduceColumn(source, axes, ref cursor, ref part, ref counts, layout, column, plan.Keys, new HostThresholds(plan.Thresholds), blockFirst, local, count);
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
}
