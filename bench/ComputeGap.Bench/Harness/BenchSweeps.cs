using ComputeGap.Engine.Running;
using ComputeGap.Sweep.Spec;

namespace ComputeGap.Bench.Harness;

/// <summary>The sweeps the harness and the benchmarks time.</summary>
internal static class BenchSweeps
{
    /// <summary>
    /// Model v1's baseline shape (72 months, 5 regions) at production scale: v1's default sweep's five
    /// axes, finer, 16 × 13 × 31 × 31 × 10 = 1,998,880 scenarios.
    /// </summary>
    private const string BaselineScaleText = """
        {
          "model": "v1",
          "name": "bench-baseline-2m",
          "description": "Throughput workload: the default sweep's axes on a finer grid.",
          "axes": [
            { "param": "ree_export_quota", "range": { "from": 0, "to": 1, "count": 16 } },
            { "param": "ree_stock_months", "values": [0, 1, 2, 3, 4, 5, 6, 8, 9, 10, 12, 15, 18] },
            { "param": "supply_growth", "range": { "from": 0.3, "to": 1.5, "count": 31 } },
            { "param": "dc_growth[EU]", "range": { "from": 0.2, "to": 1.4, "count": 31 } },
            { "param": "leakage", "range": { "from": 0, "to": 0.5, "count": 10 } }
          ]
        }
        """;

    /// <summary>
    /// Model v2's baseline shape (84 months, 5 regions) at the same scale: its default sweep's main
    /// uncertainties, 16 × 13 × 31 × 31 × 10 = 1,998,880 scenarios.
    /// </summary>
    private const string V2BaselineScaleText = """
        {
          "model": "v2",
          "name": "bench-v2-baseline-2m",
          "description": "Throughput workload: model v2 on its baseline, the default sweep's main uncertainties on a fine grid.",
          "axes": [
            { "param": "ree_export_quota", "range": { "from": 0, "to": 1, "count": 16 } },
            { "param": "us_priority", "range": { "from": 0, "to": 1, "count": 13 } },
            { "param": "fab_capacity_growth", "range": { "from": 1.5, "to": 4, "count": 31 } },
            { "param": "capex_growth[EU]", "range": { "from": 0.5, "to": 2, "count": 31 } },
            { "param": "leakage", "range": { "from": 0, "to": 0.5, "count": 10 } }
          ]
        }
        """;

    /// <summary>Model v1's default sweep (data/sweeps/v1/default.json, 78,078 scenarios), which the reference model specialises.</summary>
    public static SweepPlan Default() => new(SweepSpecParser.Load(Path.Combine(AppContext.BaseDirectory, "data", "v1-default.json")));

    /// <summary>The ~2M-scenario sweep on model v1's baseline shape.</summary>
    public static SweepPlan BaselineScale() => new(SweepSpecParser.Parse(BaselineScaleText, "bench/baseline-2m.json"));

    /// <summary>The ~2M-scenario sweep on model v2's baseline.</summary>
    public static SweepPlan V2BaselineScale() => new(SweepSpecParser.Parse(V2BaselineScaleText, "bench/v2-baseline-2m.json"));
}
