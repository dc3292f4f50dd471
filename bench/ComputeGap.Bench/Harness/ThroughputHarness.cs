using System.Globalization;
using System.Numerics;
using System.Runtime.Intrinsics.X86;
using ComputeGap.Bench.Reference;
using ComputeGap.Engine.Backends;
using ComputeGap.Engine.Running;
using ComputeGap.IO.Parquet;

namespace ComputeGap.Bench.Harness;

/// <summary>
/// The default mode: checks the reference against the cpu backend, then times, in one run, the cpu
/// backend, the hand-specialised reference, ilgpu-cpu and the Parquet writer, and prints one table
/// with each rate's ratio to the reference on the same work.
/// </summary>
internal static class ThroughputHarness
{
    /// <summary>Scenarios ilgpu-cpu is timed on: it is one to two orders of magnitude slower than cpu.</summary>
    private const int IlgpuScenarios = 16_384;

    public static async Task<int> RunAsync(TextWriter output)
    {
        output.WriteLine($"machine: {Environment.ProcessorCount} cores, Vector<float> x{Vector<float>.Count} (hardware: {Vector.IsHardwareAccelerated}), AVX-512F: {Avx512F.IsSupported}, .NET {Environment.Version}");
        output.WriteLine($"load average at start: {LoadAverage()} (other processes on these cores skew every rate; the ratios are measured side by side)");
        var standard = BenchSweeps.Default();
        var scaled = BenchSweeps.BaselineScale();

        var check = ReferenceCheck.Run((standard, 0, (int)standard.ScenarioCount), (scaled, scaled.ScenarioCount / 2, 8192));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"reference vs cpu on {check.Scenarios:N0} scenarios: max deviation {check.MaxDeviation:G3} ({check.WorstColumn}), month outcomes differing {check.MonthsDiffering} (max {check.MaxMonthDifference} months): {(check.Passed ? "OK" : "FAILED")}"));
        if (!check.Passed)
        {
            return 1;
        }

        var rows = new List<ResultRow>();
        using var cpu = new CpuBackend();
        using var reference = new SpecialisedBackend();
        var (standardCpu, standardLimit) = await CompareAsync(standard, cpu, reference).ConfigureAwait(false);
        var (scaledCpu, scaledLimit) = await CompareAsync(scaled, cpu, reference).ConfigureAwait(false);
        var name = $"default ({standard.ScenarioCount:N0})";
        var scaledName = $"baseline-2m ({scaled.ScenarioCount:N0})";
        rows.Add(new(name, "cpu", standardCpu, standardLimit));
        rows.Add(new(name, "reference", standardLimit, standardLimit));
        rows.Add(new(scaledName, "cpu", scaledCpu, scaledLimit));
        rows.Add(new(scaledName, "reference", scaledLimit, scaledLimit));

        // Aggregate mode: compute plus the block reduction (the reference's rows go through the same
        // reducer), against the reference's pure compute rate: the issue's "cpu vs the limit" figure.
        var aggregate = await Timing.MeasureSideBySideAsync(
            scaled.ScenarioCount,
            () => AggregateRunner.RunAsync(scaled, cpu, (_, _) => Task.CompletedTask, new SweepOptions()),
            () => AggregateRunner.RunAsync(scaled, reference, (_, _) => Task.CompletedTask, new SweepOptions()),
            () => SweepRunner.RunAsync(scaled, reference, NullSink.Instance, new SweepOptions())).ConfigureAwait(false);
        rows.Add(new($"{scaledName} aggregate", "cpu", aggregate[0], aggregate[2], "compute + block reduction"));
        rows.Add(new($"{scaledName} aggregate", "reference", aggregate[1], aggregate[2], "reference rows + the same reduction"));
        rows.AddRange(await ModelsSideBySideAsync(scaled, BenchSweeps.V2BaselineScale(), reference).ConfigureAwait(false));

        using (var devices = new Devices())
        using (var ilgpu = devices.Open(BackendChoice.IlgpuCpu, 0, out _))
        {
            var timing = await ComputeAsync(standard, ilgpu, IlgpuScenarios).ConfigureAwait(false);
            rows.Add(new($"default, first {IlgpuScenarios:N0}", "ilgpu-cpu", timing, standardLimit));
        }

        var folder = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), $"computegap-bench-{Environment.ProcessId}"));
        try
        {
            var standardRows = ComputeRows(standard, cpu);
            foreach (var compression in new[] { ParquetCompression.Snappy, ParquetCompression.Zstd(1), ParquetCompression.Zstd(3) })
            {
                rows.Add(await TimeWriterAsync(folder, $"default rows -> parquet {compression}", standard, standardRows, compression).ConfigureAwait(false));
            }

            var scaledRows = ComputeRows(scaled, cpu);
            rows.Add(await TimeWriterAsync(folder, $"{scaledName} rows -> parquet snappy", scaled, scaledRows, ParquetCompression.Snappy).ConfigureAwait(false));
            scaledRows = null; // an async method keeps its locals alive: let the 112 MB of rows go before the next run

            var endToEnd = Path.Combine(folder.FullName, "baseline-2m.parquet");
            var pipeline = await Timing.MeasureAsync(scaled.ScenarioCount, () => ComputeAndWriteAsync(endToEnd, scaled, cpu)).ConfigureAwait(false);
            rows.Add(new($"{scaledName} -> parquet snappy", "cpu+writer", pipeline, scaledLimit, "SweepRunner, 1M-row chunks"));
        }
        finally
        {
            folder.Delete(recursive: true);
        }

        ResultRow.Print(rows, output);
        output.WriteLine($"load average at end: {LoadAverage()}");
        return 0;
    }

    /// <summary>
    /// <c>-- quick</c>: model v1 and model v2 on their baselines at 2M scenarios, rows and aggregate
    /// mode, on both lane widths, with the reference: the figures a change to a model or the reduction
    /// moves, in a few minutes.
    /// </summary>
    public static async Task<int> RunQuickAsync(TextWriter output)
    {
        output.WriteLine($"load average at start: {LoadAverage()}");
        var scaled = BenchSweeps.BaselineScale();
        var check = ReferenceCheck.Run((scaled, scaled.ScenarioCount / 2, 8192));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"reference vs cpu: max deviation {check.MaxDeviation:G3}: {(check.Passed ? "OK" : "FAILED")}"));
        using var reference = new SpecialisedBackend();
        ResultRow.Print(await ModelsSideBySideAsync(scaled, BenchSweeps.V2BaselineScale(), reference).ConfigureAwait(false), output);
        output.WriteLine($"load average at end: {LoadAverage()}");
        return check.Passed ? 0 : 1;
    }

    /// <summary>
    /// Model v1 and model v2, 2M scenarios each, timed in turns in one measurement: compute to a null
    /// sink and aggregate mode (compute + block reduction), on 512-bit and 256-bit lanes, with the
    /// reference (v1, 256-bit) as the limit. v2's ratio to v1 is the cost of its market.
    /// </summary>
    private static async Task<List<ResultRow>> ModelsSideBySideAsync(SweepPlan v1, SweepPlan v2, SpecialisedBackend reference)
    {
        using var wide = new CpuBackend(lanes: CpuLanes.Vector512);
        using var narrow = new CpuBackend(lanes: CpuLanes.Vector);
        var options = new SweepOptions();
        Task Rows(SweepPlan plan, ISweepBackend backend) => SweepRunner.RunAsync(plan, backend, NullSink.Instance, options);
        Task Aggregate(SweepPlan plan, ISweepBackend backend) => AggregateRunner.RunAsync(plan, backend, (_, _) => Task.CompletedTask, options);
        var runs = new List<(string Workload, string Backend, Func<Task> Run, string Note)>
        {
            ("v1 baseline-2m", "reference", () => Rows(v1, reference), "hand-specialised v1, Vector<float>"),
            ("v1 baseline-2m", "cpu x16", () => Rows(v1, wide), "Vector512Lane"),
            ("v1 baseline-2m", "cpu x8", () => Rows(v1, narrow), "VectorLane"),
            ("v1 baseline-2m aggregate", "cpu x16", () => Aggregate(v1, wide), "compute + block reduction"),
            ("v2 baseline-2m", "cpu x16", () => Rows(v2, wide), "84 months"),
            ("v2 baseline-2m", "cpu x8", () => Rows(v2, narrow), "84 months"),
            ("v2 baseline-2m aggregate", "cpu x16", () => Aggregate(v2, wide), "compute + block reduction"),
            ("v2 baseline-2m aggregate", "cpu x8", () => Aggregate(v2, narrow), "compute + block reduction"),
        };
        var timings = await Timing.MeasureSideBySideAsync(v1.ScenarioCount, [.. runs.Select(r => r.Run)]).ConfigureAwait(false);
        var v1Aggregate = timings[3];
        return
        [
            .. runs.Select((r, i) => new ResultRow($"{r.Workload} ({v1.ScenarioCount:N0})", r.Backend, timings[i], timings[0],
                r.Workload.StartsWith("v2", StringComparison.Ordinal) && r.Workload.EndsWith("aggregate", StringComparison.Ordinal)
                    ? string.Create(CultureInfo.InvariantCulture, $"{r.Note}; {timings[i].MedianRate / v1Aggregate.MedianRate:F3} of v1 aggregate x16")
                    : r.Note)),
        ];
    }

    /// <summary>The 1, 5 and 15 minute load averages where the OS reports them (Linux), else "n/a".</summary>
    private static string LoadAverage()
    {
        const string path = "/proc/loadavg";
        return File.Exists(path) ? string.Join(' ', File.ReadAllText(path).Split(' ').Take(3)) : "n/a";
    }

    private static Task<Timing> ComputeAsync(SweepPlan plan, ISweepBackend backend, long count) =>
        Timing.MeasureAsync(count, () => SweepRunner.RunAsync(plan, backend, NullSink.Instance, new SweepOptions(Count: count)));

    /// <summary>The whole sweep on both backends, timed in turns.</summary>
    private static async Task<(Timing Backend, Timing Limit)> CompareAsync(SweepPlan plan, CpuBackend backend, SpecialisedBackend limit)
    {
        var options = new SweepOptions();
        var timings = await Timing.MeasureSideBySideAsync(
            plan.ScenarioCount,
            () => SweepRunner.RunAsync(plan, backend, NullSink.Instance, options),
            () => SweepRunner.RunAsync(plan, limit, NullSink.Instance, options)).ConfigureAwait(false);
        return (timings[0], timings[1]);
    }

    /// <summary>A sweep's whole row output, computed once, in runner-sized chunks.</summary>
    private static List<ChunkBuffers> ComputeRows(SweepPlan plan, CpuBackend cpu)
    {
        var chunks = new List<ChunkBuffers>();
        for (long first = 0; first < plan.ScenarioCount; first += SweepOptions.DefaultChunkSize)
        {
            var count = (int)Math.Min(SweepOptions.DefaultChunkSize, plan.ScenarioCount - first);
            var chunk = new ChunkBuffers(plan.OutcomeCount, count, 0) { First = first, Count = count };
            cpu.Compute(plan, first, count, chunk);
            chunks.Add(chunk);
        }

        return chunks;
    }

    /// <summary>Times writing precomputed rows to a file (create, a row group per chunk, fsync and rename on commit), then reads the file back to check it.</summary>
    private static async Task<ResultRow> TimeWriterAsync(DirectoryInfo folder, string workload, SweepPlan plan, List<ChunkBuffers> chunks, ParquetCompression compression)
    {
        var path = Path.Combine(folder.FullName, $"{plan.Spec.Name}-{compression.ToString().Replace(':', '-')}.parquet");
        var rows = chunks.Sum(c => (long)c.Count);
        var timing = await Timing.MeasureAsync(rows, async () =>
        {
            var sink = await ParquetRowSink.CreateAsync(path, plan, "cpu", compression).ConfigureAwait(false);
            await using (sink.ConfigureAwait(false))
            {
                foreach (var chunk in chunks)
                {
                    await sink.WriteAsync(plan, chunk, CancellationToken.None).ConfigureAwait(false);
                }

                await sink.CommitAsync().ConfigureAwait(false);
            }
        }).ConfigureAwait(false);
        await ParquetRowSink.VerifyAsync(path, plan, chunks).ConfigureAwait(false);
        return new ResultRow(workload, "writer", timing, null, $"{new FileInfo(path).Length / (double)rows:F1} B/row, read back OK");
    }

    private static async Task ComputeAndWriteAsync(string path, SweepPlan plan, CpuBackend backend)
    {
        var sink = await ParquetRowSink.CreateAsync(path, plan, backend.Name, ParquetCompression.Snappy).ConfigureAwait(false);
        await using (sink.ConfigureAwait(false))
        {
            await SweepRunner.RunAsync(plan, backend, sink, new SweepOptions()).ConfigureAwait(false);
            await sink.CommitAsync().ConfigureAwait(false);
        }
    }
}
