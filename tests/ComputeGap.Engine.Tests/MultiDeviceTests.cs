using ComputeGap.Core.Reduction;
using ComputeGap.Engine.Backends;
using ComputeGap.Engine.Running;
using ComputeGap.Tests.Shared;

namespace ComputeGap.Engine.Tests;

/// <summary>
/// <see cref="MultiDeviceBackend"/> with CPU stand-ins for GPUs: rows, series, block partials and
/// sketches bit-identical to one device of the same kind whatever the split, one dedicated thread
/// per device, failures surfaced, and the <c>--devices</c> list checked.
/// </summary>
public sealed class MultiDeviceTests
{
    /// <summary>Chunk sizes that are and are not multiples of the block size (the grid has 25,920 scenarios).</summary>
    public static TheoryData<int> ChunkSizes => [PartialLayout.BlockSize, 3 * PartialLayout.BlockSize, 10_000, 1 << 20];

    [Theory]
    [MemberData(nameof(ChunkSizes))]
    public async Task RowsAndSeriesOverThreeCpuDevicesAreBitIdenticalToOne(int chunkSize)
    {
        var plan = TestSweeps.RandomGrid(seed: 31, horizon: 12, demandValues: 40);
        using var single = new CpuBackend(maxThreads: 1);
        using var multi = new MultiDeviceBackend([new CpuBackend(maxThreads: 1), new CpuBackend(maxThreads: 1), new CpuBackend(maxThreads: 1)]);
        var expected = await CollectingSink.RunAsync(plan, single, chunkSize, series: true);
        var actual = await CollectingSink.RunAsync(plan, multi, chunkSize, series: true);
        AssertSameRows(expected, actual);
        Assert.Equal(Bits([.. expected.Series]), Bits([.. actual.Series]));
    }

    [Theory]
    [MemberData(nameof(ChunkSizes))]
    public async Task AggregatesAndFansOverThreeCpuDevicesAreBitIdenticalToOne(int chunkSize)
    {
        var plan = TestSweeps.RandomGrid(seed: 32, horizon: 24, demandValues: 40);
        using var single = new CpuBackend(maxThreads: 1);
        using var multi = new MultiDeviceBackend([new CpuBackend(maxThreads: 1), new CpuBackend(maxThreads: 1), new CpuBackend(maxThreads: 1)]);
        var expected = await CollectedAggregates.RunAsync(plan, single, chunkSize, fans: true);
        var actual = await CollectedAggregates.RunAsync(plan, multi, chunkSize, fans: true);
        Assert.NotNull(actual.Fans);
        Assert.Equal(expected.Fans, actual.Fans);
        Assert.Equal((plan.ScenarioCount + PartialLayout.BlockSize - 1) / PartialLayout.BlockSize * AggregateBuffers.LayoutFor(plan).Length, actual.Partials.Length);
        Assert.Equal(DoubleBits(expected.Partials), DoubleBits(actual.Partials));
        Assert.Equal(expected.Sketch, actual.Sketch);
    }

    [Fact]
    public async Task IlgpuCpuAcceleratorsBoundToTwoWorkersMatchOneAccelerator()
    {
        // The real ILGPU path: each worker binds its accelerator (Accelerator.Bind) and runs the kernels.
        var plan = TestSweeps.RandomGrid(seed: 33, horizon: 6, demandValues: 40);
        using var devices = new Devices();
        using var single = devices.Open(BackendChoice.IlgpuCpu, 0, out _);
        using var multi = new MultiDeviceBackend([devices.Open(BackendChoice.IlgpuCpu, 0, out _), devices.Open(BackendChoice.IlgpuCpu, 0, out _)]);
        foreach (var chunkSize in new[] { 10_000, 1 << 20 })
        {
            AssertSameRows(await CollectingSink.RunAsync(plan, single, chunkSize), await CollectingSink.RunAsync(plan, multi, chunkSize));
            var expected = await CollectedAggregates.RunAsync(plan, single, chunkSize, fans: true);
            var actual = await CollectedAggregates.RunAsync(plan, multi, chunkSize, fans: true);
            Assert.Equal(DoubleBits(expected.Partials), DoubleBits(actual.Partials));
            Assert.Equal(expected.Sketch, actual.Sketch);
            Assert.Equal(expected.Fans, actual.Fans);
        }
    }

