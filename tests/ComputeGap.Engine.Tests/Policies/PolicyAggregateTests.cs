using ComputeGap.Engine.Aggregation;
using ComputeGap.Engine.Backends;
using ComputeGap.Engine.Output;
using ComputeGap.Engine.Running;
using ComputeGap.Engine.Tests.Designs;
using ComputeGap.IO.Tests;

namespace ComputeGap.Engine.Tests.Policies;

/// <summary>
/// Policy comparisons of aggregate runs in future order: the same bits whatever the windows, chunk
/// sizes, threads and shards; every other aggregate the bits of scenario order; files that read back
/// exactly; and no comparison once parts without one are merged in.
/// </summary>
public sealed class PolicyAggregateTests
{
    /// <summary>Ishigami, a Saltelli design of 16,384 evaluations (4 units of 4,096), two values of a as levers.</summary>
    private static SweepPlan Plan { get; } = SampledRunTests.IshigamiPlan(
        """{ "kind": "saltelli", "samples": 2048, "seed": 9, "second_order": true }""",
        """[ { "outcome": "y", "below": 0 }, { "outcome": "y", "at_least": 10 } ]""");

    private static RunOrder Futures(long window) => new(2, Plan.Evaluations, window);

    private static Task<AggregateState> RunAsync(ISweepBackend backend, RunOrder? order, int chunk, long first = 0, long count = -1) =>
        AggregateRunner.StateAsync(Plan, backend, new SweepOptions(ChunkSize: chunk, First: first, Count: count, Order: order));

