using ComputeGap.Core.Model;
using ComputeGap.Core.Reduction;
using ComputeGap.Engine.Backends;
using ComputeGap.Engine.Running;

namespace ComputeGap.Engine.Tests;

/// <summary>
/// Aggregate mode's block partials: the same bits whatever the chunk size, the thread count or the
/// backend path (vectorised CPU or the ILGPU reduction kernel), and the right numbers.
/// </summary>
public sealed class BlockReductionTests
{
    [Fact]
    public async Task PartialsAndSketchAreBitIdenticalAcrossChunkSizesAndThreads()
    {
        var plan = TestSweeps.RandomGrid(seed: 21, horizon: 24, demandValues: 40);
        using var allCores = new CpuBackend();
        using var oneThread = new CpuBackend(maxThreads: 1);
        var small = await CollectedAggregates.RunAsync(plan, allCores, 1 << 12);
        var big = await CollectedAggregates.RunAsync(plan, allCores, 1 << 24);
        var single = await CollectedAggregates.RunAsync(plan, oneThread, 1 << 13);
        Assert.Equal(big.Partials, small.Partials);
        Assert.Equal(big.Sketch, small.Sketch);
        Assert.Equal(big.Partials, single.Partials);
        Assert.Equal(big.Sketch, single.Sketch);
    }

    /// <summary>
    /// The reduction keeps its workers from chunk to chunk: reused many times, on chunks of other
    /// lengths, thread counts and plans, it must give exactly what a fresh one gives.
    /// </summary>
    [Fact]
    public void ReusedWorkersGiveWhatFreshOnesGive()
    {
        var plans = new[] { TestSweeps.RandomGrid(seed: 24, horizon: 6, demandValues: 80), TestSweeps.RandomGrid(seed: 25, horizon: 4, demandValues: 90) };
        const int blocks = 6;
        using var cpu = new CpuBackend();
        var reused = new CpuReduction();
        var round = 0;
        foreach (var (used, threads) in new[] { (6, 2), (1, 2), (5, 3), (6, 1), (2, 4), (6, 2), (3, 2), (4, 1) })
        {
            var plan = plans[round++ % plans.Length];
            Assert.True(plan.ScenarioCount >= 10 * PartialLayout.BlockSize);
            var chunk = new ChunkBuffers(plan.OutcomeCount, blocks * PartialLayout.BlockSize, 0)
            {
                First = threads * PartialLayout.BlockSize,
                Count = used * PartialLayout.BlockSize,
            };
            cpu.Compute(plan, chunk.First, chunk.Count, chunk);
            var layout = AggregateBuffers.LayoutFor(plan);
            AggregateBuffers Target() => new(layout, plan.OutcomeCount, blocks) { FirstBlock = chunk.First / PartialLayout.BlockSize, Blocks = used, Count = chunk.Count };
            var again = Target();
            var fresh = Target();
            reused.Reduce(plan, chunk, again, threads);
            new CpuReduction().Reduce(plan, chunk, fresh, threads);
            Assert.Equal(fresh.Partials, again.Partials);
            Assert.Equal(fresh.Sketch, again.Sketch);
            for (var c = 0; c < plan.OutcomeCount; c++)
            {
                var finite = chunk.Outcomes[c].AsSpan(0, chunk.Count).ToArray().Count(float.IsFinite);
                Assert.Equal(finite, again.Sketch.AsSpan(c * QuantileSketch.Length, QuantileSketch.Length).ToArray().Sum());
            }
        }
    }

    [Fact]
    public async Task IlgpuReductionKernelMatchesTheCpuReduction()
    {
        var plan = TestSweeps.RandomGrid(seed: 22, horizon: 12, demandValues: 10, thresholds: ChosenThresholds);
        Assert.Equal(Thresholds.Keyed(plan.Keys).Length + 5, plan.Thresholds.Length); // + focus_target_month ≥ 0, ree_depletion_month ≥ 0, and 3 chosen
        using var devices = new Devices();
        using var kernel = devices.Open(BackendChoice.IlgpuCpu, 0, out _);
        using var cpu = new CpuBackend();
        var a = await CollectedAggregates.RunAsync(plan, cpu, 1 << 12);
        var b = await CollectedAggregates.RunAsync(plan, kernel, 1 << 12);
        var layout = AggregateBuffers.LayoutFor(plan);

        // Counts and extremes' scenario indices are exact; sums and values agree to float32 rounding
        // of the two model instantiations (the kernel and the vector lanes may round differently).
        for (var i = 0; i < a.Partials.Length; i++)
        {
            Assert.Equal(a.Partials[i], b.Partials[i], Math.Max(1e-6, Math.Abs(a.Partials[i]) * 1e-4));
        }

        Assert.Equal(a.Sketch.Sum(), b.Sketch.Sum());
        Assert.True(layout.Length > 0);
    }

