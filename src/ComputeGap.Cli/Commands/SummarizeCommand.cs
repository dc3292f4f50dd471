using System.CommandLine;
using ComputeGap.Engine.Aggregation;
using ComputeGap.Engine.Output;
using ComputeGap.IO.Reports;

namespace ComputeGap.Cli.Commands;

/// <summary><c>computegap summarize FILE_OR_DIR</c>: the report of a sweep's row output.</summary>
public static class SummarizeCommand
{
    public static Command Create()
    {
        var path = new Argument<string>("path") { Description = "A directory of a sweep's parts (rows or aggregates, any number of shards), or one row file." };
        var format = CommonOptions.Format();
        var partial = new Option<bool>("--partial") { Description = "Summarise even when runs or shards in the directory are incomplete." };
        var command = new Command("summarize", "Summarise sweep output: outcome statistics, the focus headline, thresholds and main effects.") { path, format, partial };
        command.SetAction((parse, cancellationToken) => Guard.RunAsync(
            async () =>
            {
                var target = parse.GetValue(path)!;
                var problems = RunCompleteness.Problems(target);
                if (problems.Count > 0)
                {
                    var error = parse.InvocationConfiguration.Error;
                    var prefix = parse.GetValue(partial) ? "warning" : "error";
                    await error.WriteLineAsync($"{prefix}: {target} holds incomplete output: {string.Join("; ", problems)}{(parse.GetValue(partial) ? string.Empty : " (pass --partial to summarise what is there)")}").ConfigureAwait(false);
                    if (!parse.GetValue(partial))
                    {
                        return ExitCodes.BadInput;
                    }
                }

                var summary = await SummaryLoader.LoadAsync(target, cancellationToken).ConfigureAwait(false);
                SummaryReport.Write(summary, parse.GetValue(format), parse.InvocationConfiguration.Output);
                return ExitCodes.Ok;
            },
            parse.InvocationConfiguration.Error));
        return command;
    }
}