    [Fact]
    public async Task Windows_chunk_sizes_threads_and_shards_give_the_same_bits()
    {
        Assert.Equal(16_384, Plan.Evaluations);
        using var cpu = new CpuBackend();
        using var oneThread = new CpuBackend(maxThreads: 1, lanes: CpuLanes.Vector);
        using var multi = new MultiDeviceBackend([new CpuBackend(maxThreads: 1), new CpuBackend(maxThreads: 1)]);
        var reference = await RunAsync(cpu, Futures(Plan.Evaluations), 1 << 20);
        Assert.NotNull(reference.Policies);
        Assert.Equal(Plan.Evaluations, reference.Policies.Futures);
        Assert.True(reference.ExactlyEquals(await RunAsync(oneThread, Futures(4096), 4096)));
        Assert.True(reference.ExactlyEquals(await RunAsync(multi, Futures(8192), 12_288)));

        // Shards of whole windows (of 2 × 4,096 positions) merge to the whole.
        var merged = new AggregateState(Plan, AggregateBuffers.LayoutFor(Plan));
        merged.Merge(await RunAsync(cpu, Futures(4096), 4096, 0, 8192));
        merged.Merge(await RunAsync(cpu, Futures(4096), 1 << 20, 8192, 24_576));
        Assert.True(reference.ExactlyEquals(merged));

        // A range that ends inside a window is refused.
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => RunAsync(cpu, Futures(8192), 4096, 0, 8192));
    }

    /// <summary>
    /// 5,000 futures are not a whole number of blocks: the run takes one window of the whole ensemble, in
    /// scenario order, and its chunks cross from one combination into the next wherever their size puts them.
    /// </summary>
    [Fact]
    public async Task An_ensemble_of_uneven_futures_is_compared_in_one_window_whatever_the_chunks_threads_and_devices()
    {
        var plan = SampledRunTests.IshigamiPlan("""{ "kind": "monte_carlo", "samples": 5000, "seed": 4 }""", """[ { "outcome": "y", "below": 0 } ]""");
        var order = AggregateRunner.OrderFor(plan.Spec);
        Assert.Equal(new RunOrder(2, 5000, 5000), order);
        using var cpu = new CpuBackend();
        using var oneThread = new CpuBackend(maxThreads: 1, lanes: CpuLanes.Vector);
        using var multi = new MultiDeviceBackend([new CpuBackend(maxThreads: 1), new CpuBackend(maxThreads: 1)]);
        var reference = await AggregateRunner.StateAsync(plan, cpu, new SweepOptions(ChunkSize: 1 << 20, Order: order));
        Assert.Equal(5000, reference.Policies!.Futures);
        Assert.True(reference.ExactlyEquals(await AggregateRunner.StateAsync(plan, oneThread, new SweepOptions(ChunkSize: 4096, Order: order))));
        Assert.True(reference.ExactlyEquals(await AggregateRunner.StateAsync(plan, multi, new SweepOptions(ChunkSize: 8192, Order: order))));

        // The threshold count of each policy is its own scenarios': y < 0 among a = 7's first 5,000, a = 5's next.
        var rows = await CollectingSink.RunAsync(plan, cpu, chunkSize: 4096);
        for (var c = 0; c < 2; c++)
        {
            Assert.Equal(rows.Outcomes[0].Skip(c * 5000).Take(5000).Count(y => y < 0), reference.Policies.ThresholdCount(0, c));
        }
    }

    /// <summary>
    /// A run that only compares policies brings back only the columns the comparison reads: the ILGPU kernels
    /// and two devices give the CPU's comparison (the kernels to the last bits of their float math), thresholds included.
    /// </summary>
    [Fact]
    public async Task The_ilgpu_kernels_and_two_devices_give_the_cpu_comparison_from_the_columns_it_reads()
    {
        var plan = new SweepPlan(Sweep.Spec.SweepSpecParser.Parse("""
            { "model": "v2", "horizon_months": 24, "design": { "kind": "monte_carlo", "samples": 8192, "seed": 2 },
              "uncertain": [ { "param": "ree_export_quota", "uniform": { "from": 0, "to": 1 } },
                             { "param": "capex0[EU]", "log_uniform": { "from": 1e8, "to": 2e9 } } ],
              "levers": [ { "param": "us_priority", "values": [0, 1] } ],
              "thresholds": [ { "outcome": "share_US", "at_least": 0.5 }, { "outcome": "share_EU", "below": 0.07 } ] }
            """, "policies.json"));
        var order = AggregateRunner.OrderFor(plan.Spec);
        Assert.True(order.IsFutures);
        var read = PolicyState.ColumnsRead(AggregateShape.From(plan, AggregateBuffers.LayoutFor(plan)), AggregateBuffers.ComparedFor(plan));
        Assert.InRange(read.Length, 1, plan.OutcomeCount - 10);

        using var cpu = new CpuBackend();
        using var devices = new Devices();
        using var kernel = devices.Open(BackendChoice.IlgpuCpu, 0, out _);
        using var multi = new MultiDeviceBackend([new CpuBackend(maxThreads: 1), new CpuBackend(maxThreads: 1)]);
        var options = new SweepOptions(ChunkSize: 4096, Order: order);
        var metadata = OutputMetadata.For(plan, "cpu", "cpu", DateTimeOffset.UnixEpoch);
        var reference = await AggregateRunner.StateAsync(plan, cpu, options);
        Assert.True(reference.ExactlyEquals(await AggregateRunner.StateAsync(plan, multi, options)));
        var expected = reference.ToSummary(metadata).Policies!;
        var actual = (await AggregateRunner.StateAsync(plan, kernel, options)).ToSummary(metadata).Policies!;
        Assert.Equal(expected.Futures, actual.Futures);
        foreach (var (e, a) in expected.Policies.Zip(actual.Policies))
        {
            Assert.Equal(e.RegretMean, a.RegretMean, 1e-6);
            Assert.Equal(e.Stats.Mean, a.Stats.Mean, 1e-6);
            Assert.Equal(e.BestShare, a.BestShare, 1e-3);
            Assert.Equal(e.Thresholds.Select(t => t.Name), a.Thresholds.Select(t => t.Name));
            Assert.NotEmpty(e.Thresholds);
            foreach (var (te, ta) in e.Thresholds.Zip(a.Thresholds))
            {
                Assert.Equal((double)te.Count / te.Total, (double)ta.Count / ta.Total, 1e-3);
            }
        }
    }

    [Fact]
    public async Task Future_order_leaves_every_other_aggregate_as_scenario_order_makes_it()
    {
        using var cpu = new CpuBackend();
        var scenarios = await RunAsync(cpu, null, 4096);
        var futures = await RunAsync(cpu, Futures(4096), 4096);
        Assert.Null(scenarios.Policies);
        Assert.Equal(scenarios.Scenarios, futures.Scenarios);
        for (var o = 0; o < Plan.OutcomeCount; o++)
        {
            Assert.Equal(scenarios.FiniteCount(o), futures.FiniteCount(o));
            Assert.True(scenarios.SumOf(o).ExactlyEquals(futures.SumOf(o)));
            Assert.Equal((scenarios.Min(o), scenarios.Max(o)), (futures.Min(o), futures.Max(o)));
            Assert.True(scenarios.Sketch(o).SequenceEqual(futures.Sketch(o)));
            for (var v = 0; v < Plan.AxisValues.Length; v++)
            {
                Assert.Equal(scenarios.EffectCount(v), futures.EffectCount(v));
                Assert.True(scenarios.EffectSumOf(v, o).ExactlyEquals(futures.EffectSumOf(v, o)));
            }
        }

        Assert.NotEmpty(scenarios.Shape.Thresholds);
        for (var j = 0; j < scenarios.Shape.Thresholds.Count; j++)
        {
            Assert.Equal(scenarios.ThresholdCount(j), futures.ThresholdCount(j));
        }

        Assert.Equal(scenarios.Best, futures.Best);
        Assert.Equal(scenarios.Worst, futures.Worst);
        Assert.True(scenarios.Sensitivity!.ExactlyEquals(futures.Sensitivity!));
    }

    [Fact]
    public async Task Comparisons_read_back_exactly_and_parts_without_one_merge_to_none()
    {
        using var cpu = new CpuBackend();
        using var directory = new TempDirectory();
        var metadata = OutputMetadata.For(Plan, "cpu", "cpu", DateTimeOffset.UnixEpoch);
        var first = await RunAsync(cpu, Futures(4096), 4096, 0, 8192);
        var second = await RunAsync(cpu, Futures(4096), 4096, 8192, 24_576);
        await first.WriteAsync(Path.Combine(directory.Path, "run.part-0"), metadata);
        await second.WriteAsync(Path.Combine(directory.Path, "run.part-1"), metadata);
        var read = await AggregateState.ReadAsync(directory.Path);
        var whole = await RunAsync(cpu, Futures(4096), 1 << 20);
        Assert.True(whole.ExactlyEquals(read));

        // The summary compares the two values of a on y, from the files as from memory.
        var summary = read.ToSummary(metadata) with { Outcome = "y" };
        var policies = summary.Policies!;
        Assert.Equal(Plan.Evaluations, policies.Futures);
        Assert.Equal([7.0, 5.0], policies.Policies.Select(p => p.Levers["a"]));
        Assert.Equal(1.0, policies.Policies.Sum(p => p.BestShare), 9);

        var unordered = await RunAsync(cpu, null, 4096, 8192, 8192);
        var mixed = new AggregateState(Plan, AggregateBuffers.LayoutFor(Plan));
        mixed.Merge(first);
        mixed.Merge(unordered);
        Assert.Null(mixed.Policies);
        Assert.Contains("merged with parts without one", mixed.ToSummary(metadata).PolicyNote!("y"), StringComparison.Ordinal);
    }
}
