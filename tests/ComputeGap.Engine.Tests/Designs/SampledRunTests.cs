using ComputeGap.Engine.Backends;
using ComputeGap.Engine.Running;
using ComputeGap.Sweep.Spec;

namespace ComputeGap.Engine.Tests.Designs;

/// <summary>
/// Sampled designs run through the real backends: each scenario's values are a pure function of
/// (seed, index), so chunk sizes, threads and backends never change a bit, and every value matches
/// the design decoded on the host and the test function computed independently.
/// </summary>
public sealed class SampledRunTests
{
    /// <summary>Ishigami on a Latin hypercube of its three inputs, crossed with two values of its coefficient a.</summary>
    public static SweepPlan IshigamiPlan(string design, string thresholds = "[]") => new(SweepSpecParser.Parse($$"""
        { "model": "ishigami", "design": {{design}},
          "uncertain": [
            { "param": "x1", "uniform": { "from": -3.141592653589793, "to": 3.141592653589793 } },
            { "param": "x2", "triangular": { "min": -3.141592653589793, "mode": 1, "max": 3.141592653589793 } },
            { "param": "x3", "normal": { "mean": 0, "sd": 1.5, "min": -3.141592653589793, "max": 3.141592653589793 } } ],
          "levers": [ { "param": "a", "values": [7, 5] } ],
          "thresholds": {{thresholds}} }
        """, "ishigami.json"));

    public static TheoryData<string> Designs => new()
    {
        """{ "kind": "monte_carlo", "samples": 3000, "seed": 3 }""",
        """{ "kind": "lhs", "samples": 3000, "seed": 3 }""",
        """{ "kind": "sobol", "samples": 2048, "seed": 3 }""",
        """{ "kind": "saltelli", "samples": 256, "seed": 3, "second_order": true }""",
        """{ "kind": "morris", "trajectories": 300, "levels": 6, "seed": 3 }""",
    };

    [Theory]
    [MemberData(nameof(Designs))]
    public async Task EveryBackendChunkAndThreadCountGivesTheSameBits(string design)
    {
        var plan = IshigamiPlan(design);
        using var devices = new Devices();
        using var ilgpu = devices.Open(BackendChoice.IlgpuCpu, 0, out _);
        using var cpu = new CpuBackend();
        using var oneThread = new CpuBackend(maxThreads: 1, lanes: CpuLanes.Vector);
        var reference = await CollectingSink.RunAsync(plan, cpu, chunkSize: 1 << 20);
        var tiny = await CollectingSink.RunAsync(plan, oneThread, chunkSize: 37);
        var kernel = await CollectingSink.RunAsync(plan, ilgpu, chunkSize: 1000);
        Assert.Equal(reference.Outcomes[0], tiny.Outcomes[0]);
        for (var i = 0; i < plan.ScenarioCount; i++)
        {
            Assert.Equal(reference.Outcomes[0][i], kernel.Outcomes[0][i], 1e-5f);
        }
    }

    [Theory]
    [MemberData(nameof(Designs))]
    public async Task EachScenarioIsTheIshigamiFunctionOfItsDecodedValues(string design)
    {
        var plan = IshigamiPlan(design);
        using var cpu = new CpuBackend();
        var run = await CollectingSink.RunAsync(plan, cpu, chunkSize: 4096);
        var slots = new double[plan.FixedSlots.Length];
        for (var i = 0; i < plan.ScenarioCount; i += 7)
        {
            plan.Spec.FillSlots(i, slots);
            var (x1, x2, x3, a, b) = (slots[0], slots[1], slots[2], slots[3], slots[4]);
            var expected = Math.Sin(x1) + (a * Math.Sin(x2) * Math.Sin(x2)) + (b * Math.Pow(x3, 4) * Math.Sin(x1));
            Assert.Equal(expected, run.Outcomes[0][i], 1e-4);
            Assert.Equal(i < plan.Evaluations ? 7 : 5, a);
        }
    }
}
