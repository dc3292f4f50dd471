using System.Diagnostics;
using System.Globalization;
using ComputeGap.Engine.Aggregation;
using ComputeGap.Engine.Backends;
using ComputeGap.Engine.Output;
using ComputeGap.Engine.Running;
using ComputeGap.IO.Parquet;
using ComputeGap.IO.Reports;
using ComputeGap.Sweep.Spec;

namespace ComputeGap.Bench.Harness;

/// <summary>
/// <c>-- summarize [ROWS] [BOTH]</c>: the memory of summarising rows. Writes a run of model v2 (24 months,
/// three axes, 32 outcome columns) of BOTH rows (10^7 by default) and, each in a fresh process, side by
/// side: the summary with the whole table in memory (as <c>summarize</c> did) and one column at a time
/// from the parts (as it does now); then a run of ROWS rows (5 × 10^7, the default row limit) summarised
/// one column at a time. Prints seconds and peak resident set (VmHWM) of each; the reports must agree.
/// </summary>
internal static class SummarizeBench
{
    public static async Task<int> RunAsync(TextWriter output, string[] args)
    {
        var rows = args.Length > 0 ? long.Parse(args[0], NumberStyles.Float, CultureInfo.InvariantCulture) : 50_000_000L;
        var both = args.Length > 1 ? long.Parse(args[1], NumberStyles.Float, CultureInfo.InvariantCulture) : 10_000_000L;
        output.WriteLine($"machine: {Environment.ProcessorCount} cores, .NET {Environment.Version}");
        foreach (var (count, steps) in new[] { (both, new[] { "table", "columns" }), (rows, new[] { "columns" }) })
        {
            var directory = Path.Combine(Path.GetTempPath(), $"computegap-bench-summarize-{count}");
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }

            try
            {
                using (var devices = new Devices())
                {
                    var spec = SweepSpecParser.Parse(SweepOf(count), "bench/summarize.json");
                    var written = await SweepJob.RunAsync(new SweepRequest(spec, directory, BackendChoice.Cpu, Output: OutputMode.Rows, RowLimit: count), devices).ConfigureAwait(false);
                    output.WriteLine(FormattableString.Invariant($"wrote {written.Scenarios:N0} rows in {written.Elapsed.TotalSeconds:F0} s, {Directory.GetFiles(directory, "*.parquet").Sum(f => new FileInfo(f).Length) / 1e9:F1} GB of Parquet"));
                }

                foreach (var step in steps)
                {
                    output.WriteLine($"  {step,-8} {await ChildRuns.RunAsync("summarize-child", step, directory).ConfigureAwait(false)}");
                }
            }
            finally
            {
                Directory.Delete(directory, recursive: true);
            }
        }

        return 0;
    }

    /// <summary>The child: one way of summarising, then its seconds, peak memory and a digest of the JSON report.</summary>
    public static async Task<int> ChildAsync(TextWriter output, string[] args)
    {
        var (step, directory) = (args[0], args[1]);
        var clock = Stopwatch.StartNew();
        var data = step == "table"
            ? SummaryData.FromTable(await ParquetTableReader.ReadAsync(directory, SummaryLoader.SeriesSuffix).ConfigureAwait(false))
            : await SummaryLoader.LoadAsync(directory, CancellationToken.None).ConfigureAwait(false);
        using var text = new StringWriter();
        SummaryReport.Write(data, ReportFormat.Json, text);
        var digest = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text.ToString())))[..12];
        output.WriteLine(FormattableString.Invariant($"{clock.Elapsed.TotalSeconds,6:F1} s, peak resident {ChildRuns.PeakResidentGb():F2} GB, report sha256 {digest}"));
        return 0;
    }

    private static string SweepOf(long rows) => $$"""
        { "model": "v2", "name": "summarize-bench", "horizon_months": 24,
          "axes": [ { "param": "us_priority", "range": { "from": 0, "to": 1, "count": 10 } },
                    { "param": "leakage", "range": { "from": 0, "to": 0.5, "count": 100 } },
                    { "param": "ree_export_quota", "range": { "from": 0, "to": 1, "count": {{rows / 1000}} } } ] }
        """;
}