    [Fact]
    public void EveryDeviceRunsOnItsOwnDedicatedThreadConcurrently()
    {
        var plan = TestSweeps.RandomGrid(seed: 34, horizon: 6, demandValues: 40);
        using var together = new Barrier(3);
        var standIns = Enumerable.Range(0, 3).Select(_ => new RecordingBackend(together)).ToArray();
        using var multi = new MultiDeviceBackend(standIns);
        var rows = new ChunkBuffers(plan.OutcomeCount, 3 * PartialLayout.BlockSize, 0);
        var layout = AggregateBuffers.LayoutFor(plan);
        var aggregate = new AggregateBuffers(layout, plan.OutcomeCount, 3) { Blocks = 3, Count = 3 * PartialLayout.BlockSize };
        for (var k = 0; k < 2; k++)
        {
            // Three blocks, three devices: each gets one, and each waits at the barrier for the others.
            multi.Compute(plan, k * rows.Capacity, rows.Capacity, rows);
            multi.ComputeAggregate(plan, k * rows.Capacity, rows.Capacity, aggregate);
        }

        var threads = standIns.Select(s => Assert.Single(s.Threads.Distinct())).ToList();
        Assert.All(standIns, s => Assert.Equal(4, s.Threads.Count));
        Assert.Equal(3, threads.Distinct().Count());
        Assert.DoesNotContain(Environment.CurrentManagedThreadId, threads);
        Assert.Equal([0, PartialLayout.BlockSize, 2 * PartialLayout.BlockSize, 3 * PartialLayout.BlockSize, 4 * PartialLayout.BlockSize, 5 * PartialLayout.BlockSize], standIns.SelectMany(s => s.Firsts).Distinct().Order());
    }

    [Fact]
    public void ChunksSmallerThanOneBlockPerDeviceUseTheFirstDevicesOnly()
    {
        var plan = TestSweeps.RandomGrid(seed: 35, horizon: 6, demandValues: 4);
        var standIns = Enumerable.Range(0, 4).Select(_ => new RecordingBackend(null)).ToArray();
        using var multi = new MultiDeviceBackend(standIns);
        using var single = new CpuBackend(maxThreads: 1);
        var expected = new ChunkBuffers(plan.OutcomeCount, 100, 0);
        var actual = new ChunkBuffers(plan.OutcomeCount, 100, 0);
        single.Compute(plan, 7, 100, expected);
        multi.Compute(plan, 7, 100, actual);
        for (var c = 0; c < plan.OutcomeCount; c++)
        {
            Assert.Equal(Bits(expected.Outcomes[c]), Bits(actual.Outcomes[c]));
        }

        Assert.Single(standIns[0].Threads);
        Assert.All(standIns.Skip(1), s => Assert.Empty(s.Threads));
    }

    [Fact]
    public void AWorkerFailureReachesTheCallerAndTheBackendStaysUsable()
    {
        var plan = TestSweeps.RandomGrid(seed: 36, horizon: 6, demandValues: 4);
        var failing = new RecordingBackend(null) { FailNext = true };
        using var multi = new MultiDeviceBackend([new RecordingBackend(null), failing]);
        var rows = new ChunkBuffers(plan.OutcomeCount, 2 * PartialLayout.BlockSize, 0);
        var error = Assert.Throws<InvalidOperationException>(() => multi.Compute(plan, 0, rows.Capacity, rows));
        Assert.Equal("stand-in failure", error.Message);
        multi.Compute(plan, 0, rows.Capacity, rows);
    }

