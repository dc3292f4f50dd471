using BenchmarkDotNet.Running;
using ComputeGap.Bench.Benchmarks;
using ComputeGap.Bench.Harness;

// Main only picks the mode and calls it: the harness (default), the breakdown, or BenchmarkDotNet.
var mode = args.Length > 0 ? args[0] : "throughput";
switch (mode)
{
    case "throughput":
        return await ThroughputHarness.RunAsync(Console.Out).ConfigureAwait(false);
    case "quick":
        return await ThroughputHarness.RunQuickAsync(Console.Out).ConfigureAwait(false);
    case "profile":
        CpuBreakdown.Run(Console.Out);
        return 0;
    case "designs":
        return await DesignBench.RunAsync(Console.Out).ConfigureAwait(false);
    case "verify":
        return await VerifyBench.RunAsync(Console.Out).ConfigureAwait(false);
    case "discover":
        return await DiscoverBench.RunAsync(Console.Out, args[1..]).ConfigureAwait(false);
    case "discover-child":
        return await DiscoverBench.ChildAsync(Console.Out, args[1..]).ConfigureAwait(false);
    case "summarize":
        return await SummarizeBench.RunAsync(Console.Out, args[1..]).ConfigureAwait(false);
    case "summarize-child":
        return await SummarizeBench.ChildAsync(Console.Out, args[1..]).ConfigureAwait(false);
    case "reduce":
        return await ReductionBreakdown.RunAsync(Console.Out).ConfigureAwait(false);
    case "cells":
        return await GridCellBench.RunAsync(Console.Out).ConfigureAwait(false);
    case "policies":
        return await PolicyBench.RunAsync(Console.Out).ConfigureAwait(false);
    case "bdn":
        BenchmarkSwitcher.FromAssembly(typeof(SweepBenchmarks).Assembly).Run(args[1..], BenchConfig.Create());
        return 0;
    default:
        await Console.Error.WriteLineAsync($"unknown mode '{mode}': use throughput (default), quick, profile, reduce, cells, policies, designs, verify, discover [ROWS] [GRID], summarize [ROWS] [BOTH], or bdn [BenchmarkDotNet args]").ConfigureAwait(false);
        return 2;
}
