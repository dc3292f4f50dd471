using System.Diagnostics;
using ComputeGap.Engine.Aggregation;
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

        if (request.Condition is { } condition)
        {
            CheckWhere(request, condition);
        }

        if (request.Decompose is not null)
        {
            CheckDecompose(request);
        }

        if (request.Compare is not null)
        {
            CheckCompare(request);
        }

        var seriesRows = request.Scenarios * (long)spec.HorizonMonths * spec.Regions.Count;
        if (request.Series && request.Mode == OutputMode.Rows && seriesRows > request.RowLimit)
        {
            throw new SpecException(spec.SourceName, "$.axes", $"--series would write {seriesRows:N0} rows (scenarios x months x regions), over the limit of {request.RowLimit:N0} (raise --row-limit or shrink the axes)");
        }
    }

    /// <summary>
    /// A bitmap is kept beside aggregates of a grid, for a condition on outcomes: rows hold every
    /// outcome already (discover reads them), a sampled design's boxes are not sub-grids, and a box
    /// restricts axes, so a condition on an axis says nothing.
    /// </summary>
    private static void CheckWhere(SweepRequest request, IO.Discovery.WhereExpression condition)
    {
        if (request.Mode != OutputMode.Aggregate)
        {
            throw new ArgumentException($"--where keeps one bit per scenario beside aggregates; this sweep writes rows ({request.Scenarios:N0} scenarios, row limit {request.RowLimit:N0}), which discover and summarize --where read directly: drop --where, or pass --output aggregate");
        }

        if (request.Spec.Design is not null)
        {
            throw new ArgumentException("--where bitmaps are for grids, whose boxes are sub-grids; for a sampled design, write rows (--output rows) and run discover on them");
        }

        CheckOutcomes("--where", condition.Columns, request);
    }

    /// <summary>Every name <paramref name="option"/> gives is an outcome of the sweep's model (else one line, with the closest name).</summary>
    private static void CheckOutcomes(string option, IEnumerable<string> names, SweepRequest request)
    {
        var outcomes = new SweepPlan(request.Spec).OutcomeNames;
        foreach (var name in names)
        {
            IO.Names.UnknownColumn.Check(option, name, outcomes, request.Spec.SourceName);
        }
    }

    /// <summary>
    /// <c>--decompose</c> names outcomes of the model whose decomposition a grid's aggregates keep: rows
    /// decompose every outcome already, and a sampled design or a grid too large for main effects keeps no cells.
    /// </summary>
    private static void CheckDecompose(SweepRequest request)
    {
        if (request.Mode != OutputMode.Aggregate)
        {
            throw new ArgumentException($"--decompose keeps grid cells beside aggregates; this sweep writes rows ({request.Scenarios:N0} scenarios, row limit {request.RowLimit:N0}), from which summarize decomposes any outcome: drop --decompose, or pass --output aggregate");
        }

        var plan = new SweepPlan(request.Spec);
        if (request.Spec.Design is not null || plan.AxisSlots.Length == 0 || !AggregateBuffers.HasMainEffects(plan))
        {
            throw new ArgumentException($"--decompose is for grids of at most {Core.Reduction.PartialLayout.MaxAxisValues} axis values in all: this sweep keeps no grid cells");
        }

        if (request.DecomposeOutcomes.Count == 0)
        {
            throw new ArgumentException("--decompose: give one or more outcomes, comma-separated (e.g. installed_EU,price_final)");
        }

        CheckOutcomes("--decompose", request.DecomposeOutcomes, request);
    }

    /// <summary>
    /// <c>--compare</c> names outcomes whose policy comparison aggregates keep beside the regional shares:
    /// rows compare any outcome already, and only a sampled design with levers run in future order has one.
    /// </summary>
    private static void CheckCompare(SweepRequest request)
    {
        if (request.Mode != OutputMode.Aggregate)
        {
            throw new ArgumentException($"--compare keeps a policy comparison beside aggregates; this sweep writes rows ({request.Scenarios:N0} scenarios, row limit {request.RowLimit:N0}), from which summarize compares the policies on any outcome: drop --compare, or pass --output aggregate");
        }

        if (!request.Order.IsFutures)
        {
            var spec = request.Spec;
            throw new ArgumentException(spec.Design is null || spec.ScenarioCount / spec.Evaluations < 2
                ? "--compare is for sampled designs with levers (two or more lever combinations): this sweep has no policies to compare"
                : $"--compare: this design's aggregates cannot compare policies: {WhyPoliciesNotCompared(request)}; write rows, which compare any design");
        }

        if (request.CompareOutcomes.Count == 0)
        {
            throw new ArgumentException("--compare: give one or more outcomes, comma-separated (e.g. installed_EU,price_final)");
        }

        CheckOutcomes("--compare", request.CompareOutcomes, request);
    }

    /// <summary>
    /// Why an aggregate run of a sampled design with levers will hold no policy comparison, with the least
    /// <c>samples</c> (or <c>trajectories</c>) that would have one when the futures are not whole units; or
    /// null when it will (or there is none to make).
    /// </summary>
    public static string? WhyPoliciesNotCompared(SweepRequest request)
    {
        var spec = request.Spec;
        if (request.Mode != OutputMode.Aggregate || spec.Design is not { } design || spec.ScenarioCount / spec.Evaluations < 2 || request.Order.IsFutures)
        {
            return null;
        }

        return PolicyAlignment.WhyNot(design.Kind, design.Header.Samples, design.Header.Group, spec.ScenarioCount / spec.Evaluations, request.Slice.Count);
    }

    /// <summary>
    /// What a stopped run of <paramref name="request"/> keeps, for the line that says how to resume it: the
    /// scenarios its manifest lists as committed, or why none are (a run that compares its policies in one
    /// window commits only at its end).
    /// </summary>
    public static string KeptOnStop(SweepRequest request)
    {
        long done;
        try
        {
            done = RunManifest.Load(request.Files.Manifest)?.Done ?? 0;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or DamagedOutputException)
        {
            return $"every finished part in {request.OutDirectory} is kept";
        }

        return done > 0 ? $"every finished part in {request.OutDirectory} is kept ({done:N0} scenarios)"
            : request.Order.IsOneWindow
                ? $"no part in {request.OutDirectory} was finished: a run that compares its policies in one window commits only at its end"
            : $"no part in {request.OutDirectory} was finished yet";
    }

    public static async Task<SweepResult> RunAsync(
        SweepRequest request, Devices devices, Action<string>? log = null, IProgress<SweepProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        CheckSize(request);
        var plan = new SweepPlan(request.Spec);
        var files = request.Files;
        var identity = OutputMetadata.For(plan, "-", "-", DateTimeOffset.UtcNow);
        Directory.CreateDirectory(request.OutDirectory);
        var (runLock, manifest) = await ClaimRunAsync(request, files, identity, log, cancellationToken).ConfigureAwait(false);
        using var held = runLock;
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

        if (WhyPoliciesNotCompared(request) is { } why)
        {
            log?.Invoke($"policies: these aggregates will not compare the lever combinations: {why}; rows compare any design (--output rows)");
        }

        var more = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [MetadataKeys.Output] = request.Mode == OutputMode.Aggregate ? "aggregate" : "rows",
        };
        if (request.Condition is { } where)
        {
            more[WhereTable.MetadataKey] = where.ToString();
        }

        var metadata = OutputMetadata.For(plan, backend.Name, backend.Device, manifest.Created, more);
        var clock = Stopwatch.StartNew();
        var times = new SweepTimes();
        var offset = new OffsetProgress(progress, todo);
        foreach (var range in missing)
        {
            var options = new SweepOptions(request.ChunkSize, range.First, range.Count, request.Series, KeepOutcomes: request.Where is not null, Times: times,
                Decompose: request.DecomposeOutcomes, Order: request.Order, Compare: request.CompareOutcomes);
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

        return new SweepResult(request.Mode, request.OutDirectory, request.Scenarios, todo, clock.Elapsed, backend.Name, backend.Device, reason) { Computing = times.Computing };
    }

    /// <summary>
    /// Makes this process the run's one writer and opens its manifest. The directory's claim lock is
    /// held (waiting a few seconds for another writer's claim) while the directory is checked for
    /// foreign output, the run's own lock is taken (refused at once when another live process holds
    /// it) and the manifest is opened and repaired, so two writers never both pass the check.
    /// </summary>
    private static async Task<(RunLock Lock, RunManifest Manifest)> ClaimRunAsync(
        SweepRequest request, RunFiles files, Dictionary<string, string> identity, Action<string>? log, CancellationToken cancellationToken)
    {
        var sweep = request.Spec.SourceName;
        using var claim = RunLock.Acquire(files.DirectoryLock, sweep, files.Directory, ClaimWait);
        OutputGuard.RefuseForeignOutput(files, identity);
        var runLock = RunLock.Acquire(files.Lock, sweep, $"{files.Directory} ({Path.GetFileName(files.Manifest)})", ProbeWait);
        try
        {
            if (runLock.TakenOverFrom is { } dead)
            {
                log?.Invoke($"lock: taking over the stale lock of {dead}");
            }

            files.RemoveStaleTemporaries(request.First, request.Scenarios);
            var manifest = await OpenManifestAsync(request, files, identity, log, cancellationToken).ConfigureAwait(false);
            files.RemoveUnlisted(manifest);
            return (runLock, manifest);
        }
        catch
        {
            runLock.Dispose();
            throw;
        }
    }

    /// <summary>How long a writer waits for the directory claim: others hold it only while they check the directory.</summary>
    private static readonly TimeSpan ClaimWait = TimeSpan.FromSeconds(5);

    /// <summary>How long a writer waits for its run's lock: enough to ride over another writer's probe (<see cref="RunLock.Holder"/>), never over a run.</summary>
    private static readonly TimeSpan ProbeWait = TimeSpan.FromMilliseconds(200);

    /// <summary>The run's manifest: resumed (its damaged parts dropped to be recomputed), or started afresh (replacing this run's earlier parts).</summary>
    private static async Task<RunManifest> OpenManifestAsync(
        SweepRequest request, RunFiles files, Dictionary<string, string> identity, Action<string>? log, CancellationToken cancellationToken)
    {
        RunManifest? existing;
        try
        {
            existing = RunManifest.Load(files.Manifest);
        }
        catch (DamagedOutputException e)
        {
            log?.Invoke($"{(request.Resume ? "repair" : "replacing")}: {e.Message}; this run's parts are recomputed");
            existing = null;
        }

        var where = request.Condition?.ToString();
        var order = request.Order.ManifestName;
        var plan = new SweepPlan(request.Spec);
        var compared = request.Order.IsFutures ? string.Join(',', AggregateBuffers.ComparedFor(plan, request.CompareOutcomes)) : null;

        // A manifest written before it recorded the compared outcomes compared the default ones.
        var earlierCompared = existing is { Compared: null, Order: not null } ? string.Join(',', AggregateBuffers.ComparedFor(plan)) : existing?.Compared;

        // An aggregate run counts its thresholds in every part; one written before they were recorded counted those on the key columns.
        string? Named(IEnumerable<Core.Reduction.ThresholdTest> tests) => string.Join("; ", tests.Select(t => t.Name(plan.OutcomeNames)));
        var thresholds = request.Mode == OutputMode.Aggregate ? Named(plan.Thresholds) : null;
        var earlierThresholds = existing is { Thresholds: null, Output: "aggregate" } ? Named(Core.Reduction.Thresholds.Keyed(plan.Keys)) : existing?.Thresholds;
        if (existing is not null && request.Resume && existing.First == request.First && existing.Count == request.Scenarios && existing.Where == where
            && existing.PartSchema == RowSchema.Current && existing.Order == order && earlierCompared == compared && earlierThresholds == thresholds)
        {
            RunRepair.DropDamagedParts(existing, files.Directory, log);
            return existing;
        }

        if (existing is not null)
        {
            foreach (var file in existing.Parts.SelectMany(p => p.Files))
            {
                File.Delete(Path.Combine(files.Directory, file));
            }

            var replaced = existing.Parts.Count;
            existing.Parts.Clear();

            log?.Invoke(request.Resume
                ? existing.PartSchema != RowSchema.Current
                    ? $"resume: the earlier run's parts are in row schema {existing.PartSchema}, and this tool writes {RowSchema.Current}; starting afresh"
                    : existing.Order != order
                    ? $"resume: the earlier run took its scenarios in {existing.Order ?? "scenario order"}, this one in {order ?? "scenario order"}; starting afresh"
                    : earlierCompared != compared
                    ? $"resume: the earlier run compared the policies on {earlierCompared}, this one on {compared}; starting afresh"
                    : earlierThresholds != thresholds
                    ? $"resume: the earlier run counted the thresholds {earlierThresholds}, this one {thresholds}; starting afresh"
                    : existing.Where != where
                    ? $"resume: the earlier run kept the bitmap of {(existing.Where is null ? "no condition" : $"\"{existing.Where}\"")}, not of {(where is null ? "none" : $"\"{where}\"")}; starting afresh"
                    : "resume: the earlier run covered other scenarios; starting afresh"
                : $"replacing the earlier output of this run ({replaced} parts)");
        }
        else if (request.Resume)
        {
            log?.Invoke("resume: no earlier run of this sweep here; starting afresh");
        }

        // A resumed run whose manifest was lost keeps its start time, as its surviving parts record it.
        var created = request.Resume ? await files.CreatedOfSurvivingPartsAsync(identity, cancellationToken).ConfigureAwait(false) : null;
        var manifest = new RunManifest
        {
            Created = created ?? DateTimeOffset.UtcNow,
            SweepSha256 = identity[MetadataKeys.SweepSha256],
            BaselineSha256 = identity[MetadataKeys.BaselineSha256],
            ModelVersion = request.Spec.Model.Version,
            Output = request.Mode == OutputMode.Aggregate ? "aggregate" : "rows",
            Where = where,
            Order = order,
            Compared = compared,
            Thresholds = thresholds,
            RowSchema = RowSchema.Current,
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

        public void Report(SweepProgress value) => inner?.Report(new SweepProgress(_before + value.Done, total, _clock.Elapsed) { Writing = value.Writing });

        public void Complete(long count) => _before += count;
    }
}
