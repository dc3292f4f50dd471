using System.Globalization;
using System.Text;
using ComputeGap.Engine.Aggregation;
using ComputeGap.Engine.Backends;
using ComputeGap.Engine.Output;
using ComputeGap.Engine.Running;
using ComputeGap.Sweep.Spec;

namespace ComputeGap.Bench.Harness;

/// <summary>
/// <c>-- designs</c>: what a sampled design costs against a grid, model v2 with the same 20
/// parameters, measured side by side on the CPU backend (rows mode, outcomes discarded, so the figure
/// is compute and decode alone); then the whole Sobol job of issue 9's benchmark (20 uncertain
/// parameters, N = 2^16 base samples) in aggregate mode, with its sensitivity sums.
/// </summary>
internal static class DesignBench
{
    /// <summary>The 20 parameters and their ranges (as in bench/sweeps/v2-sobol-20x65536.json).</summary>
    private static readonly (string Param, double From, double To)[] Parameters =
    [
        ("ree_export_quota", 0, 1), ("fab_capacity_growth", 1.5, 4), ("capex0[EU]", 1e8, 2e9), ("leakage", 0, 0.4),
        ("bubble_cut", 0.2, 0.8), ("demand_growth", 4, 12), ("capex_growth[EU]", 0.5, 1.6), ("dc_power_growth[EU]", 0.8, 2.8),
        ("h100e_per_mw_growth", 0.2, 0.6), ("price_floor_decline", 0.2, 0.5), ("markup0", 2.5, 5), ("us_priority", 0, 1),
        ("ree_stock_months", 0, 8), ("ree_criticality", 0.05, 0.3), ("domestic_wafer_growth", 0.2, 1), ("domestic_hbm_growth", 0.6, 2),
        ("chip_life_years", 3, 7), ("cloud_export_share", 0.3, 0.9), ("compute_efficiency[CN]", 0.2, 0.8), ("smuggling_premium", 0.2, 1),
    ];

    public static async Task<int> RunAsync(TextWriter output)
    {
        output.WriteLine($"machine: {Environment.ProcessorCount} cores, .NET {Environment.Version}; model v2, 20 parameters, cpu backend, rows computed and discarded");
        var plans = new (string Name, SweepPlan Plan)[]
        {
            ("grid 2^20 (20 axes x 2 values)", Grid()),
            ("monte_carlo N = 2^20", Sampled("""{ "kind": "monte_carlo", "samples": 1048576, "seed": 1 }""")),
            ("lhs N = 2^20", Sampled("""{ "kind": "lhs", "samples": 1048576, "seed": 1 }""")),
            ("sobol N = 2^20", Sampled("""{ "kind": "sobol", "samples": 1048576, "seed": 1 }""")),
            ("saltelli N = 2^15 (720,896 rows)", Sampled("""{ "kind": "saltelli", "samples": 32768, "seed": 1 }""")),
            ("morris r = 49,932 (1,048,572 rows)", Sampled("""{ "kind": "morris", "trajectories": 49932, "levels": 4, "seed": 1 }""")),
        };

        using var cpu = new CpuBackend();
        var timings = await Timing.MeasureSideBySideAsync(
            1,
            [.. plans.Select(p => (Func<Task>)(() => SweepRunner.RunAsync(p.Plan, cpu, NullSink.Instance, new SweepOptions(ChunkSize: 1 << 20))))]).ConfigureAwait(false);
        var gridRate = plans[0].Plan.ScenarioCount / timings[0].Median;
        output.WriteLine($"{"design",-36} {"scenarios",10} {"median s",9} {"M/s",7} {"of grid",8}");
        for (var i = 0; i < plans.Length; i++)
        {
            var rate = plans[i].Plan.ScenarioCount / timings[i].Median;
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{plans[i].Name,-36} {plans[i].Plan.ScenarioCount,10:N0} {timings[i].Median,9:F3} {rate / 1e6,7:F3} {rate / gridRate,8:F3}"));
        }

        var sobol = Sampled("""{ "kind": "saltelli", "samples": 65536, "seed": 1 }""");
        var job = await Timing.MeasureAsync(sobol.ScenarioCount, () => AggregateAsync(sobol, cpu)).ConfigureAwait(false);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Sobol indices of model v2, 20 parameters, N = 2^16 ({sobol.ScenarioCount:N0} evaluations), aggregate mode with sensitivity sums: {job.Median:F2} s ({job.MedianRate / 1e6:F3} M/s)"));
        return 0;
    }

    private static async Task AggregateAsync(SweepPlan plan, ISweepBackend backend)
    {
        var state = await AggregateRunner.StateAsync(plan, backend, new SweepOptions(ChunkSize: 1 << 20)).ConfigureAwait(false);
        _ = state.ToSummary(OutputMetadata.For(plan, "cpu", "cpu", DateTimeOffset.UnixEpoch)).Sensitivity;
    }

    private static SweepPlan Grid()
    {
        var axes = string.Join(", ", Parameters.Select(p => string.Create(CultureInfo.InvariantCulture, $$"""{ "param": "{{p.Param}}", "values": [{{p.From}}, {{p.To}}] }""")));
        return new SweepPlan(SweepSpecParser.Parse($$"""{ "model": "v2", "name": "bench-grid-20", "axes": [ {{axes}} ] }""", "bench/grid-20.json"));
    }

    private static SweepPlan Sampled(string design)
    {
        var uncertain = new StringBuilder();
        foreach (var (param, from, to) in Parameters)
        {
            uncertain.Append(uncertain.Length > 0 ? ", " : string.Empty)
                .Append(CultureInfo.InvariantCulture, $$"""{ "param": "{{param}}", "uniform": { "from": {{from}}, "to": {{to}} } }""");
        }

        return new SweepPlan(SweepSpecParser.Parse($$"""{ "model": "v2", "name": "bench-design-20", "design": {{design}}, "uncertain": [ {{uncertain}} ] }""", "bench/design-20.json"));
    }
}
