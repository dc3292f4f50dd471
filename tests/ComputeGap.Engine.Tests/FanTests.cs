using ComputeGap.Core.Reduction;
using ComputeGap.Engine.Aggregation;
using ComputeGap.Engine.Backends;
using ComputeGap.Engine.Running;

namespace ComputeGap.Engine.Tests;

/// <summary>Aggregate fan charts: per month and region, sketch quantiles of the shares against the exact series.</summary>
public sealed class FanTests
{
    [Fact]
    public async Task FanQuantilesAreWithinTheSketchErrorOfTheExactSeries()
    {
        var plan = TestSweeps.RandomGrid(seed: 31, horizon: 18, demandValues: 7);
        using var cpu = new CpuBackend();
        var rows = await CollectingSink.RunAsync(plan, cpu, 1 << 20, series: true);
        var fans = await Fans(plan, cpu, 1 << 12);
        var (months, regions) = (plan.Shape.Months, plan.Shape.Regions);
        var n = (int)plan.ScenarioCount;
        foreach (var t in new[] { 0, months / 2, months - 1 })
        {
            for (var r = 0; r < regions; r++)
            {
                var exact = Enumerable.Range(0, n).Select(i => (double)rows.Series[(((i * months) + t) * regions) + r]).Order().ToArray();
                foreach (var p in new[] { 0.05, 0.5, 0.95 })
                {
                    var truth = R7(exact, p);
                    var sketch = fans.Quantile(t, r, p);
                    Assert.True(Math.Abs(sketch - truth) <= (QuantileSketch.RelativeAccuracy * 1.02 * Math.Abs(truth)) + 1e-12, $"month {t}, region {r}, p{p}: {sketch} vs {truth}");
                }
            }
        }
    }

    [Fact]
    public async Task FanCountsAreTheSameWhateverTheChunkSizeOrBackend()
    {
        var plan = TestSweeps.RandomGrid(seed: 32, horizon: 12, demandValues: 9);
        using var cpu = new CpuBackend();
        using var devices = new Devices();
        using var kernel = devices.Open(BackendChoice.IlgpuCpu, 0, out _);
        var a = await Fans(plan, cpu, 1 << 12);
        var b = await Fans(plan, cpu, 1 << 16);
        Assert.True(a.ExactlyEquals(b));
        var c = await Fans(plan, kernel, 1 << 12);
        long total = 0;
        for (var r = 0; r < plan.Shape.Regions; r++)
        {
            foreach (var count in c.Sketch(plan.Shape.Months - 1, r))
            {
                total += count;
            }
        }

        Assert.Equal(plan.ScenarioCount * plan.Shape.Regions, total);
    }

    private static async Task<FanState> Fans(SweepPlan plan, ISweepBackend backend, int chunkSize)
    {
        var state = new AggregateState(plan, AggregateBuffers.LayoutFor(plan));
        state.KeepFans(plan.Shape.Months, plan.Model.SeriesColumns);
        await AggregateRunner.RunAsync(
            plan,
            backend,
            (chunk, _) =>
            {
                state.Add(new AggregateChunk(chunk.FirstBlock, chunk.Blocks, chunk.Partials, chunk.Sketch, chunk.Fans));
                return Task.CompletedTask;
            },
            new SweepOptions(ChunkSize: chunkSize, Series: true));
        return state.Fans!;
    }

    private static double R7(double[] sorted, double p)
    {
        var h = (sorted.Length - 1) * p;
        var lo = (int)Math.Floor(h);
        var hi = Math.Min(lo + 1, sorted.Length - 1);
        return sorted[lo] + ((h - lo) * (sorted[hi] - sorted[lo]));
    }
}
