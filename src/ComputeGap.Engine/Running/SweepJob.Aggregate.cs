using System.Diagnostics;
using ComputeGap.Engine.Aggregation;
using ComputeGap.Engine.Backends;
using ComputeGap.Engine.Output;

namespace ComputeGap.Engine.Running;

/// <summary>Aggregate output: reductions merged chunk by chunk and committed as parts at checkpoints.</summary>
public static partial class SweepJob
{
    private static async Task RunAggregateAsync(
        SweepPlan plan,
        ISweepBackend backend,
        RunFiles files,
        RunManifest manifest,
        IReadOnlyDictionary<string, string> metadata,
        SweepRequest request,
        SweepOptions options,
        IProgress<SweepProgress> progress,
        CancellationToken cancellationToken)
    {
        var layout = AggregateBuffers.LayoutFor(plan);
        var order = options.Order ?? RunOrder.Scenarios(plan.ScenarioCount);
        var sinceCommit = Stopwatch.StartNew();
        AggregateState? pending = null;
        var partFirst = options.First;
        long pendingCount = 0;

        async Task CommitAsync()
        {
            if (pending is null || pendingCount == 0)
            {
                return;
            }

            var written = await pending.WriteAsync(files.PartStem(partFirst), metadata, request.Compression, cancellationToken).ConfigureAwait(false);
            manifest.Record(new ScenarioRange(partFirst, pendingCount), written);
            partFirst += pendingCount;
            pendingCount = 0;
            pending = null;
            sinceCommit.Restart();
        }

        await AggregateRunner.RunAsync(
            plan,
            backend,
            async (chunk, _) =>
            {
                if (pending is null)
                {
                    pending = new AggregateState(plan, layout);
                    if (request.Series)
                    {
                        pending.KeepFans(plan.Shape.Months, plan.Model.SeriesColumns);
                    }

                    if (AggregateBuffers.HasSensitivity(plan))
                    {
                        pending.KeepSensitivity(OutputMetadata.DesignOf(plan.Spec)!);
                    }

                    if (request.Condition is { } condition)
                    {
                        pending.KeepWhere(condition);
                    }

                    if (order.IsFutures)
                    {
                        pending.KeepPolicies(AggregateBuffers.ComparedFor(plan, options.Compare), order.Window);
                    }
                }

                pending.Add(chunk.ToChunk());
                pendingCount += chunk.Count;

                // In future order a part holds whole windows, so that each compares every policy on its futures.
                if (sinceCommit.Elapsed >= request.CheckpointInterval && order.IsBoundary(partFirst + pendingCount))
                {
                    await CommitAsync().ConfigureAwait(false);
                }
            },
            options,
            progress,
            cancellationToken).ConfigureAwait(false);
        var last = pendingCount;
        await Heartbeat.AwaitAsync(CommitAsync(), () => progress.Report(new SweepProgress(options.Count - last, options.Count, TimeSpan.Zero) { Writing = last })).ConfigureAwait(false);
        progress.Report(new SweepProgress(options.Count, options.Count, TimeSpan.Zero));
    }
}
