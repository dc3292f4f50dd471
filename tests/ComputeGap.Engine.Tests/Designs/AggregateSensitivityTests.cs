using ComputeGap.Engine.Aggregation;
using ComputeGap.Engine.Backends;
using ComputeGap.Engine.Output;
using ComputeGap.Engine.Running;
using ComputeGap.IO.Sensitivity;

namespace ComputeGap.Engine.Tests.Designs;

/// <summary>
/// Sensitivity sums in aggregate mode: the same bits whatever the chunk size, thread count and
/// backend, and the same indices as the row estimators (to rounding).
/// </summary>
public sealed class AggregateSensitivityTests
{
    private static Task<AggregateState> AggregateAsync(SweepPlan plan, ISweepBackend backend, int chunkSize) =>
        AggregateRunner.StateAsync(plan, backend, new SweepOptions(ChunkSize: chunkSize));

    public static TheoryData<string> Designs => new()
    {
        """{ "kind": "saltelli", "samples": 512, "seed": 4, "second_order": true }""",
        """{ "kind": "morris", "trajectories": 240, "levels": 4, "seed": 4 }""",
    };

    [Theory]
    [MemberData(nameof(Designs))]
    public async Task ChunkSizesThreadsAndBackendsGiveTheSameExactSums(string design)
    {
        var plan = SampledRunTests.IshigamiPlan(design);
        using var cpu = new CpuBackend();
        using var oneThread = new CpuBackend(maxThreads: 1, lanes: CpuLanes.Vector);
        using var devices = new Devices();
        using var ilgpu = devices.Open(BackendChoice.IlgpuCpu, 0, out _);
        var big = await AggregateAsync(plan, cpu, 1 << 20);
        var small = await AggregateAsync(plan, oneThread, 5000);
        Assert.True(big.Sensitivity!.Unit > 1);
        Assert.True(big.ExactlyEquals(small));

        // The ILGPU kernel's float math may differ in the last bit; its indices agree closely.
        var kernel = await AggregateAsync(plan, ilgpu, 20_000);
        var a = big.ToSummary(OutputMetadata.For(plan, "cpu", "cpu", DateTimeOffset.UnixEpoch)).Sensitivity!;
        var b = kernel.ToSummary(OutputMetadata.For(plan, "ilgpu-cpu", "cpu", DateTimeOffset.UnixEpoch)).Sensitivity!;
        Assert.Equal(Flatten(a), Flatten(b), (x, y) => Math.Abs(x - y) < 1e-4);
    }

    [Theory]
    [MemberData(nameof(Designs))]
    public async Task ThreeDevicesGiveTheSumsOfOne(string design)
    {
        var plan = SampledRunTests.IshigamiPlan(design);
        using var one = new CpuBackend(maxThreads: 1);
        using var multi = new MultiDeviceBackend([new CpuBackend(maxThreads: 1), new CpuBackend(maxThreads: 1), new CpuBackend(maxThreads: 1)]);
        var single = await AggregateAsync(plan, one, 50_000);
        var spread = await AggregateAsync(plan, multi, 50_000);
        Assert.True(single.ExactlyEquals(spread));
    }

    [Theory]
    [MemberData(nameof(Designs))]
    public async Task AggregateIndicesEqualTheRowEstimatesToRounding(string design)
    {
        var plan = SampledRunTests.IshigamiPlan(design);
        using var cpu = new CpuBackend();
        var state = await AggregateAsync(plan, cpu, 30_000);
        var fromAggregate = state.ToSummary(OutputMetadata.For(plan, "cpu", "cpu", DateTimeOffset.UnixEpoch)).Sensitivity!;

        var rows = await CollectingSink.RunAsync(plan, cpu, chunkSize: 30_000);
        var table = RowTable(plan, rows);
        var fromRows = IO.Reports.SummaryData.FromTable(table).Sensitivity!;
        Assert.Equal(2, fromRows.Combinations.Count);
        Assert.Equal(Flatten(fromRows), Flatten(fromAggregate), (x, y) => Math.Abs(x - y) <= 1e-9 * Math.Max(1, Math.Abs(x)));
    }

    private static double[] Flatten(SensitivityResult result) =>
        [.. result.Combinations.SelectMany(c =>
            c.Sobol.Values.SelectMany(s => s.Indices.SelectMany(i => new[] { i.S1, i.S1Conf, i.ST, i.STConf }).Concat(s.SecondOrder.SelectMany(p => new[] { p.S2, p.S2Conf })))
            .Concat(c.Morris.Values.SelectMany(m => m.SelectMany(i => new[] { i.Mu, i.MuStar, i.Sigma, i.MuStarConf })))
            .Concat(c.Levers.Values))];

    /// <summary>The rows a row run would write, as a table with the run's metadata.</summary>
    private static IO.Parquet.ColumnTable RowTable(SweepPlan plan, CollectingSink rows)
    {
        var n = (int)plan.ScenarioCount;
        var columns = new List<IO.Parquet.TableColumn>
        {
            new("scenario", IO.Parquet.ColumnType.Int64, Enumerable.Range(0, n).Select(i => (long)i).ToArray()),
        };
        for (var a = 0; a < plan.AxisSlots.Length; a++)
        {
            var axis = a;
            columns.Add(new(plan.Spec.Axes[a].Column, IO.Parquet.ColumnType.Float32, Enumerable.Range(0, n).Select(i => plan.AxisValue(axis, i)).ToArray()));
        }

        for (var k = 0; k < plan.Spec.Uncertain.Count; k++)
        {
            var at = k;
            columns.Add(new(plan.Spec.Uncertain[k].Column, IO.Parquet.ColumnType.Float32, Enumerable.Range(0, n).Select(i => plan.Design!.Value(i % plan.Evaluations, at)).ToArray()));
        }

        columns.Add(new("y", IO.Parquet.ColumnType.Float32, rows.Outcomes[0]));
        return new IO.Parquet.ColumnTable(columns, n, OutputMetadata.For(plan, "cpu", "cpu", DateTimeOffset.UnixEpoch));
    }
}
