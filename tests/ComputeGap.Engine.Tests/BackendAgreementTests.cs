using ComputeGap.Engine.Backends;

using ComputeGap.Tests.Shared;

namespace ComputeGap.Engine.Tests;

/// <summary>
/// cpu (vector lanes), ilgpu-cpu (the real ILGPU kernel) and the independent float64 reference agree
/// within MODEL.md's tolerance on a seeded random grid; chunking never changes a result.
/// </summary>
public sealed class BackendAgreementTests
{
    [Fact]
    public async Task CpuIlgpuCpuAndReferenceAgreeOnRandomGrid()
    {
        var plan = TestSweeps.RandomGrid(seed: 42);
        using var devices = new Devices();
        using var cpu = devices.Open(BackendChoice.Cpu, 0, out _);
        using var ilgpu = devices.Open(BackendChoice.IlgpuCpu, 0, out _);
        var fromCpu = await CollectingSink.RunAsync(plan, cpu, chunkSize: 1000);
        var fromKernel = await CollectingSink.RunAsync(plan, ilgpu, chunkSize: 1000);

        var regions = plan.Shape.Regions;
        for (long i = 0; i < plan.ScenarioCount; i++)
        {
            var reference = ReferenceModel.Run(TestSweeps.Slots(plan, i), plan.Shape).Outcomes;
            OutcomeAssert.Close(reference, Row(fromCpu, i), regions, $"cpu, scenario {i}");
            OutcomeAssert.Close(reference, Row(fromKernel, i), regions, $"ilgpu-cpu, scenario {i}");
        }
    }

    [Fact]
    public async Task TinyChunksGiveBitIdenticalResultsToOneBigChunk()
    {
        var plan = TestSweeps.RandomGrid(seed: 7, horizon: 30);
        using var cpu = new CpuBackend();
        var big = await CollectingSink.RunAsync(plan, cpu, chunkSize: 1 << 20);
        var tiny = await CollectingSink.RunAsync(plan, cpu, chunkSize: 13);
        Assert.True(tiny.Chunks >= 40, $"only {tiny.Chunks} chunks");
        for (var c = 0; c < plan.OutcomeCount; c++)
        {
            Assert.Equal(big.Outcomes[c], tiny.Outcomes[c]);
        }
    }

    [Fact]
    public async Task IlgpuKernelTinyChunksMatchBigChunks()
    {
        var plan = TestSweeps.RandomGrid(seed: 8, horizon: 24);
        using var devices = new Devices();
        using var ilgpu = devices.Open(BackendChoice.IlgpuCpu, 0, out _);
        var big = await CollectingSink.RunAsync(plan, ilgpu, chunkSize: 4096);
        var tiny = await CollectingSink.RunAsync(plan, ilgpu, chunkSize: 100);
        for (var c = 0; c < plan.OutcomeCount; c++)
        {
            Assert.Equal(big.Outcomes[c], tiny.Outcomes[c]);
        }
    }

    [Fact]
    public async Task SeriesSharesSumToOneAndEndAtTheShareColumns()
    {
        var plan = TestSweeps.RandomGrid(seed: 9, horizon: 18);
        using var cpu = new CpuBackend();
        var run = await CollectingSink.RunAsync(plan, cpu, chunkSize: 100, series: true);
        var (months, regions) = (plan.Shape.Months, plan.Shape.Regions);
        Assert.Equal(plan.ScenarioCount * months * regions, run.Series.Count);
        for (var i = 0; i < plan.ScenarioCount; i++)
        {
            for (var t = 0; t < months; t++)
            {
                var sum = 0.0;
                for (var r = 0; r < regions; r++)
                {
                    sum += run.Series[(((i * months) + t) * regions) + r];
                }

                Assert.Equal(1.0, sum, 5);
            }

            for (var r = 0; r < regions; r++)
            {
                Assert.Equal(run.Outcomes[r][i], run.Series[(((i * months) + months - 1) * regions) + r]);
            }
        }
    }

    [CudaFact]
    public async Task CudaAgreesWithCpu()
    {
        var plan = TestSweeps.RandomGrid(seed: 42);
        using var devices = new Devices();
        using var cpu = devices.Open(BackendChoice.Cpu, 0, out _);
        using var cuda = devices.Open(BackendChoice.Cuda, 0, out _);
        var a = await CollectingSink.RunAsync(plan, cpu, chunkSize: 1000);
        var b = await CollectingSink.RunAsync(plan, cuda, chunkSize: 1000);
        for (long i = 0; i < plan.ScenarioCount; i++)
        {
            OutcomeAssert.Close([.. Row(a, i).Select(v => (double)v)], Row(b, i), plan.Shape.Regions, $"cuda, scenario {i}");
        }
    }

    private static float[] Row(CollectingSink sink, long i) => [.. sink.Outcomes.Select(column => column[i])];
}
