using System.CommandLine;
using ComputeGap.Engine.Aggregation;
using ComputeGap.Engine.Backends;
using ComputeGap.Engine.Output;
using ComputeGap.Engine.Running;
using ComputeGap.IO.Parquet;
using ComputeGap.IO.Reports;
using ComputeGap.Sweep.Listings;
using ComputeGap.Sweep.Spec;

namespace ComputeGap.Cli.Commands;

/// <summary><c>computegap sweep [SWEEP.json] --out DIR</c>: run a sweep, write Parquet, print the summary.</summary>
public static class SweepCommand
{
    public static Command Create()
    {
        var file = new Argument<FileInfo?>("sweep")
        {
            Description = "Sweep file (JSON), or the name of a shipped sweep (computegap sweeps lists them). Without it, the built-in default sweep (data/sweeps/default.json) runs.",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var outDir = new Option<DirectoryInfo>("--out", "-o")
        {
            Description = "Directory for the Parquet output.",
            DefaultValueFactory = _ => new DirectoryInfo("out"),
        };
        var backend = new Option<string>("--backend", "-b")
        {
            Description = "auto (CUDA if present, else cpu), cuda, cpu (vectorised, all cores) or ilgpu-cpu (the ILGPU kernel on ILGPU's CPU accelerator; slow).",
            DefaultValueFactory = _ => "auto",
        };
        backend.AcceptOnlyFromAmong("auto", "cuda", "cpu", "ilgpu-cpu");
        var device = new Option<int>("--device") { Description = "CUDA device index.", DefaultValueFactory = _ => 0 };
        var devicesOption = new Option<string?>("--devices")
        {
            Description = "Spread chunks over several CUDA devices: all, or indices such as 0,1 (one accelerator and worker thread per device; results identical to one device). With --backend auto and no CUDA device, the CPU backend runs.",
        };
        var series = new Option<bool>("--series") { Description = "Also write every month's regional shares in long form (scenario, month, region, share)." };
        var compression = new Option<string>("--compression")
        {
            Description = "Parquet compression: snappy, or zstd:LEVEL with LEVEL one of " + string.Join(", ", ParquetCompression.SupportedZstdLevels) + ".",
            DefaultValueFactory = _ => "snappy",
        };
        var chunk = new Option<int>("--chunk-size") { Description = "Scenarios per chunk and Parquet row group.", DefaultValueFactory = _ => SweepOptions.DefaultChunkSize };
        var rowLimit = new Option<long>("--row-limit") { Description = "Most rows row output writes: --output auto switches to aggregates above it, --output rows refuses.", DefaultValueFactory = _ => SweepRequest.DefaultRowLimit };
        var output = new Option<string>("--output")
        {
            Description = "rows (one Parquet row per scenario), aggregate (statistics, quantile sketches, main effects, thresholds, extremes; for 10^9+ scenarios) or auto (rows up to --row-limit).",
            DefaultValueFactory = _ => "auto",
        };
        output.AcceptOnlyFromAmong("auto", "rows", "aggregate");
        var resume = new Option<bool>("--resume") { Description = "Continue a stopped or killed run in the same --out: run only the scenarios its manifest lacks." };
        var checkpoint = new Option<int>("--checkpoint-seconds") { Description = "Aggregate output: commit the running reductions as a part at least this often.", DefaultValueFactory = _ => 60 };
        var where = new Option<string?>("--where") { Description = "Aggregate output of a grid: also keep one bit per scenario for a condition on outcomes, e.g. \"share_EU < 0.03\", for discover and summarize --where." };
        var decompose = new Option<string?>("--decompose") { Description = "Aggregate output of a grid: also keep the variance decomposition and two-way tables of these outcomes (comma-separated, e.g. installed_EU,price_final) beside the regional shares'." };
        var compare = new Option<string?>("--compare") { Description = "Aggregate output of a sampled design with levers: also compare the policies (quantiles, thresholds, regret) on these outcomes (comma-separated, e.g. installed_EU,price_final) beside the regional shares." };
        var format = CommonOptions.Format();
        var quiet = new Option<bool>("--quiet", "-q") { Description = "No progress, no summary: only errors." };
        var shard = new Option<string?>("--shard") { Description = "Run only shard i of N (0-based, e.g. 2/4): a contiguous slice of the grid, written as its own part file. `summarize DIR` merges the parts." };

        var command = new Command("sweep", "Run every scenario of a sweep (a grid, or a sampled design with its levers) through its model and write Parquet: one row per scenario, or mergeable aggregates.")
        {
            file, outDir, backend, device, devicesOption, series, compression, chunk, rowLimit, output, resume, checkpoint, shard, where, decompose, compare, format, quiet,
        };
        command.SetAction((parse, cancellationToken) => Guard.RunAsync(
            async () =>
            {
                var path = parse.GetValue(file);
                // FileInfo.ToString() is the argument as typed: a path, or a shipped sweep's name.
                var spec = path is null ? SweepSpecParser.BuiltInDefault() : SweepSpecParser.Load(ShippedSweeps.FileOf(path.ToString()));
                var chunkSize = parse.GetValue(chunk);
                if (chunkSize < 1)
                {
                    throw new ArgumentException($"--chunk-size must be at least 1 (got {chunkSize})");
                }

                var backendChoice = ParseBackend(parse.GetValue(backend)!);
                var devicesSpec = parse.GetValue(devicesOption);
                if (devicesSpec is not null)
                {
                    if (backendChoice is not (BackendChoice.Auto or BackendChoice.Cuda))
                    {
                        throw new ArgumentException($"--devices spreads chunks over CUDA devices: use it with --backend auto or cuda (got --backend {parse.GetValue(backend)})");
                    }

                    DeviceList.CheckSyntax(devicesSpec);
                }

                var request = new SweepRequest(
                    spec,
                    parse.GetValue(outDir)!.FullName,
                    backendChoice,
                    parse.GetValue(device),
                    parse.GetValue(series),
                    ParseCompression(parse.GetValue(compression)!),
                    chunkSize,
                    parse.GetValue(rowLimit),
                    parse.GetValue(shard) is { } shardText ? Shard.Parse(shardText) : Shard.All,
                    ParseOutput(parse.GetValue(output)!),
                    parse.GetValue(resume),
                    TimeSpan.FromSeconds(Math.Max(1, parse.GetValue(checkpoint))),
                    devicesSpec,
                    parse.GetValue(where),
                    parse.GetValue(decompose),
                    parse.GetValue(compare));
                var isQuiet = parse.GetValue(quiet);
                var error = parse.InvocationConfiguration.Error;
                var outputWriter = parse.InvocationConfiguration.Output;

                SweepJob.CheckSize(request);
                if (!isQuiet)
                {
                    var part = request.Slice.IsWhole ? string.Empty : $", shard {request.Slice}: {request.Scenarios:N0} of them";
                    await error.WriteLineAsync($"sweep '{spec.Name}' ({spec.SourceName}): {spec.ScenarioCount:N0} scenarios x {spec.HorizonMonths} months x {spec.Regions.Count} regions{part}").ConfigureAwait(false);
                }

                using var devices = new Devices();
                using var bar = isQuiet ? null : new ProgressBar(error);
                SweepResult result;
                try
                {
                    result = await SweepJob.RunAsync(request, devices, isQuiet ? null : error.WriteLine, bar, cancellationToken).ConfigureAwait(false);
                }
                catch (IOException e)
                {
                    bar?.Finish();
                    throw new IOException($"{e.Message.ReplaceLineEndings(" ").Trim()}; no partial file is left, finished parts are kept (free space, then rerun with --resume)", e);
                }
                catch (OperationCanceledException)
                {
                    bar?.Finish();
                    var again = "computegap " + string.Join(' ', parse.Tokens.Select(t => t.Value.Contains(' ', StringComparison.Ordinal) ? $"\"{t.Value}\"" : t.Value));
                    await error.WriteLineAsync($"stopped: {SweepJob.KeptOnStop(request)}. Resume with:\n  {again}{(request.Resume ? string.Empty : " --resume")}").ConfigureAwait(false);
                    return ExitCodes.Cancelled;
                }

                bar?.Finish();
                if (isQuiet)
                {
                    return ExitCodes.Ok;
                }

                var computing = result.Computing.TotalSeconds;
                var rate = result.Computed / Math.Max(computing, 1e-9);
                var mode = result.Mode == OutputMode.Aggregate ? "aggregates" : "rows";
                var rest = Math.Max(0, result.Elapsed.TotalSeconds - computing);
                await error.WriteLineAsync($"wrote {mode} to {result.Directory}: {result.Computed:N0} scenarios computed in {computing:F1} s ({rate:N0} scenarios/s, {result.Backend}); writing and committing added {rest:F1} s ({result.Elapsed.TotalSeconds:F1} s in all)").ConfigureAwait(false);
                if (!request.Slice.IsWhole)
                {
                    await error.WriteLineAsync($"shard {request.Slice} done; when every shard is, run: computegap summarize {result.Directory}").ConfigureAwait(false);
                    return ExitCodes.Ok;
                }

                var summary = await SummaryLoader.LoadAsync(result.Directory, cancellationToken, line => error.WriteLine($"progress: {line}")).ConfigureAwait(false);
                SummaryReport.Write(summary, parse.GetValue(format), outputWriter);
                return ExitCodes.Ok;
            },
            parse.InvocationConfiguration.Error));
        return command;
    }

    public static OutputMode ParseOutput(string text) => text switch
    {
        "rows" => OutputMode.Rows,
        "aggregate" => OutputMode.Aggregate,
        _ => OutputMode.Auto,
    };

    public static BackendChoice ParseBackend(string text) => text switch
    {
        "cuda" => BackendChoice.Cuda,
        "cpu" => BackendChoice.Cpu,
        "ilgpu-cpu" => BackendChoice.IlgpuCpu,
        _ => BackendChoice.Auto,
    };

    private static ParquetCompression ParseCompression(string text)
    {
        try
        {
            return ParquetCompression.Parse(text);
        }
        catch (FormatException e)
        {
            throw new ArgumentException($"--compression: {e.Message}", e);
        }
    }
}
