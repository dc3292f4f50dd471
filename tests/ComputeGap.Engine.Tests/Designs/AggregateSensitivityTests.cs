using ComputeGap.Core.Reduction;
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

    /// <summary>Buffers for the whole of <paramref name="plan"/> as one chunk, with its sensitivity records.</summary>
    private static AggregateBuffers WholeRun(SweepPlan plan, bool keepOutcomes = false)
    {
        var count = (int)plan.ScenarioCount;
        var blocks = (count + PartialLayout.BlockSize - 1) / PartialLayout.BlockSize;
        return new AggregateBuffers(AggregateBuffers.LayoutFor(plan), plan.OutcomeCount, blocks, keepOutcomes: keepOutcomes, sensitivity: AggregateBuffers.SensitivityFor(plan))
        {
            FirstBlock = 0,
            Blocks = blocks,
            Count = count,
        };
    }

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

    /// <summary>Designs whose units do not divide a block, large enough for three devices to share each chunk.</summary>
    public static TheoryData<string, int> LargeDesigns => new()
    {
        { """{ "kind": "saltelli", "samples": 65536, "seed": 4 }""", 100_000 },
        { """{ "kind": "morris", "trajectories": 60000, "levels": 4, "seed": 4 }""", 200_000 },
    };

    [Theory]
    [MemberData(nameof(LargeDesigns))]
    public async Task ThreeDevicesShareChunksInWholeUnits(string design, int chunkSize)
    {
        var plan = SampledRunTests.IshigamiPlan(design);
        var units = AggregateBuffers.SensitivityFor(plan)!.Value;
        Assert.NotEqual(0, PartialLayout.BlockSize % units.UnitEvaluations);
        using var one = new CpuBackend(maxThreads: 2);
        using var multi = new MultiDeviceBackend([new CpuBackend(maxThreads: 1), new CpuBackend(maxThreads: 1), new CpuBackend(maxThreads: 1)]);
        var single = await AggregateAsync(plan, one, 1 << 22);
        var spread = await AggregateAsync(plan, multi, chunkSize);
        Assert.True(single.ExactlyEquals(spread));
    }

    /// <summary>
    /// The backend's records, bit for bit, are what the row reports' own sums (<see cref="SobolSums"/>, and
    /// <see cref="MorrisSums"/> of the steps the design's points show) export for each unit's rows: the
    /// record layout is one contract between the statistics that make records and the estimators that read them.
    /// </summary>
    [Theory]
    [MemberData(nameof(Designs))]
    public void TheBackendsRecordsAreTheRowSumsRecords(string design)
    {
        var plan = SampledRunTests.IshigamiPlan(design);
        var units = AggregateBuffers.SensitivityFor(plan)!.Value;
        var count = (int)plan.ScenarioCount;
        var target = WholeRun(plan, keepOutcomes: true);
        using var cpu = new CpuBackend();
        cpu.ComputeAggregate(plan, 0, count, target);

        var header = plan.Design!.Header;
        var d = header.Dimensions;
        var delta = header.Levels / (2.0 * (header.Levels - 1));
        var expected = new double[units.Slots];
        var y = target.Outcomes![0];
        for (var u = 0; u < count / units.UnitEvaluations; u++)
        {
            var start = u * units.UnitEvaluations;
            if (units.IsSobol)
            {
                var sums = new SobolSums(d, header.SecondOrder != 0, samples: 1, batches: 1);
                for (var s = 0; s < units.UnitSamples; s++)
                {
                    sums.Add(0, [.. y.Skip(start + (s * header.Group)).Take(header.Group).Select(v => (double)v)]);
                }

                sums.ExportBatch(0, expected);
            }
            else
            {
                var sums = new MorrisSums(d);
                for (var e = start; e < start + units.UnitEvaluations; e++)
                {
                    if (e % header.Group != d)
                    {
                        var at = e % plan.Evaluations;
                        var moved = Enumerable.Range(0, d).Single(k => plan.Design.Unit(at + 1, k) != plan.Design.Unit(at, k));
                        var up = plan.Design.Unit(at + 1, moved) > plan.Design.Unit(at, moved);
                        sums.Add(moved, (y[e + 1] - (double)y[e]) / (up ? delta : -delta));
                    }
                }

                sums.Export(expected);
            }

            var actual = target.Sensitivity!.AsSpan((int)units.RecordLength(u), units.Slots).ToArray();
            Assert.Equal(expected.Select(BitConverter.DoubleToInt64Bits), actual.Select(BitConverter.DoubleToInt64Bits));
        }
    }

    /// <summary>Reducing a chunk computed whole (<see cref="CpuReduction"/>, the reference backend's way) gives the fused path's records.</summary>
    [Theory]
    [MemberData(nameof(Designs))]
    public void TheChunkReductionFillsTheSameRecords(string design)
    {
        var plan = SampledRunTests.IshigamiPlan(design);
        var count = (int)plan.ScenarioCount;
        using var cpu = new CpuBackend();
        var fused = WholeRun(plan);
        cpu.ComputeAggregate(plan, 0, count, fused);
        var chunk = new ChunkBuffers(plan.OutcomeCount, count, 0) { First = 0, Count = count };
        cpu.Compute(plan, 0, count, chunk);
        var whole = WholeRun(plan);
        new CpuReduction().Reduce(plan, chunk, whole, threads: 2);
        Assert.Equal(fused.Sensitivity, whole.Sensitivity);
        Assert.Contains(whole.Sensitivity!, v => v != 0);
    }

    /// <summary>A record a backend left unfilled (zeros) is refused, naming its unit and outcome, before anything of the chunk is added.</summary>
    [Theory]
    [MemberData(nameof(Designs))]
    public void AnUnfilledRecordIsRefused(string design)
    {
        var plan = SampledRunTests.IshigamiPlan(design);
        var units = AggregateBuffers.SensitivityFor(plan)!.Value;
        var layout = AggregateBuffers.LayoutFor(plan);
        var target = WholeRun(plan);
        using var cpu = new CpuBackend();
        cpu.ComputeAggregate(plan, 0, target.Count, target);
        Array.Clear(target.Sensitivity!, (int)units.RecordLength(2), units.Slots);

        var state = new AggregateState(plan, layout);
        state.KeepSensitivity(OutputMetadata.DesignOf(plan.Spec)!);
        var empty = new AggregateState(plan, layout);
        empty.KeepSensitivity(OutputMetadata.DesignOf(plan.Spec)!);
        var error = Assert.Throws<ArgumentException>(() => state.Add(target.ToChunk()));
        Assert.Contains("unit 2 of the chunk at 0, outcome y, counts 0 samples", error.Message, StringComparison.Ordinal);
        Assert.True(state.Sensitivity!.ExactlyEquals(empty.Sensitivity!));
        Assert.Equal(0, state.Scenarios);
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
