using System.CommandLine;
using System.CommandLine.Invocation;
using ComputeGap.Cli.Commands;

namespace ComputeGap.Cli.Usage;

/// <summary>
/// Stands in front of a command's own action: a usage error (unknown option, bad value, extra
/// argument) is written as one <c>error: …</c> line with exit code 2 instead of System.CommandLine's
/// messages followed by the whole help text.
/// </summary>
/// <remarks>
/// System.CommandLine runs its own parse-error action unless the innermost command's action says it
/// clears parse errors; this one does, so it runs for every parse of the tree, and it lives in the
/// tree (not in Main) so that <c>Program.Build().Parse(args).InvokeAsync(…)</c> behaves the same from
/// the console and from the in-process tests.
/// </remarks>
internal sealed class UsageCheckedAction(AsynchronousCommandLineAction? inner) : AsynchronousCommandLineAction
{
    public override bool ClearsParseErrors => true;

    /// <summary>Puts a <see cref="UsageCheckedAction"/> in front of every command's action in the tree.</summary>
    public static void Install(Command command)
    {
        var own = command.Action switch
        {
            null => null,
            AsynchronousCommandLineAction asynchronous => asynchronous,
            var other => throw new InvalidOperationException($"command {command.Name}: its action ({other.GetType().Name}) is not asynchronous"),
        };
        command.Action = new UsageCheckedAction(own);
        foreach (var subcommand in command.Subcommands)
        {
            Install(subcommand);
        }
    }

    public override async Task<int> InvokeAsync(ParseResult parseResult, CancellationToken cancellationToken = default)
    {
        var problem = UsageError.Describe(parseResult)
            ?? (inner is null ? UsageError.MissingCommand(parseResult) : null);
        if (problem is not null)
        {
            await parseResult.InvocationConfiguration.Error.WriteLineAsync($"error: {problem}").ConfigureAwait(false);
            return ExitCodes.BadInput;
        }

        return await inner!.InvokeAsync(parseResult, cancellationToken).ConfigureAwait(false);
    }
}
