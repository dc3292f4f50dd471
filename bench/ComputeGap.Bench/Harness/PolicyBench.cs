using System.Globalization;
using ComputeGap.Engine.Backends;
using ComputeGap.Engine.Running;
using ComputeGap.Sweep.Spec;

namespace ComputeGap.Bench.Harness;

/// <summary>
/// <c>-- policies</c>: what comparing the policies costs aggregate mode on the CPU. The same sampled
/// design with levers run whole into an aggregate state in scenario order (no comparison) and in future
/// order (windows held until every policy's futures are in, then reduced into the comparison), side by side;
/// then the comparison alone, on one window of every policy's outcomes computed beforehand.
/// </summary>
internal static class PolicyBench
{
    private static readonly (string Name, string Spec)[] Sweeps =
    [
        ("v2 drivers-of-eu-share (saltelli, 4 policies)", File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "data", "sweeps", "designs", "drivers-of-eu-share.json"))),
        ("v2 monte_carlo 2^20 x 4 policies", """
            { "model": "v2", "design": { "kind": "monte_carlo", "samples": 1048576, "seed": 1 },
              "uncertain": [ { "param": "ree_export_quota", "uniform": { "from": 0, "to": 1 } },
                             { "param": "capex0[EU]", "log_uniform": { "from": 1e8, "to": 2e9 } } ],
              "levers": [ { "param": "us_priority", "values": [0, 1] }, { "param": "diffusion_rule", "values": [0, 1] } ] }
            """),
        ("ishigami monte_carlo 2^22 x 4 policies", """
            { "model": "ishigami", "design": { "kind": "monte_carlo", "samples": 4194304, "seed": 1 },
              "uncertain": [ { "param": "x1", "uniform": { "from": -3.14159, "to": 3.14159 } },
                             { "param": "x2", "uniform": { "from": -3.14159, "to": 3.14159 } },
                             { "param": "x3", "uniform": { "from": -3.14159, "to": 3.14159 } } ],
              "levers": [ { "param": "a", "values": [7, 5, 3, 1] } ] }
            """),
    ];

    public static async Task<int> RunAsync(TextWriter output)
    {
        output.WriteLine($"machine: {Environment.ProcessorCount} cores, .NET {Environment.Version}; cpu backend, aggregate mode, whole runs into one state");
        output.WriteLine($"{"sweep",-48} {"scenarios",10} {"window",8} {"scenario order M/s",18} {"future order M/s",16} {"ratio",6} {"comparison alone M/s",17}");
        using var cpu = new CpuBackend();
        foreach (var (name, text) in Sweeps)
        {
            var plan = new SweepPlan(SweepSpecParser.Parse(text, "bench.json"));
            var order = AggregateRunner.OrderFor(plan.Spec);
            if (!order.IsFutures)
            {
                output.WriteLine($"{name}: not in future order");
                return 1;
            }

            var timings = await Timing.MeasureSideBySideAsync(
                plan.ScenarioCount,
                () => AggregateRunner.StateAsync(plan, cpu, new SweepOptions()),
                () => AggregateRunner.StateAsync(plan, cpu, new SweepOptions(Order: order))).ConfigureAwait(false);

            // The comparison alone, on one window's outcomes (each combination's, computed once).
            var window = (int)order.Window;
            var shape = Engine.Aggregation.AggregateShape.From(plan, AggregateBuffers.LayoutFor(plan));
            var chunks = Enumerable.Range(0, (int)order.Combinations).Select(c =>
            {
                var chunk = new ChunkBuffers(plan.OutcomeCount, window, 0) { First = c * plan.Evaluations, Count = window };
                cpu.Compute(plan, c * plan.Evaluations, window, chunk);
                return chunk;
            }).ToArray();
            var alone = await Timing.MeasureAsync(order.GroupSize, () =>
            {
                var policies = new Engine.Aggregation.PolicyState(shape, AggregateBuffers.ComparedFor(plan), window);
                for (var c = 0; c < chunks.Length; c++)
                {
                    policies.Add(chunks[c].Outcomes, c * plan.Evaluations, window);
                }

                policies.Settle();

                return Task.CompletedTask;
            }).ConfigureAwait(false);
            output.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"{name,-48} {plan.ScenarioCount,10} {order.Window,8} {timings[0].MedianRate / 1e6,18:F3} {timings[1].MedianRate / 1e6,16:F3} {timings[1].MedianRate / timings[0].MedianRate,6:F3} {alone.MedianRate / 1e6,17:F1}"));
        }

        return 0;
    }
}
