using System.Globalization;
using ComputeGap.Core.Market;
using ComputeGap.Engine.Backends;
using ComputeGap.Engine.Running;
using ComputeGap.Sweep.Spec;
using ComputeGap.Tests.Shared;

namespace ComputeGap.Engine.Tests;

/// <summary>
/// Model v2 on every backend: cpu on both lane widths, ilgpu-cpu (the real ILGPU kernel) and the
/// independent float64 reference agree on a seeded random grid over every mechanism; the two lane
/// widths give the same bits; the series file's values add up.
/// </summary>
public sealed class MarketBackendTests
{
    /// <summary>A seeded random v2 grid: eight axes that switch the market's mechanisms on and off.</summary>
    private static SweepPlan RandomGrid(int seed, int horizon = 84)
    {
        var rng = new Random(seed);
        string Values(int n, double lo, double hi) =>
            string.Join(", ", Enumerable.Range(0, n).Select(_ => (lo + (rng.NextDouble() * (hi - lo))).ToString("R", CultureInfo.InvariantCulture)));
        var text = $$"""
        {
          "model": "v2", "name": "random-v2-{{seed}}", "horizon_months": {{horizon}},
          "set": { "diffusion_rule": 1, "diffusion_from": 6, "ree_controls_start": 3 },
          "axes": [
            { "param": "us_priority", "values": [{{Values(2, 0, 1)}}] },
            { "param": "ree_export_quota", "values": [{{Values(3, 0, 1)}}] },
            { "param": "price_adjustment", "values": [{{Values(2, 0, 1)}}] },
            { "param": "leakage", "values": [{{Values(2, 0, 0.6)}}] },
            { "param": "capex_growth[EU]", "values": [{{Values(2, 0, 2.5)}}] },
            { "param": "dc_power_growth[EU]", "values": [{{Values(2, 0.2, 3)}}] },
            { "param": "asml_controls", "values": [0, {{Values(1, 0.2, 1)}}] },
            { "param": "bubble_month", "values": [-1, {{rng.Next(0, horizon)}}] }
          ]
        }
        """;
        return new SweepPlan(SweepSpecParser.Parse(text, $"random-v2-{seed}.json"));
    }

    [Fact]
    public async Task Cpu_lanes_IlgpuCpu_and_the_reference_agree_on_a_random_grid()
    {
        var plan = RandomGrid(seed: 5);
        using var devices = new Devices();
        using var wide = new CpuBackend(lanes: CpuLanes.Vector512);
        using var narrow = new CpuBackend(lanes: CpuLanes.Vector);
        using var ilgpu = devices.Open(BackendChoice.IlgpuCpu, 0, out _);
        var fromWide = await CollectingSink.RunAsync(plan, wide, chunkSize: 100);
        var fromNarrow = await CollectingSink.RunAsync(plan, narrow, chunkSize: 77);
        var fromKernel = await CollectingSink.RunAsync(plan, ilgpu, chunkSize: 100);
        var infos = MarketOutcomes.Infos([.. Enumerable.Range(0, plan.Shape.Regions).Select(r => r.ToString(CultureInfo.InvariantCulture))]);
        for (long i = 0; i < plan.ScenarioCount; i++)
        {
            var scenario = MarketScenario.FromSlots(TestSweeps.Slots(plan, i), plan.Shape.Regions);
            var reference = MarketScenario.ReferenceOutcomes(ReferenceMarketModel.Run(scenario.ToReference(plan.Shape)), plan.Shape.Regions);
            OutcomeAssert.Close(reference, Row(fromWide, i), infos, $"cpu x16, scenario {i}");
            OutcomeAssert.Close(reference, Row(fromKernel, i), infos, $"ilgpu-cpu, scenario {i}");
            Assert.Equal(Row(fromWide, i), Row(fromNarrow, i));
        }
    }

    [Fact]
    public async Task Series_rows_hold_shares_that_sum_to_one_installed_compute_and_the_price()
    {
        var plan = RandomGrid(seed: 6, horizon: 24);
        using var cpu = new CpuBackend();
        var run = await CollectingSink.RunAsync(plan, cpu, chunkSize: 50, series: true);
        var (months, regions, width) = (plan.Shape.Months, plan.Shape.Regions, plan.SeriesWidth);
        Assert.Equal((2 * regions) + 1, width);
        Assert.Equal(plan.ScenarioCount * months * width, run.Series.Count);
        for (var i = 0; i < plan.ScenarioCount; i++)
        {
            for (var t = 0; t < months; t++)
            {
                var at = ((i * months) + t) * width;
                Assert.True(Math.Abs(1.0 - Enumerable.Range(0, regions).Sum(r => (double)run.Series[at + r])) < 1e-5, "shares sum to one");
                var installed = Enumerable.Range(0, regions).Sum(r => (double)run.Series[at + regions + r]);
                Assert.True(Math.Abs(run.Series[at] - (run.Series[at + regions] / installed)) < 1e-5, "share = installed / total");
                Assert.True(run.Series[at + (2 * regions)] > 0, "price");
            }

            var last = ((i * months) + months - 1) * width;
            for (var r = 0; r < regions; r++)
            {
                Assert.Equal(run.Outcomes[r][i], run.Series[last + r]);
                Assert.Equal(run.Outcomes[regions + r][i], run.Series[last + regions + r]);
            }
        }
    }

    [CudaFact]
    public async Task Cuda_agrees_with_cpu_on_model_v2()
    {
        var plan = RandomGrid(seed: 5);
        using var devices = new Devices();
        using var cpu = new CpuBackend();
        using var cuda = devices.Open(BackendChoice.Cuda, 0, out _);
        var a = await CollectingSink.RunAsync(plan, cpu, chunkSize: 1000);
        var b = await CollectingSink.RunAsync(plan, cuda, chunkSize: 1000);
        var infos = MarketOutcomes.Infos([.. Enumerable.Range(0, plan.Shape.Regions).Select(r => r.ToString(CultureInfo.InvariantCulture))]);
        for (long i = 0; i < plan.ScenarioCount; i++)
        {
            OutcomeAssert.Close([.. Row(a, i).Select(v => (double)v)], Row(b, i), infos, $"cuda, scenario {i}");
        }
    }

    private static float[] Row(CollectingSink sink, long i) => [.. sink.Outcomes.Select(column => column[i])];
}
