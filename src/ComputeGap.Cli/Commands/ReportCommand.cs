using System.CommandLine;
using ComputeGap.Engine.Output;
using ComputeGap.IO.Reports;
using ComputeGap.Plots;
using ComputeGap.Plots.Report;
using ComputeGap.Sweep.Listings;

namespace ComputeGap.Cli.Commands;

/// <summary><c>computegap report SOURCE --out report.html</c>: one self-contained HTML page of a run's summary and pictures.</summary>
public static class ReportCommand
{
    public static Command Create()
    {
        var source = new Argument<string>("source") { Description = "A directory of a sweep's parts (rows or aggregates, any number of shards), or one row file." };
        var outFile = new Option<string>("--out") { Description = "The HTML file to write (written whole or not at all).", DefaultValueFactory = _ => "report.html" };
        var outcome = new Option<string?>("--outcome") { Description = "The outcome the effects, tornado, threshold order, sensitivity and pictures describe (default: the focus share, else the first outcome)." };
        var format = new Option<PlotFormat>("--format") { Description = "How the pictures are embedded: png or svg.", DefaultValueFactory = _ => PlotFormat.Png };
        var discover = new Option<string?>("--discover") { Description = "The JSON of computegap discover --format json, whose PRIM trajectory the page adds." };
        var lower = new Option<bool>("--lower-is-better") { Description = "For the policies of a sampled design's levers: the best policy is the one with the lowest value of the outcome (default: highest)." };
        var partial = new Option<bool>("--partial") { Description = "Report even when runs or shards in the directory are incomplete." };
        var noVerify = new Option<bool>("--no-verify") { Description = "Read without first checking every committed file against its manifest (the page says it was not verified)." };
        var command = new Command("report", "Write one self-contained HTML page of a run: the summary's tables and the plot command's pictures (embedded), and a discover output's PRIM trajectory; it opens offline.")
        {
            source, outFile, outcome, format, discover, lower, partial, noVerify,
        };
        command.SetAction((parse, cancellationToken) => Guard.RunAsync(
            async () =>
            {
                var target = parse.GetValue(source)!;
                var output = parse.GetValue(outFile)!;
                RunSource.RequireExists("report", target);
                var trajectory = parse.GetValue(discover) is { } json
                    ? File.Exists(json) ? PrimTrajectory.Read(json) : throw new FileNotFoundException($"--discover: no file {json}")
                    : null;
                var summary = await RunSource.LoadAsync(target, !parse.GetValue(noVerify), parse.GetValue(partial), parse.GetValue(outcome), "report", cancellationToken).ConfigureAwait(false)
                    with { LowerIsBetter = parse.GetValue(lower) };
                HtmlReport.Write(output, summary, new HtmlReportOptions
                {
                    Source = target,
                    Format = parse.GetValue(format),
                    InputUnits = ParamListing.ColumnUnits(summary.Metadata.Get(MetadataKeys.ModelVersion)),
                    Discovery = trajectory,
                    ToolVersion = OutputMetadata.ToolVersion,
                });
                await parse.InvocationConfiguration.Output.WriteLineAsync($"{output}: report of {target}").ConfigureAwait(false);
                return ExitCodes.Ok;
            },
            parse.InvocationConfiguration.Error));
        return command;
    }
}
