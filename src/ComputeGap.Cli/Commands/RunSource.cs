using ComputeGap.Engine.Aggregation;
using ComputeGap.Engine.Output;
using ComputeGap.IO.Reports;
using ComputeGap.Sweep.Spec;

namespace ComputeGap.Cli.Commands;

/// <summary>
/// How the commands that draw or describe a run read it: it must exist, pass its manifests' check (unless
/// <c>--no-verify</c>), be complete (unless <c>--partial</c>), and hold the outcome asked for; each refusal is an
/// exception that <see cref="Guard"/> turns into one line.
/// </summary>
internal static class RunSource
{
    /// <summary>Throws unless <paramref name="target"/> is a file, a directory or an aggregate stem.</summary>
    /// <exception cref="FileNotFoundException">It is none of them.</exception>
    public static void RequireExists(string command, string target)
    {
        if (!File.Exists(target) && !Directory.Exists(target) && !AggregateFiles.StemExists(target))
        {
            throw new FileNotFoundException($"{command}: no file or directory {target}");
        }
    }

    /// <summary>The summary of the run at <paramref name="target"/>, of <paramref name="outcome"/> when one is named.</summary>
    /// <param name="target">The run: a directory of parts, one row file or an aggregate stem.</param>
    /// <param name="verify">Check every committed file against its manifest first (a damaged run is refused with exit 3).</param>
    /// <param name="partial">Read an incomplete run's parts rather than refuse it.</param>
    /// <param name="outcome">The outcome to describe, or null for the default.</param>
    /// <param name="use">What <c>--partial</c> would do, for the refusal: "draw", "report".</param>
    /// <param name="cancellationToken">Stops the reading.</param>
    public static async Task<SummaryData> LoadAsync(string target, bool verify, bool partial, string? outcome, string use, CancellationToken cancellationToken)
    {
        var verification = verify ? SummarizeCommand.Verified(RunVerifier.Verify(target)) : "not verified (--no-verify)";
        if (RunCompleteness.Problems(target) is { Count: > 0 } problems && !partial)
        {
            throw new ArgumentException($"{target} holds incomplete output: {string.Join("; ", problems)} (pass --partial to {use} what is there)");
        }

        // Both commands draw pictures: a row run's fan charts come from its series files.
        var summary = await SummaryLoader.LoadAsync(target, cancellationToken, seriesFans: true).ConfigureAwait(false);
        return WithOutcome(summary, outcome, target) with { Verification = verification };
    }

    /// <summary><paramref name="summary"/> describing <paramref name="outcome"/>, or as it is for null.</summary>
    /// <exception cref="ArgumentException">The run has no such outcome (the message names the closest).</exception>
    public static SummaryData WithOutcome(SummaryData summary, string? outcome, string target)
    {
        if (outcome is null)
        {
            return summary;
        }

        var names = summary.Outcomes.Select(o => o.Name).ToList();
        return names.Contains(outcome)
            ? summary with { Outcome = outcome }
            : throw new ArgumentException($"--outcome: {target} has no outcome \"{outcome}\"{SweepSpecParser.Suggest(outcome, names)} (outcomes: {string.Join(", ", names)})");
    }
}
