using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using ComputeGap.IO.Names;
using ComputeGap.Sweep.Spec;

namespace ComputeGap.Cli.Usage;

/// <summary>
/// The one line (after <c>error: </c>) describing what is wrong with a command line, naming the
/// option, value or word at fault and, where one is close, the name that was probably meant.
/// </summary>
internal static class UsageError
{
    /// <summary>How the tool is called, whatever the executable's file name (the tests run in a test host).</summary>
    private const string Tool = "computegap";

    /// <summary>Longest piece of the user's text quoted in a message, in characters.</summary>
    private const int MaxShown = 60;

    /// <summary>The first usage problem of <paramref name="parse"/>, or null when there is none.</summary>
    /// <remarks>
    /// An unknown option comes first: System.CommandLine takes a word it does not know as a value, so
    /// <c>--outt /tmp/x</c> makes <c>--outt</c> the sweep file and reports only <c>/tmp/x</c>. Words
    /// after <c>--</c> are arguments by request, whatever they look like.
    /// </remarks>
    public static string? Describe(ParseResult parse)
    {
        var command = parse.CommandResult;
        return UnknownOption(parse, command) ?? UnexpectedWord(parse, command) ?? FirstError(parse, command);
    }

    /// <summary>The line for a command that needs a subcommand and was given none.</summary>
    public static string MissingCommand(ParseResult parse)
    {
        var command = parse.CommandResult;
        var names = command.Command.Subcommands.Where(c => !c.Hidden).Select(c => c.Name);
        return $"no command given (commands: {string.Join(", ", names)}){See(command)}";
    }

    private static string? UnknownOption(ParseResult parse, CommandResult command)
    {
        var stray = parse.UnmatchedTokens
            .Concat(command.Children.OfType<ArgumentResult>().SelectMany(a => a.Tokens.Select(t => t.Value)))
            .ToHashSet(StringComparer.Ordinal);
        var word = parse.Tokens.TakeWhile(t => t.Type != TokenType.DoubleDash)
            .FirstOrDefault(t => t.Type == TokenType.Argument && stray.Contains(t.Value) && LooksLikeOption(t.Value));
        if (word is null)
        {
            return null;
        }

        var name = word.Value.Split('=')[0];
        var closest = ClosestName.Find(name, OptionNames(command));
        return $"unknown option {Shown(name)} for \"{PathOf(command)}\"" + (closest is null ? See(command) : $"; did you mean {closest}?");
    }

    private static string? UnexpectedWord(ParseResult parse, CommandResult command)
    {
        if (parse.UnmatchedTokens.Count == 0)
        {
            return null;
        }

        var word = parse.UnmatchedTokens[0];
        var subcommands = command.Command.Subcommands.Where(c => !c.Hidden).ToList();
        if (subcommands.Count > 0)
        {
            var closest = ClosestName.Find(word, subcommands.SelectMany(c => c.Aliases.Prepend(c.Name)));
            return $"unknown command {Shown(word)} for \"{PathOf(command)}\"" + (closest is null ? See(command) : $"; did you mean {closest}?");
        }

        var arguments = command.Command.Arguments.Where(a => !a.Hidden).ToList();
        var most = arguments.Sum(a => a.Arity.MaximumNumberOfValues);
        var takes = most switch
        {
            0 => "takes no arguments",
            1 => $"takes one argument ({arguments[0].Name})",
            _ => $"takes {most.ToString(CultureInfo.InvariantCulture)} arguments ({string.Join(", ", arguments.Select(a => a.Name))})",
        };
        return $"unexpected argument {Shown(word)}: \"{PathOf(command)}\" {takes}{See(command)}";
    }

    private static string? FirstError(ParseResult parse, CommandResult command)
    {
        if (parse.Errors.Count == 0)
        {
            return null;
        }

        var error = parse.Errors[0];
        var optionResult = error.SymbolResult switch
        {
            OptionResult o => o,
            ArgumentResult { Parent: OptionResult o } => o,
            _ => null,
        };
        if (optionResult is null)
        {
            return Shown(error.Message, int.MaxValue) + See(command);
        }

        var option = optionResult.Option;
        var name = optionResult.IdentifierToken?.Value ?? option.Name;
        var values = optionResult.Tokens;
        var expected = OptionValues.Expected(option);
        if (values.Count == 0)
        {
            return $"{name} needs a value" + (expected is null ? string.Empty : $" ({expected})") + See(command);
        }

        if (values.Count > 1 && option.Arity.MaximumNumberOfValues == 1)
        {
            return $"{name} takes one value (got {values.Count.ToString(CultureInfo.InvariantCulture)}: {string.Join(", ", values.Select(v => Shown(v.Value)))}){See(command)}";
        }

        var value = values[^1].Value;
        if (expected is null)
        {
            return $"{name} {Shown(value)}: {Shown(error.Message, int.MaxValue)}{See(command)}";
        }

        var closest = ClosestName.Find(value.ToLowerInvariant(), OptionValues.Allowed(option));
        return $"{name} {Shown(value)}: expected {expected}" + (closest is null ? See(command) : $"; did you mean {closest}?");
    }

    /// <summary>Every name and alias of the options that apply to <paramref name="command"/>: its own and its ancestors' recursive ones.</summary>
    private static IEnumerable<string> OptionNames(CommandResult command)
    {
        var options = command.Command.Options.AsEnumerable();
        for (var parent = command.Parent as CommandResult; parent is not null; parent = parent.Parent as CommandResult)
        {
            options = options.Concat(parent.Command.Options.Where(o => o.Recursive));
        }

        return options.Where(o => !o.Hidden).SelectMany(o => o.Aliases.Prepend(o.Name));
    }

    /// <summary>A word that starts like an option (<c>-x</c>, <c>--name</c>) and is not a negative number.</summary>
    private static bool LooksLikeOption(string word) =>
        word.Length > 1 && word[0] == '-' && !double.TryParse(word, NumberStyles.Float, CultureInfo.InvariantCulture, out _);

    /// <summary>" see: computegap sweep --help".</summary>
    private static string See(CommandResult command) => $"; see: {PathOf(command)} --help";

    /// <summary>"computegap sweep": the tool's name and the subcommands down to <paramref name="command"/>.</summary>
    private static string PathOf(CommandResult command)
    {
        var names = new List<string>();
        for (var c = command; c.Parent is CommandResult parent; c = parent)
        {
            names.Add(c.Command.Name);
        }

        names.Add(Tool);
        names.Reverse();
        return string.Join(' ', names);
    }

    /// <summary>The user's text on one line (control characters as spaces), cut to a readable length.</summary>
    private static string Shown(string text) => Shown(text, MaxShown);

    private static string Shown(string text, int most)
    {
        var line = new string([.. text.ReplaceLineEndings(" ").Select(c => char.IsControl(c) ? ' ' : c)]).Trim();
        return line.Length > most ? line[..most] + "..." : line;
    }
}
