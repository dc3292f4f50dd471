using System.Diagnostics;
using ComputeGap.Engine.Backends;
using ComputeGap.Engine.Output;
using ComputeGap.IO.Parquet;
using ComputeGap.Sweep.Spec;

namespace ComputeGap.Engine.Running;

/// <summary>What to run and where to write it.</summary>
/// <param name="Spec">The validated sweep.</param>
/// <param name="OutDirectory">Directory for the Parquet files (created if missing).</param>
/// <param name="Backend">Backend choice.</param>
/// <param name="CudaDevice">CUDA device index when CUDA runs.</param>
/// <param name="Series">Also write the per-month shares in long form.</param>
/// <param name="Compression">Parquet compression.</param>
/// <param name="ChunkSize">Scenarios per chunk and row group.</param>
/// <param name="MaxRows">Largest row output accepted; bigger grids are refused before anything runs.</param>
/// <param name="Shard">The slice of the grid to run; the whole grid by default.</param>
public sealed record SweepRequest(
    SweepSpec Spec,
    string OutDirectory,
    BackendChoice Backend = BackendChoice.Auto,
    int CudaDevice = 0,
    bool Series = false,
    ParquetCompression Compression = default,
    int ChunkSize = SweepOptions.DefaultChunkSize,
    long MaxRows = SweepRequest.DefaultMaxRows,
    Shard Shard = default)
{
    /// <summary>The shard to run (a default-constructed shard means the whole grid).</summary>
    public Shard Slice => Shard.Count == 0 ? Shard.All : Shard;

    /// <summary>Scenarios this request runs.</summary>
    public long Scenarios => Slice.Length(Spec.ScenarioCount);

    /// <summary>50 million rows: about 4 GB of Parquet for the baseline's columns.</summary>
    public const long DefaultMaxRows = 50_000_000;
}

/// <summary>What a finished sweep produced.</summary>
public sealed record SweepResult(string RowsPath, string? SeriesPath, long Scenarios, TimeSpan Elapsed, string Backend, string Device, string BackendReason);

/// <summary>The sweep command's library entry: plan, open the backend, run, write, commit.</summary>
public static class SweepJob
{
    /// <summary>Refuses grids whose row output would exceed <see cref="SweepRequest.MaxRows"/>.</summary>
    public static void CheckSize(SweepRequest request)
    {
        var spec = request.Spec;
        if (request.Scenarios > request.MaxRows)
        {
            throw new SpecException(spec.SourceName, "$.axes", $"{request.Scenarios:N0} scenarios exceed the row-output limit of {request.MaxRows:N0} rows (raise --max-rows, shard with --shard i/N, or shrink the axes)");
        }

        var seriesRows = request.Scenarios * (long)spec.HorizonMonths * spec.Regions.Count;
        if (request.Series && seriesRows > request.MaxRows)
        {
            throw new SpecException(spec.SourceName, "$.axes", $"--series would write {seriesRows:N0} rows (scenarios x months x regions), over the limit of {request.MaxRows:N0} (raise --max-rows or shrink the axes)");
        }
    }

    public static async Task<SweepResult> RunAsync(
        SweepRequest request, Devices devices, Action<string>? log = null, IProgress<SweepProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        CheckSize(request);
        var plan = new SweepPlan(request.Spec);
        using var backend = devices.Open(request.Backend, request.CudaDevice, out var reason);
        log?.Invoke($"backend: {backend.Name} on {backend.Device} ({reason})");

        Directory.CreateDirectory(request.OutDirectory);
        var slice = request.Slice;
        var stem = Path.Combine(request.OutDirectory, FileStem(request.Spec.Name) + (slice.IsWhole ? string.Empty : "." + slice.FileTag));
        var metadata = OutputMetadata.For(plan, backend.Name, backend.Device, DateTimeOffset.UtcNow);
        await using var sink = await ParquetSink.CreateAsync(
            plan, stem + ".rows.parquet", request.Series ? stem + ".series.parquet" : null, metadata, request.Compression, cancellationToken).ConfigureAwait(false);

        var clock = Stopwatch.StartNew();
        var options = new SweepOptions(request.ChunkSize, slice.First(plan.ScenarioCount), slice.Length(plan.ScenarioCount), request.Series);
        var done = await SweepRunner.RunAsync(plan, backend, sink, options, progress, cancellationToken).ConfigureAwait(false);
        await sink.CommitAsync(cancellationToken).ConfigureAwait(false);
        return new SweepResult(sink.RowsPath, sink.SeriesPath, done, clock.Elapsed, backend.Name, backend.Device, reason);
    }

    /// <summary>A file-name-safe form of the sweep's name.</summary>
    public static string FileStem(string name)
    {
        var safe = new string([.. name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_')]).Trim('.');
        return safe.Length > 0 ? safe : "sweep";
    }
}