    [Theory]
    [InlineData("all", 3, new[] { 0, 1, 2 })]
    [InlineData("0,1", 2, new[] { 0, 1 })]
    [InlineData(" 2, 0 ", 3, new[] { 2, 0 })]
    public void DeviceListsParse(string spec, int available, int[] expected)
    {
        DeviceList.CheckSyntax(spec);
        Assert.Equal(expected, DeviceList.Parse(spec, available));
    }

    [Theory]
    [InlineData("", 2)]
    [InlineData("0,x", 2)]
    [InlineData("-1", 2)]
    [InlineData("0,0", 2)]
    [InlineData("0,2", 2)]
    [InlineData("1;2", 4)]
    public void BadDeviceListsAreRefusedNamingTheOption(string spec, int available)
    {
        var error = Assert.Throws<ArgumentException>(() => DeviceList.Parse(spec, available));
        Assert.Contains("--devices", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WithoutCudaOpenManyRunsTheCpuBackendAndSaysSo()
    {
        using var devices = new Devices();
        if (devices.Cuda.Count > 0)
        {
            return; // with a GPU, CudaDevicesMatchOneDevice covers OpenMany
        }

        using var backend = devices.OpenMany("all", out var reason);
        Assert.IsType<CpuBackend>(backend);
        Assert.Contains("no CUDA device", reason, StringComparison.Ordinal);
        Assert.Throws<BackendUnavailableException>(() => devices.OpenMany("0,1", out _, requireCuda: true));
        Assert.Throws<ArgumentException>(() => devices.OpenMany("zero", out _));
    }

    [CudaFact]
    public async Task CudaDevicesMatchOneDevice()
    {
        var plan = TestSweeps.RandomGrid(seed: 37, horizon: 24, demandValues: 40);
        using var devices = new Devices();
        using var one = devices.Open(BackendChoice.Cuda, 0, out _);
        using var all = devices.OpenMany("all", out _, requireCuda: true);
        AssertSameRows(await CollectingSink.RunAsync(plan, one, 10_000, series: true), await CollectingSink.RunAsync(plan, all, 10_000, series: true));
        var expected = await CollectedAggregates.RunAsync(plan, one, 10_000);
        var actual = await CollectedAggregates.RunAsync(plan, all, 10_000);
        Assert.Equal(DoubleBits(expected.Partials), DoubleBits(actual.Partials));
        Assert.Equal(expected.Sketch, actual.Sketch);
    }

    private static void AssertSameRows(CollectingSink expected, CollectingSink actual)
    {
        for (var c = 0; c < expected.Outcomes.Length; c++)
        {
            Assert.Equal(Bits(expected.Outcomes[c]), Bits(actual.Outcomes[c]));
        }
    }

    private static int[] Bits(float[] values) => [.. values.Select(BitConverter.SingleToInt32Bits)];

    private static long[] DoubleBits(double[] values) => [.. values.Select(BitConverter.DoubleToInt64Bits)];

    /// <summary>A CPU stand-in for a GPU that records the thread and range of every call.</summary>
    private sealed class RecordingBackend(Barrier? together) : ISweepBackend
    {
        private readonly CpuBackend _cpu = new(maxThreads: 1);

        public List<int> Threads { get; } = [];

        public List<long> Firsts { get; } = [];

        public bool FailNext { get; set; }

        public string Name => "stand-in";

        public string Device => "stand-in";

        public void Compute(SweepPlan plan, long first, int count, ChunkBuffers buffers)
        {
            Enter(first);
            _cpu.Compute(plan, first, count, buffers);
        }

        public void ComputeAggregate(SweepPlan plan, long first, int count, AggregateBuffers target)
        {
            Enter(first);
            _cpu.ComputeAggregate(plan, first, count, target);
        }

        public void Dispose() => _cpu.Dispose();

        private void Enter(long first)
        {
            Threads.Add(Environment.CurrentManagedThreadId);
            Firsts.Add(first);
            if (FailNext)
            {
                FailNext = false;
                throw new InvalidOperationException("stand-in failure");
            }

            Assert.True(together?.SignalAndWait(TimeSpan.FromSeconds(60)) ?? true, "the devices did not run concurrently");
        }
    }
}
