using System.CommandLine;
using ComputeGap.IO.Reports;
using ComputeGap.Plots;
using ComputeGap.Sweep.Listings;

namespace ComputeGap.Cli.Commands;

/// <summary><c>computegap plot SOURCE</c>: the pictures of a sweep's output, one file each.</summary>
public static class PlotCommand
{
    public static Command Create()
    {
        var source = new Argument<string>("source") { Description = "A directory of a sweep's parts (rows or aggregates, any number of shards), one row file, or the JSON of computegap discover --format json." };
        var outDir = new Option<string?>("--out") { Description = "Directory to write the pictures into (default: SOURCE/plots for a run directory, else ./plots)." };
        var outcome = new Option<string?>("--outcome") { Description = "The outcome the pictures describe (default: the focus share, else the first outcome)." };
        var format = new Option<PlotFormat>("--format") { Description = "Picture format: png or svg, 1600 x 1000.", DefaultValueFactory = _ => PlotFormat.Png };
        var lower = new Option<bool>("--lower-is-better") { Description = "For the policies of a sampled design's levers: the best policy is the one with the lowest value of the outcome (default: highest)." };
        var partial = new Option<bool>("--partial") { Description = "Draw even when runs or shards in the directory are incomplete." };
        var command = new Command("plot", "Draw a sweep's tornado, main effects, two-way heatmaps (grids), Sobol or Morris indices, policies and their regret (levers), and fan charts of its series (--series: shares, installed H100e, price), or a discover output's PRIM trajectory and chosen box's limits, as PNG or SVG files.") { source, outDir, outcome, format, lower, partial };
        command.SetAction((parse, cancellationToken) => Guard.RunAsync(
            async () =>
            {
                var target = parse.GetValue(source)!;
                RunSource.RequireExists("plot", target);
                if (PrimTrajectory.IsJsonFile(target))
                {
                    var trajectory = PrimTrajectory.Read(target);
                    return await PrintAsync(SummaryPlots.WriteDiscovery(trajectory, parse.GetValue(outDir) ?? "plots", parse.GetValue(format)), target, parse).ConfigureAwait(false);
                }

                // A damaged run is refused here exactly as summarize refuses it (exit 3).
                var summary = await RunSource.LoadAsync(target, verify: true, parse.GetValue(partial), parse.GetValue(outcome), "draw", cancellationToken).ConfigureAwait(false)
                    with { LowerIsBetter = parse.GetValue(lower) };
                var directory = parse.GetValue(outDir) ?? (Directory.Exists(target) ? Path.Combine(target, "plots") : "plots");
                var units = ParamListing.ColumnUnits(summary.Metadata.Get(MetadataKeys.ModelVersion));
                return await PrintAsync(SummaryPlots.Write(summary, directory, parse.GetValue(format), units), target, parse).ConfigureAwait(false);
            },
            parse.InvocationConfiguration.Error));
        return command;
    }

    /// <summary>One line per file written (or why there is none).</summary>
    private static async Task<int> PrintAsync(IReadOnlyList<PlotFile> written, string target, ParseResult parse)
    {
        var output = parse.InvocationConfiguration.Output;
        foreach (var file in written)
        {
            await output.WriteLineAsync($"{file.Path}: {file.What}").ConfigureAwait(false);
        }

        if (written.Count == 0)
        {
            await output.WriteLineAsync($"nothing to draw: {target} holds no main effects, grid tables, sensitivity indices or fan charts").ConfigureAwait(false);
        }

        return ExitCodes.Ok;
    }
}
