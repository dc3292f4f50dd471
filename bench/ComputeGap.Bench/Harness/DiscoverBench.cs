using System.Diagnostics;
using System.Globalization;
using ComputeGap.Engine.Aggregation;
using ComputeGap.Engine.Backends;
using ComputeGap.Engine.Output;
using ComputeGap.Engine.Running;
using ComputeGap.IO.Discovery;
using ComputeGap.IO.Parquet;
using ComputeGap.Sweep.Spec;

namespace ComputeGap.Bench.Harness;

/// <summary>
/// <c>-- discover [ROWS] [GRID]</c>: scenario discovery at scale, side by side. Writes a run of model v2
/// (24 months, four axes, 10^8 rows by default) and a grid of the same axes as aggregates with the
/// condition's bitmap (<c>sweep --where</c>, 10^9 scenarios by default), then times, each in a fresh
/// process so its peak resident memory is its own: reading the columns discovery reads from the rows
/// (the I/O floor), the whole of <c>computegap discover</c> on the rows (condition, coding, PRIM with
/// quasi-p values, 20 resamples, regional sensitivity), and the same on the grid's bitmap. Prints
/// seconds and peak resident set (VmHWM) of each.
/// </summary>
internal static class DiscoverBench
{
    private const string Where = "rival_ratio < 12 and share_EU < 0.0265";

    public static async Task<int> RunAsync(TextWriter output, string[] args)
    {
        var rows = args.Length > 0 ? long.Parse(args[0], NumberStyles.Float, CultureInfo.InvariantCulture) : 100_000_000L;
        var gridSize = args.Length > 1 ? long.Parse(args[1], NumberStyles.Float, CultureInfo.InvariantCulture) : 1_000_000_000L;
        if (rows % 100_000 != 0 || rows < 100_000 || gridSize % 100_000 != 0 || gridSize < 100_000)
        {
            await output.WriteLineAsync("ROWS and GRID must be multiples of 100,000").ConfigureAwait(false);
            return 2;
        }

        var directory = Path.Combine(Path.GetTempPath(), "computegap-bench-discover");
        var gridDirectory = directory + "-grid";
        foreach (var old in new[] { directory, gridDirectory }.Where(Directory.Exists))
        {
            Directory.Delete(old, recursive: true);
        }

        try
        {
            var spec = SweepSpecParser.Parse(SweepOf(rows), "bench/discover.json");
            using (var devices = new Devices())
            {
                var written = await SweepJob.RunAsync(new SweepRequest(spec, directory, BackendChoice.Cpu, Output: OutputMode.Rows, RowLimit: rows), devices).ConfigureAwait(false);
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"machine: {Environment.ProcessorCount} cores, .NET {Environment.Version}; wrote {written.Scenarios:N0} rows in {written.Elapsed.TotalSeconds:F0} s, {Directory.GetFiles(directory, "*.parquet").Sum(f => new FileInfo(f).Length) / 1e9:F1} GB of Parquet"));
            }

            output.WriteLine($"condition: {Where}; inputs: the run's four axes");
            foreach (var step in new[] { "read", "discover" })
            {
                output.WriteLine($"rows {step,-9} {await ChildAsync(step, directory).ConfigureAwait(false)}");
            }

            var gridSpec = SweepSpecParser.Parse(SweepOf(gridSize), "bench/discover-grid.json");
            using (var devices = new Devices())
            {
                var written = await SweepJob.RunAsync(new SweepRequest(gridSpec, gridDirectory, BackendChoice.Cpu, Output: OutputMode.Aggregate, Where: Where), devices).ConfigureAwait(false);
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"wrote a grid of {written.Scenarios:N0} scenarios as aggregates with the bitmap in {written.Elapsed.TotalSeconds:F0} s, {Directory.GetFiles(gridDirectory, "*.parquet").Sum(f => new FileInfo(f).Length) / 1e6:F0} MB of Parquet"));
            }

            output.WriteLine($"bits {"discover",-9} {await ChildAsync("bits", gridDirectory).ConfigureAwait(false)}");
            return 0;
        }
        finally
        {
            foreach (var old in new[] { directory, gridDirectory }.Where(Directory.Exists))
            {
                Directory.Delete(old, recursive: true);
            }
        }
    }

    /// <summary>The child process: one step over the run in <paramref name="args"/>[1], then its seconds and peak memory on one line.</summary>
    public static async Task<int> ChildAsync(TextWriter output, string[] args)
    {
        var (step, directory) = (args[0], args[1]);
        var clock = Stopwatch.StartNew();
        string detail;
        if (step == "bits")
        {
            var state = await AggregateState.ReadAsync(directory, CancellationToken.None).ConfigureAwait(false);
            var grid = state.Bitmap();
            var found = ScenarioDiscovery.Run(grid, state.Where!.Condition, new DiscoveryRequest(Where, null, new PrimOptions()), state.Metadata, directory);
            output.WriteLine(FormattableString.Invariant($"{clock.Elapsed.TotalSeconds,6:F1} s, peak resident {ChildRuns.PeakResidentGb():F2} GB: {Describe(found)}"));
            return 0;
        }

        var parts = await ParquetParts.OpenAsync(RowSources.Resolve(directory)).ConfigureAwait(false);
        if (step == "read")
        {
            var condition = WhereParser.Parse(Where);
            var inputs = ScenarioDiscovery.DefaultInputs(parts, condition);
            long checksum = 0;
            foreach (var name in condition.Columns.Concat(inputs))
            {
                checksum += (await parts.ReadColumnAsync(name).ConfigureAwait(false)).Length;
            }

            detail = $"{checksum / parts.RowTotal} columns of {parts.RowTotal:N0} rows";
        }
        else
        {
            detail = Describe(await ScenarioDiscovery.RunAsync(parts, new DiscoveryRequest(Where, null, new PrimOptions()), directory).ConfigureAwait(false));
        }

        output.WriteLine(FormattableString.Invariant($"{clock.Elapsed.TotalSeconds,6:F1} s, peak resident {ChildRuns.PeakResidentGb():F2} GB: {detail}"));
        return 0;
    }

    private static string Describe(DiscoveryResult result)
    {
        var box = result.Prim.Trajectory[result.Chosen];
        var restricted = string.Join(", ", result.Prim.RestrictedInputs(result.Chosen).Select(k => $"{result.Prim.Inputs[k].Name} {DiscoveryReport.Limits(result.Prim, result.Chosen, k)}"));
        return FormattableString.Invariant($"{result.Prim.CasesOfInterest:N0} of {result.Prim.Cases:N0} cases of interest; {result.Prim.Trajectory.Count} boxes; box {result.Chosen}: coverage {box.Coverage:P1}, density {box.Density:P1}, {restricted}");
    }

    private static Task<string> ChildAsync(string step, string directory) => ChildRuns.RunAsync("discover-child", step, directory);

    private static string SweepOf(long rows) => $$"""
        { "model": "v2", "name": "discover-bench", "horizon_months": 24,
          "axes": [ { "param": "us_priority", "range": { "from": 0, "to": 1, "count": 10 } },
                    { "param": "leakage", "range": { "from": 0, "to": 0.5, "count": 100 } },
                    { "param": "ree_export_quota", "range": { "from": 0, "to": 1, "count": 100 } },
                    { "param": "capex_growth[EU]", "range": { "from": 0.5, "to": 2, "count": {{rows / 100_000}} } } ] }
        """;
}
