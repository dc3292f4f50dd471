using System.Globalization;
using ComputeGap.Engine.Running;
using ComputeGap.Sweep.Spec;

namespace ComputeGap.Engine.Tests;

/// <summary>Sweeps for backend tests: a seeded random grid over parameters that change every step of the model.</summary>
public static class TestSweeps
{
    public static SweepPlan RandomGrid(int seed, int horizon = 72, int demandValues = 1, string thresholds = "[]")
    {
        var rng = new Random(seed);
        string Values(int n, double lo, double hi) =>
            string.Join(", ", Enumerable.Range(0, n).Select(_ => (lo + (rng.NextDouble() * (hi - lo))).ToString("R", CultureInfo.InvariantCulture)));

        var text = $$"""
        {
          "model": "v1", "name": "random-{{seed}}",
          "horizon_months": {{horizon}},
          "set": { "diffusion_rule": 1, "us_priority": 0.3 },
          "thresholds": {{thresholds}},
          "axes": [
            { "param": "supply_growth", "values": [{{Values(3, 0.1, 1.5)}}] },
            { "param": "ree_export_quota", "values": [{{Values(3, 0, 1)}}] },
            { "param": "dc_growth[EU]", "values": [{{Values(3, 0.1, 1.2)}}] },
            { "param": "leakage", "values": [{{Values(2, 0, 1)}}] },
            { "param": "bubble_month", "values": [-1, {{rng.Next(0, horizon)}}] },
            { "param": "tier2_cap", "values": [{{Values(2, 1e3, 2e5)}}] },
            { "param": "ree_stock_months", "values": [{{Values(3, 0, 8)}}] },
            { "param": "demand_growth", "values": [{{Values(demandValues, 0.2, 1.4)}}] }
          ]
        }
        """;
        return new SweepPlan(SweepSpecParser.Parse(text, $"random-{seed}.json"));
    }

    /// <summary>The float32 parameter slots scenario <paramref name="index"/> runs with, for the reference model.</summary>
    public static double[] Slots(SweepPlan plan, long index)
    {
        var slots = plan.FixedSlots.Select(v => (double)v).ToArray();
        for (var a = 0; a < plan.AxisSlots.Length; a++)
        {
            slots[plan.AxisSlots[a]] = plan.AxisValue(a, index);
        }

        return slots;
    }
}
