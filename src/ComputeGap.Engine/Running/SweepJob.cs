using System.Diagnostics;
using ComputeGap.Engine.Backends;
using ComputeGap.Engine.Output;
using ComputeGap.IO.Reports;
using ComputeGap.Sweep.Spec;

namespace ComputeGap.Engine.Running;

/// <summary>The sweep command's library entry: check, plan, open the backend, run what is missing, commit parts.</summary>
public static partial class SweepJob
{
    /// <summary>Refuses requests that cannot run as asked, before anything is written.</summary>
    public static void CheckSize(SweepRequest request)
    {
        var spec = request.Spec;
        if (request.Output == OutputMode.Rows && request.Scenarios > request.RowLimit)
        {
            throw new SpecException(spec.SourceName, "$.axes", $"{request.Scenarios:N0} scenarios exceed the row-output limit of {request.RowLimit:N0} rows (use --output aggregate or auto, raise --row-limit, or shard with --shard i/N)");
        }

        var seriesRows = request.Scenarios * (long)spec.HorizonMonths * spec.Regions.Count;
        if (request.Series && request.Mode == OutputMode.Rows && seriesRows > request.RowLimit)
        {
            throw new SpecException(spec.SourceName, "$.axes", $"--series would write {seriesRows:N0} rows (scenarios x months x regions), over the limit of {request.RowLimit:N0} (raise --row-limit or shrink the axes)");
        }
    }

    public static async Task<SweepResult> RunAsync(
        SweepRequest request, Devices devices, Action<string>? log = null, IProgress<SweepProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        CheckSize(request);
        var plan = new SweepPlan(request.Spec);
        var files = new RunFiles(request.OutDirectory, request.Spec.Name, request.Slice, request.Mode);
        var identity = OutputMetadata.For(plan, "-", "-", DateTimeOffset.UtcNow);
        OutputGuard.RefuseForeignOutput(files, identity);

        Directory.CreateDirectory(request.OutDirectory);
        files.RemoveStaleTemporaries(request.First, request.Scenarios);
        var manifest = OpenManifest(request, files, identity, log);
        files.RemoveUnlisted(manifest);
        var missing = manifest.Missing();
        var todo = missing.Sum(r => r.Count);
        using var backend = request.Devices is { } list
            ? devices.OpenMany(list, out var reason, requireCuda: request.Backend == BackendChoice.Cuda)
            : devices.Open(request.Backend, request.CudaDevice, out reason);
        log?.Invoke($"backend: {backend.Name} on {backend.Device} ({reason})");
        log?.Invoke(request.Output == OutputMode.Auto
            ? $"output: {(request.Mode == OutputMode.Aggregate ? "aggregate" : "rows")} (auto: {request.Scenarios:N0} scenarios, row limit {request.RowLimit:N0})"
            : $"output: {(request.Mode == OutputMode.Aggregate ? "aggregate" : "rows")}");
        if (todo < request.Scenarios)
        {
            log?.Invoke($"resuming: {request.Scenarios - todo:N0} of {request.Scenarios:N0} scenarios are already committed");
        }

        var metadata = OutputMetadata.For(plan, backend.Name, backend.Device, DateTimeOffset.UtcNow);
        metadata["output"] = request.Mode == OutputMode.Aggregate ? "aggregate" : "rows";
        var clock = Stopwatch.StartNew();
        var offset = new OffsetProgress(progress, todo);
        foreach (var range in missing)
        {
            var options = new SweepOptions(request.ChunkSize, range.First, range.Count, request.Series);
            if (request.Mode == OutputMode.Aggregate)
            {
                await RunAggregateAsync(plan, backend, files, manifest, metadata, request, options, offset, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                var sink = new RowPartSink(files, manifest, request.Series, metadata, request.Compression);
                await SweepRunner.RunAsync(plan, backend, sink, options, offset, cancellationToken).ConfigureAwait(false);
            }

            offset.Complete(range.Count);
        }

        return new SweepResult(request.Mode, request.OutDirectory, request.Scenarios, todo, clock.Elapsed, backend.Name, backend.Device, reason);
    }

    /// <summary>A file-name-safe form of the sweep's name.</summary>
    public static string FileStem(string name)
    {
        var safe = new string([.. name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '_')]).Trim('.');
        return safe.Length > 0 ? safe : "sweep";
    }

    /// <summary>The run's manifest: resumed as it is, or started afresh (replacing this run's earlier parts).</summary>
    private static RunManifest OpenManifest(SweepRequest request, RunFiles files, Dictionary<string, string> identity, Action<string>? log)
    {
        var existing = RunManifest.Load(files.Manifest);
        if (existing is not null && request.Resume && existing.First == request.First && existing.Count == request.Scenarios)
        {
            return existing;
        }

        if (existing is not null)
        {
            foreach (var file in existing.Parts.SelectMany(p => p.Files))
            {
                File.Delete(Path.Combine(files.Directory, file));
            }

            log?.Invoke(request.Resume
                ? "resume: the earlier run covered other scenarios; starting afresh"
                : $"replacing the earlier output of this run ({existing.Parts.Count} parts)");
        }
        else if (request.Resume)
        {
            log?.Invoke("resume: no earlier run of this sweep here; starting afresh");
        }

        var manifest = new RunManifest
        {
            SweepSha256 = identity[MetadataKeys.SweepSha256],
            BaselineSha256 = identity[MetadataKeys.BaselineSha256],
            ModelVersion = request.Spec.Model.Version,
            Output = request.Mode == OutputMode.Aggregate ? "aggregate" : "rows",
            First = request.First,
            Count = request.Scenarios,
        }.At(files.Manifest);
        manifest.Save();
        return manifest;
    }

    /// <summary>Reports progress across several ranges as one run.</summary>
    private sealed class OffsetProgress(IProgress<SweepProgress>? inner, long total) : IProgress<SweepProgress>
    {
        private readonly Stopwatch _clock = Stopwatch.StartNew();
        private long _before;

        public void Report(SweepProgress value) => inner?.Report(new SweepProgress(_before + value.Done, total, _clock.Elapsed));

        public void Complete(long count) => _before += count;
    }
}
