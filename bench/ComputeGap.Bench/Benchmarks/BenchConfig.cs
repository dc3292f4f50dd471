using BenchmarkDotNet.Configs;
using Perfolizer.Horology;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace ComputeGap.Bench.Benchmarks;

/// <summary>The one configuration every benchmark here runs with.</summary>
public static class BenchConfig
{
    /// <summary>
    /// BenchmarkDotNet's short job, in process. The default out-of-process toolchain would generate
    /// and build a copy of this project next to the repository's own build output; in process it
    /// reuses this build (made with a private <c>--artifacts-path</c>) and leaves the tree alone.
    /// Results go to a temporary folder for the same reason. Iterations last at least 200 ms, so the
    /// fast backends' timings are not dominated by the thread pool's start-up of Parallel.For.
    /// </summary>
    public static IConfig Create() => DefaultConfig.Instance
        .AddJob(Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance).WithMinIterationTime(TimeInterval.FromMilliseconds(200)))
        .WithArtifactsPath(Path.Combine(Path.GetTempPath(), "computegap-bdn"));
}
