using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using ComputeGap.Bench.Harness;
using ComputeGap.Bench.Reference;
using ComputeGap.Engine.Backends;
using ComputeGap.Engine.Running;

namespace ComputeGap.Bench.Benchmarks;

/// <summary>
/// One chunk of the default sweep per backend, reported per scenario; the hand-specialised
/// reference is the baseline, so the Ratio column is each backend's cost relative to the machine's
/// practical limit.
/// </summary>
public class SweepBenchmarks : IDisposable
{
    /// <summary>Scenarios per invocation: the first of the default sweep.</summary>
    public const int Scenarios = 16_384;

    private SweepPlan _plan = null!;
    private ChunkBuffers _buffers = null!;
    private SpecialisedBackend _reference = null!;
    private CpuBackend _cpu = null!;
    private Devices _devices = null!;
    private ISweepBackend _ilgpu = null!;

    [GlobalSetup]
    public void Setup()
    {
        _plan = BenchSweeps.Default();
        _buffers = new ChunkBuffers(_plan.OutcomeCount, Scenarios, 0);
        _reference = new SpecialisedBackend();
        _cpu = new CpuBackend();
        _devices = new Devices();
        _ilgpu = _devices.Open(BackendChoice.IlgpuCpu, 0, out _);

        // Run each backend for a while first: with every core computing, the JIT's background
        // promotion of the model's many small generic methods to optimised code takes longer than
        // BenchmarkDotNet's jitting stage, which then sees tier-0 code and settles on one invocation
        // per iteration.
        foreach (var backend in new ISweepBackend[] { _reference, _cpu, _ilgpu })
        {
            var clock = Stopwatch.StartNew();
            do
            {
                backend.Compute(_plan, 0, Scenarios, _buffers);
            }
            while (clock.Elapsed < TimeSpan.FromSeconds(1));
        }
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Scenarios)]
    public void Reference() => _reference.Compute(_plan, 0, Scenarios, _buffers);

    [Benchmark(OperationsPerInvoke = Scenarios)]
    public void Cpu() => _cpu.Compute(_plan, 0, Scenarios, _buffers);

    [Benchmark(OperationsPerInvoke = Scenarios)]
    public void IlgpuCpu() => _ilgpu.Compute(_plan, 0, Scenarios, _buffers);

    [GlobalCleanup]
    public void Cleanup() => Dispose();

    public void Dispose()
    {
        _ilgpu?.Dispose();
        _devices?.Dispose();
        _cpu?.Dispose();
        _reference?.Dispose();
        _ilgpu = null!;
        _devices = null!;
        GC.SuppressFinalize(this);
    }
}
