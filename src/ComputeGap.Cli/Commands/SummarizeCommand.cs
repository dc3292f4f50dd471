using System.CommandLine;
using ComputeGap.Engine.Aggregation;
using ComputeGap.Engine.Output;
using ComputeGap.IO.Discovery;
using ComputeGap.IO.Names;
using ComputeGap.IO.Reports;
using ComputeGap.Sweep.Spec;

namespace ComputeGap.Cli.Commands;

/// <summary><c>computegap summarize FILE_OR_DIR</c>: the report of a sweep's row output.</summary>
public static class SummarizeCommand
{
    public static Command Create()
    {
        var path = new Argument<string>("path") { Description = "A directory of a sweep's parts (rows or aggregates, any number of shards), or one row file." };
        var format = CommonOptions.Format();
        var partial = new Option<bool>("--partial") { Description = "Summarise even when runs or shards in the directory are incomplete." };
        var outcome = new Option<string?>("--outcome") { Description = "The outcome the main effects, tornado, threshold order and sensitivity describe (default: the focus share, else the first outcome); every outcome's statistics are always shown." };
        var lower = new Option<bool>("--lower-is-better") { Description = "For the policy comparison of a sampled design's levers: the best policy is the one with the lowest value of the outcome (default: highest)." };
        var where = new Option<string?>("--where") { Description = "Also report how often a condition holds, e.g. \"share_EU < 0.03\": overall, at each axis value and in each decile of a sampled parameter (rows only)." };
        var noVerify = new Option<bool>("--no-verify") { Description = "Read without first checking every committed file against its manifest's size and XxHash128 (the report says it was not verified)." };
        var command = new Command("summarize", "Summarise sweep output: outcome statistics, the focus headline, thresholds, main effects and, for Saltelli and Morris designs, sensitivity.") { path, format, partial, outcome, lower, where, noVerify };
        command.SetAction((parse, cancellationToken) => Guard.RunAsync(
            async () =>
            {
                var target = parse.GetValue(path)!;
                var verification = parse.GetValue(noVerify) ? "not verified (--no-verify)" : Verified(RunVerifier.Verify(target));
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

                var summary = await SummaryLoader.LoadAsync(target, cancellationToken, line => parse.InvocationConfiguration.Error.WriteLine($"progress: {line}")).ConfigureAwait(false);
                summary = RunSource.WithOutcome(summary, parse.GetValue(outcome), target);
                if (parse.GetValue(where) is { } whereText)
                {
                    var condition = WhereParser.ParseOption(whereText);
                    if (summary.ConditionEvaluator is null)
                    {
                        throw new ArgumentException($"--where: {target} holds aggregates, not rows; a condition is evaluated on rows: run the sweep with --output rows");
                    }

                    var columns = summary.Outcomes.Select(o => o.Name).Concat(summary.Metadata.InputColumns).ToList();
                    foreach (var column in condition.Columns)
                    {
                        UnknownColumn.Check("--where", column, columns, target);
                    }

                    summary = summary with { Condition = condition };
                }

                summary = summary with { LowerIsBetter = parse.GetValue(lower), Verification = verification };

                SummaryReport.Write(summary, parse.GetValue(format), parse.InvocationConfiguration.Output);
                return ExitCodes.Ok;
            },
            parse.InvocationConfiguration.Error));
        return command;
    }

    internal static string Verified(VerifyReport report) => report.Unverified is { } why
        ? $"not verified: {why}"
        : $"verified: {report.Files:N0} committed file{(report.Files == 1 ? string.Empty : "s")}, each of the size and XxHash128 its manifest records";
}
