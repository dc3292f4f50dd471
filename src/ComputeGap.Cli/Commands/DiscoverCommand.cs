using System.CommandLine;
using ComputeGap.Engine.Aggregation;
using ComputeGap.Engine.Output;
using ComputeGap.IO.Discovery;
using ComputeGap.IO.Parquet;

namespace ComputeGap.Cli.Commands;

/// <summary><c>computegap discover SOURCE --where EXPR</c>: PRIM boxes, their stability and regional sensitivity.</summary>
public static class DiscoverCommand
{
    public static Command Create()
    {
        var source = new Argument<string>("source") { Description = "A run directory (rows, or a grid's aggregates kept with sweep --where), one Parquet file, or a pattern such as 'out/*.rows.parquet'; any tool's Parquet table works." };
        var where = new Option<string>("--where") { Description = "The cases of interest, e.g. \"share_EU < 0.03\" or \"rival_ratio < 4 and share_EU < 0.05\" (comparisons joined by and, or, not; double-quote column names with spaces).", Required = true };
        var inputs = new Option<string?>("--inputs") { Description = "Comma-separated inputs to search (default: the run's axes and uncertain parameters; for other tables, every numeric column the condition does not read)." };
        var peel = new Option<double>("--peel-alpha") { Description = "Share of a box's cases each peel removes (0 to 0.5).", DefaultValueFactory = _ => 0.05 };
        var paste = new Option<double>("--paste-alpha") { Description = "Share of the cases beside a box's face each paste adds back (0 to 0.5).", DefaultValueFactory = _ => 0.05 };
        var mass = new Option<double>("--mass-min") { Description = "Peeling stops before a box holds less than this share of all cases (0 to 1).", DefaultValueFactory = _ => 0.05 };
        var box = new Option<int?>("--box") { Description = "The box of the trajectory to report (default: the densest whose coverage is at least 50 %)." };
        var resamples = new Option<int>("--resamples") { Description = "Bootstrap resamples for how stable each restriction is (0: none).", DefaultValueFactory = _ => 20 };
        var seed = new Option<int>("--seed") { Description = "Seed of the resampling.", DefaultValueFactory = _ => 1 };
        var noVerify = new Option<bool>("--no-verify") { Description = "Read without first checking every committed file against its run manifest." };
        var format = CommonOptions.Format();
        var command = new Command("discover", "Scenario discovery: under which combinations of inputs does a condition hold? PRIM's peeling trajectory, the chosen box with quasi-p values and resampling stability, and regional sensitivity.")
        {
            source, where, inputs, peel, paste, mass, box, resamples, seed, noVerify, format,
        };
        command.SetAction((parse, cancellationToken) => Guard.RunAsync(
            async () =>
            {
                var target = parse.GetValue(source)!;
                if (parse.GetValue(resamples) < 0)
                {
                    throw new ArgumentException($"--resamples {parse.GetValue(resamples)}: must be 0 or more");
                }

                var verification = parse.GetValue(noVerify) ? "not verified (--no-verify)" : SummarizeCommand.Verified(RunVerifier.Verify(RowSources.VerificationTarget(target)));
                var request = new DiscoveryRequest(
                    parse.GetValue(where)!,
                    parse.GetValue(inputs) is { } list ? [.. list.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)] : null,
                    new PrimOptions(parse.GetValue(peel), parse.GetValue(paste), parse.GetValue(mass)),
                    parse.GetValue(box),
                    parse.GetValue(resamples),
                    parse.GetValue(seed));
                DiscoveryResult result;
                if (RowSources.HoldsAggregates(target))
                {
                    // A grid run's aggregates with the bitmap of sweep --where: PRIM over sub-grids.
                    var state = await AggregateState.ReadAsync(target, cancellationToken).ConfigureAwait(false);
                    GridBitmap grid;
                    try
                    {
                        grid = state.Bitmap();
                    }
                    catch (InvalidDataException e)
                    {
                        throw new InvalidDataException($"{target} holds aggregates, not one row per scenario, and {e.Message}", e);
                    }

                    result = ScenarioDiscovery.Run(grid, state.Where!.Condition, request, state.Metadata, target);
                }
                else
                {
                    var parts = await ParquetParts.OpenAsync(RowSources.Resolve(target), cancellationToken).ConfigureAwait(false);
                    result = await ScenarioDiscovery.RunAsync(parts, request, target, cancellationToken).ConfigureAwait(false);
                }

                DiscoveryReport.Write(result with { Verification = verification }, parse.GetValue(format), parse.InvocationConfiguration.Output);
                return ExitCodes.Ok;
            },
            parse.InvocationConfiguration.Error));
        return command;
    }
}
