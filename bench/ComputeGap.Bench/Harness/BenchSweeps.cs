using ComputeGap.Engine.Running;
using ComputeGap.Sweep.Spec;

namespace ComputeGap.Bench.Harness;

/// <summary>The sweeps the harness and the benchmarks time.</summary>
internal static class BenchSweeps
{
    /// <summary>
    /// The baseline's shape (72 months, 5 regions) at production scale: the default sweep's five
    /// axes, finer, 16 × 13 × 31 × 31 × 10 = 1,998,880 scenarios.
    /// </summary>
    private const string BaselineScaleText = """
        {
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

    /// <summary>The built-in default sweep (data/sweeps/default.json, 78,078 scenarios).</summary>
    public static SweepPlan Default() => new(SweepSpecParser.BuiltInDefault());

    /// <summary>The ~2M-scenario sweep on the baseline's shape.</summary>
    public static SweepPlan BaselineScale() => new(SweepSpecParser.Parse(BaselineScaleText, "bench/baseline-2m.json"));
}
