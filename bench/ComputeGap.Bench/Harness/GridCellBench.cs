using System.Globalization;
using System.Numerics;
using ComputeGap.Core.Reduction;
using ComputeGap.Engine.Backends;
using ComputeGap.Engine.Running;

namespace ComputeGap.Bench.Harness;

/// <summary>
/// <c>-- cells</c>: what keeping a grid's cells for its variance decomposition costs aggregate mode on
/// the CPU. The same chunks of a grid computed and reduced by <see cref="CpuBackend.ComputeAggregate"/>
/// into buffers without and with <see cref="AggregateBuffers.GridCells"/>, side by side, after checking
/// that the block records are the same bits either way.
/// </summary>
internal static class GridCellBench
{
    /// <summary>Scenarios per chunk: the default chunk size.</summary>
    private const int Scenarios = 1 << 20;

    public static async Task<int> RunAsync(TextWriter output)
    {
        output.WriteLine($"machine: {Environment.ProcessorCount} cores, Vector<float> x{Vector<float>.Count}, .NET {Environment.Version}");
        output.WriteLine($"{"sweep",-28} {"pairs",5} {"cells",6} {"without M/s",11} {"with M/s",9} {"ratio",6} {"cells alone M/s",12}");
        var ok = true;
        foreach (var (name, plan) in new[] { ("v2 baseline-2m (5 axes)", BenchSweeps.V2BaselineScale()), ("v1 baseline-2m (5 axes)", BenchSweeps.BaselineScale()) })
        {
            using var cpu = new CpuBackend();
            var layout = AggregateBuffers.LayoutFor(plan);
            var blocks = Scenarios / PartialLayout.BlockSize;
            var cells = AggregateBuffers.GridCellsFor(plan, layout)!;
            AggregateBuffers Buffers(bool keep) => new(layout, plan.OutcomeCount, blocks, gridCells: keep ? cells.EmptyLike() : null)
            {
                FirstBlock = 0,
                Blocks = blocks,
                Count = Scenarios,
            };
            var without = Buffers(keep: false);
            var with = Buffers(keep: true);
            cpu.ComputeAggregate(plan, 0, Scenarios, without);
            cpu.ComputeAggregate(plan, 0, Scenarios, with);
            if (!without.Partials.AsSpan().SequenceEqual(with.Partials) || !without.Sketch.AsSpan().SequenceEqual(with.Sketch))
            {
                output.WriteLine($"{name}: the block records DIFFER with grid cells");
                ok = false;
                continue;
            }

            var timings = await Timing.MeasureSideBySideAsync(
                Scenarios,
                () => Run(() => cpu.ComputeAggregate(plan, 0, Scenarios, without)),
                () => Run(() => cpu.ComputeAggregate(plan, 0, Scenarios, with))).ConfigureAwait(false);
            // The reducer alone, as GPU backends run it on the shares they copy back.
            var chunk = new ChunkBuffers(plan.OutcomeCount, Scenarios, 0) { First = 0, Count = Scenarios };
            cpu.Compute(plan, 0, Scenarios, chunk);
            var pool = new System.Collections.Concurrent.ConcurrentBag<(Engine.Aggregation.GridCellReducer, Engine.Aggregation.GridCells)>();
            var alone = await Timing.MeasureAsync(Scenarios, () => Run(() => Engine.Aggregation.GridCellReducer.ReduceChunk(chunk.Outcomes, 0, Scenarios, with.GridCells!, pool))).ConfigureAwait(false);
            output.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"{name,-28} {cells.Pairs.Count,5} {cells.CellCount,6} {timings[0].MedianRate / 1e6,11:F3} {timings[1].MedianRate / 1e6,9:F3} {timings[1].MedianRate / timings[0].MedianRate,6:F3} {alone.MedianRate / 1e6,12:F1}"));
        }

        output.WriteLine(ok ? "block records and sketch counts: bit-identical with and without grid cells" : "block records DIFFER");
        return ok ? 0 : 1;
    }

    private static Task Run(Action compute)
    {
        compute();
        return Task.CompletedTask;
    }
}
