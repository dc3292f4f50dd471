using System.CommandLine;
using ComputeGap.Engine.Aggregation;
using ComputeGap.IO.Reports;

namespace ComputeGap.Cli.Commands;

/// <summary><c>computegap summarize FILE_OR_DIR</c>: the report of a sweep's row output.</summary>
public static class SummarizeCommand
{
    public static Command Create()
    {
        var path = new Argument<string>("path") { Description = "A directory of a sweep's parts (rows or aggregates, any number of shards), or one row file." };
        var format = CommonOptions.Format();
        var command = new Command("summarize", "Summarise sweep output: outcome statistics, the focus headline, thresholds and main effects.") { path, format };
        command.SetAction((parse, cancellationToken) => Guard.RunAsync(
            async () =>
            {
                var summary = await SummaryLoader.LoadAsync(parse.GetValue(path)!, cancellationToken).ConfigureAwait(false);
                SummaryReport.Write(summary, parse.GetValue(format), parse.InvocationConfiguration.Output);
                return ExitCodes.Ok;
            },
            parse.InvocationConfiguration.Error));
        return command;
    }
}
