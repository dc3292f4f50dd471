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
    /// <summary>Scenarios ilgpu-cpu is timed on: it is about an order of magnitude slower.</summary>
    private const int IlgpuScenarios = 16_384;

    public static async Task<int> RunAsync(TextWriter output)
    {
        output.WriteLine($"machine: {Environment.ProcessorCount} cores, Vector<float> x{Vector<float>.Count} (hardware: {Vector.IsHardwareAccelerated}), AVX-512F: {Avx512F.IsSupported}, .NET {Environment.Version}");
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
        var standardLimit = await ComputeAsync(standard, reference, standard.ScenarioCount).ConfigureAwait(false);
        var scaledLimit = await ComputeAsync(scaled, reference, scaled.ScenarioCount).ConfigureAwait(false);
        var name = $"default ({standard.ScenarioCount:N0})";
        var scaledName = $"baseline-2m ({scaled.ScenarioCount:N0})";

        rows.Add(new(name, "cpu", await ComputeAsync(standard, cpu, standard.ScenarioCount).ConfigureAwait(false), standardLimit));
        rows.Add(new(name, "reference", standardLimit, standardLimit));
        rows.Add(new(scaledName, "cpu", await ComputeAsync(scaled, cpu, scaled.ScenarioCount).ConfigureAwait(false), scaledLimit));
        rows.Add(new(scaledName, "reference", scaledLimit, scaledLimit));

        using (var devices = new Devices())
        using (var ilgpu = devices.Open(BackendChoice.IlgpuCpu, 0, out _))
        {
            var timing = await ComputeAsync(standard, ilgpu, IlgpuScenarios).ConfigureAwait(false);
            rows.Add(new($"default, first {IlgpuScenarios:N0}", "ilgpu-cpu", timing, standardLimit));
        }

        var folder = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), $"computegap-bench-{Environment.ProcessId}"));
        try
        {
            var chunk = new ChunkBuffers(standard.OutcomeCount, (int)standard.ScenarioCount, 0) { Count = (int)standard.ScenarioCount };
            cpu.Compute(standard, 0, chunk.Count, chunk);
            foreach (var compression in new[] { ParquetCompression.Snappy, ParquetCompression.Zstd(1), ParquetCompression.Zstd(3) })
            {
                var path = Path.Combine(folder.FullName, $"default-{compression.ToString().Replace(':', '-')}.parquet");
                var timing = await Timing.MeasureAsync(chunk.Count, () => WriteAsync(path, standard, chunk, compression)).ConfigureAwait(false);
                rows.Add(new($"default rows -> parquet {compression}", "writer", timing, null, $"{new FileInfo(path).Length / (double)chunk.Count:F1} B/row"));
            }

            var endToEnd = Path.Combine(folder.FullName, "baseline-2m.parquet");
            var pipeline = await Timing.MeasureAsync(scaled.ScenarioCount, () => ComputeAndWriteAsync(endToEnd, scaled, cpu)).ConfigureAwait(false);
            rows.Add(new($"{scaledName} -> parquet snappy", "cpu+writer", pipeline, scaledLimit, "SweepRunner, 1M-row chunks"));
        }
        finally
        {
            folder.Delete(recursive: true);
        }

        ResultRow.Print(rows, output);
        return 0;
    }

    private static Task<Timing> ComputeAsync(SweepPlan plan, ISweepBackend backend, long count) =>
        Timing.MeasureAsync(count, () => SweepRunner.RunAsync(plan, backend, NullSink.Instance, new SweepOptions(Count: count)));

    private static async Task WriteAsync(string path, SweepPlan plan, ChunkBuffers chunk, ParquetCompression compression)
    {
        var sink = await ParquetRowSink.CreateAsync(path, plan, "cpu", compression).ConfigureAwait(false);
        await using (sink.ConfigureAwait(false))
        {
            await sink.WriteAsync(plan, chunk, CancellationToken.None).ConfigureAwait(false);
            await sink.CommitAsync().ConfigureAwait(false);
        }
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