    [Fact]
    public async Task PartialsHoldTheRightCountsSumsAndExtremes()
    {
        var plan = TestSweeps.RandomGrid(seed: 23, horizon: 12, demandValues: 13, thresholds: ChosenThresholds);
        using var cpu = new CpuBackend();
        var rows = await CollectingSink.RunAsync(plan, cpu, 1 << 20);
        var agg = await CollectedAggregates.RunAsync(plan, cpu, 1 << 12);
        var layout = AggregateBuffers.LayoutFor(plan);
        var n = (int)plan.ScenarioCount;
        Assert.True(n > 2 * PartialLayout.BlockSize);

        // Merge the blocks' partials the plain way (counts and min/max are exact in any order).
        var blocks = agg.Partials.Length / layout.Length;
        Assert.Equal((n + PartialLayout.BlockSize - 1) / PartialLayout.BlockSize, blocks);
        double Total(int slot) => Enumerable.Range(0, blocks).Sum(b => agg.Partials[(b * layout.Length) + slot]);
        double Least(int slot) => Enumerable.Range(0, blocks).Min(b => agg.Partials[(b * layout.Length) + slot]);
        double Most(int slot) => Enumerable.Range(0, blocks).Max(b => agg.Partials[(b * layout.Length) + slot]);
        Assert.Equal(n, Total(PartialLayout.Count));

        for (var c = 0; c < plan.OutcomeCount; c++)
        {
            var values = rows.Outcomes[c].Take(n).Where(float.IsFinite).ToArray();
            Assert.Equal(values.Length, Total(PartialLayout.Finite(c)));
            var sum = values.Sum(v => (double)v);
            Assert.Equal(sum, Total(layout.Sum(c)), Math.Abs(sum) * 1e-12);
            Assert.Equal(values.Min(), Least(layout.Min(c)));
            Assert.Equal(values.Max(), Most(layout.Max(c)));
            Assert.Equal(values.Length, agg.Sketch.Skip(c * QuantileSketch.Length).Take(QuantileSketch.Length).Sum());
        }

        // Main effects: scenarios per value of the first axis, and the focus share's sum there.
        var focus = plan.Shape.Focus;
        for (var p = 0; p < plan.AxisCounts[0]; p++)
        {
            var v = plan.AxisOffsets[0] + p;
            var members = Enumerable.Range(0, n).Where(i => GridPosition.Of(i, plan.AxisStrides[0], plan.AxisCounts[0]) == p).ToList();
            Assert.Equal(members.Count, Total(layout.EffectCount(v)));
            var sum = members.Sum(i => (double)rows.Outcomes[focus][i]);
            Assert.Equal(sum, Total(layout.EffectSum(v, focus)), Math.Abs(sum) * 1e-12);
        }

        // Each block's best and worst focus shares, ties broken by the lower scenario index.
        for (var b = 0; b < blocks; b++)
        {
            var start = b * PartialLayout.BlockSize;
            var members = Enumerable.Range(start, Math.Min(PartialLayout.BlockSize, n - start)).ToList();
            var best = members.OrderByDescending(i => rows.Outcomes[focus][i]).ThenBy(i => i).Take(layout.Extremes).ToList();
            var worst = members.OrderBy(i => rows.Outcomes[focus][i]).ThenBy(i => i).Take(layout.Extremes).ToList();
            for (var k = 0; k < layout.Extremes; k++)
            {
                Assert.Equal(best[k], agg.Partials[(b * layout.Length) + layout.BestScenario(k)]);
                Assert.Equal(worst[k], agg.Partials[(b * layout.Length) + layout.WorstScenario(k)]);
            }
        }

        var threshold = Enumerable.Range(0, n).Count(i => rows.Outcomes[focus][i] < 0.05f);
        Assert.Equal(threshold, Total(layout.Threshold(2)));

        // Every threshold of the run, the sweep's own among them, counted from the rows by its name's rule.
        var names = plan.OutcomeNames;
        Assert.Contains("share_US >= 0.5", plan.Thresholds.Select(t => t.Name(names)));
        for (var j = 0; j < plan.Thresholds.Length; j++)
        {
            var test = plan.Thresholds[j];
            var floor = names[test.Column].EndsWith("_month", StringComparison.Ordinal) && test.AtLeast == 0 ? 0f : float.NegativeInfinity;
            var expected = rows.Outcomes[test.Column].Take(n).Count(v => test.AtLeast != 0 ? v >= test.Bound : v >= floor && v < test.Bound);
            Assert.Equal(expected, Total(layout.Threshold(j)));
        }
    }

    /// <summary>Thresholds a sweep file asks for: one from above, one from below, one on a month (whose "never", −1, is below no month).</summary>
    private const string ChosenThresholds = """[ { "outcome": "share_US", "at_least": 0.5 }, { "outcome": "rival_ratio", "below": 3 }, { "outcome": "ree_depletion_month", "below": 6 } ]""";
}
