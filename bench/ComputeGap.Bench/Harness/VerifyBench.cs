using System.Globalization;
using ComputeGap.Engine.Aggregation;
using ComputeGap.Engine.Backends;
using ComputeGap.Engine.Output;
using ComputeGap.Engine.Running;
using ComputeGap.IO.Reports;
using ComputeGap.Sweep.Spec;

namespace ComputeGap.Bench.Harness;

/// <summary>
/// <c>-- verify</c>: what checking a run against its manifests costs beside summarising it. Writes a
/// 10,000,000-row run of model v2 (24 months, parts of 2^20 rows) once, then measures side by side,
/// three times each: verification alone (every part's size and XxHash128, the manifest's seal) and
/// the report from the rows (load and summarise, rendered to nowhere), as <c>summarize</c> does them.
/// </summary>
internal static class VerifyBench
{
    private const string Sweep = """
        { "model": "v2", "name": "verify-10m", "horizon_months": 24,
          "axes": [ { "param": "us_priority", "range": { "from": 0, "to": 1, "count": 100 } },
                    { "param": "leakage", "range": { "from": 0, "to": 0.5, "count": 100 } },
                    { "param": "ree_export_quota", "range": { "from": 0, "to": 1, "count": 1000 } } ] }
        """;

    public static async Task<int> RunAsync(TextWriter output)
    {
        var directory = Path.Combine(Path.GetTempPath(), "computegap-bench-verify");
        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }

        try
        {
            var spec = SweepSpecParser.Parse(Sweep, "bench/verify-10m.json");
            using (var devices = new Devices())
            {
                var written = await SweepJob.RunAsync(new SweepRequest(spec, directory, BackendChoice.Cpu, Output: OutputMode.Rows), devices).ConfigureAwait(false);
                output.WriteLine($"machine: {Environment.ProcessorCount} cores, .NET {Environment.Version}; wrote {written.Scenarios:N0} rows in {written.Elapsed.TotalSeconds:F1} s");
            }

            var bytes = Directory.GetFiles(directory, "*.parquet").Sum(f => new FileInfo(f).Length);
            var timings = await Timing.MeasureSideBySideAsync(
                spec.ScenarioCount,
                () => Task.Run(() => RunVerifier.Verify(directory)),
                async () => SummaryReport.Write(await SummaryLoader.LoadAsync(directory, CancellationToken.None).ConfigureAwait(false), ReportFormat.Json, TextWriter.Null)).ConfigureAwait(false);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{Directory.GetFiles(directory, "*.parquet").Length} parts, {bytes / 1e6:F0} MB of Parquet"));
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"verify (sizes, XxHash128, seal): median {timings[0].Median:F3} s ({bytes / 1e9 / timings[0].Median:F2} GB/s)"));
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"summarize from the rows:          median {timings[1].Median:F3} s"));
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"verification / summarize:         {timings[0].Median / timings[1].Median:P1} (target at most 10 %)"));
            return 0;
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
