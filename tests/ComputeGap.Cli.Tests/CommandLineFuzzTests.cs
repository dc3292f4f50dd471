using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Parsing;
using System.Globalization;
using ComputeGap.IO.Tests;

namespace ComputeGap.Cli.Tests;

/// <summary>
/// Random command lines built from the real command tree (its commands, options and aliases), with
/// one-edit typos, wrong types, missing values, extra arguments and valid values: each ends with exit
/// 0 or 2, at most one error line, no stack trace, and nothing left in its --out directory.
/// </summary>
/// <remarks>
/// Only lines the parser finds fault with are run, plus quick valid ones (<c>baseline</c>,
/// <c>--help</c>, <c>--version</c>): a valid sweep, calibration or hindcast would take seconds to
/// minutes each.
/// </remarks>
public sealed class CommandLineFuzzTests
{
    private const int Runs = 1200;

    private static readonly string[] Words = ["abc", "1.5", "-1", "0", "64", "xml", "x.json", "--", "-", "é", "a b", "=", ""];

    [Fact]
    public async Task RandomCommandLinesEndWithExit0Or2AndOneLineAndNoOutput()
    {
        using var dir = new TempDirectory();
        var badJson = dir.File("bad.json");
        await File.WriteAllTextAsync(badJson, "{ \"axes\": [ ");
        var commands = Program.Build().Subcommands.ToList();
        var random = new Random(20260817);
        var run = 0;
        var succeeded = 0;
        for (var attempt = 0; run < Runs; attempt++)
        {
            Assert.True(attempt < Runs * 20, "too few runnable command lines were generated");
            var outDir = Path.Combine(dir.Path, "out-" + attempt.ToString(CultureInfo.InvariantCulture));
            var args = Vector(random, commands, outDir, badJson);
            if (!Faulty(args) && !Quick(args))
            {
                continue;
            }

            run++;
            var result = await Cli.InvokeAsync([.. args]);
            var shown = string.Join(' ', args.Select(a => $"<{a}>"));
            Assert.True(result.ExitCode is 0 or 2, $"exit {result.ExitCode} for {shown}: {result.Error}");
            var lines = result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            Assert.True(lines.Length <= 1, $"{lines.Length} error lines for {shown}: {result.Error}");
            Assert.DoesNotContain("   at ", result.Output + result.Error, StringComparison.Ordinal);
            Assert.DoesNotContain("Exception", result.Error, StringComparison.Ordinal);
            if (result.ExitCode == 0)
            {
                succeeded++;
            }
            else
            {
                Assert.StartsWith("error: ", Assert.Single(lines), StringComparison.Ordinal);
                Assert.DoesNotContain("Usage:", result.Output + result.Error, StringComparison.Ordinal);
                Assert.False(Directory.Exists(outDir) && Directory.EnumerateFileSystemEntries(outDir).Any(), $"output left behind by {shown}");
            }
        }

        // Both kinds of ending were exercised, mostly usage errors.
        Assert.InRange(succeeded, 20, Runs / 2);
    }

    /// <summary>A command, a few of its options with values, maybe extra words, and usually one deliberate mistake.</summary>
    private static List<string> Vector(Random random, List<Command> commands, string outDir, string badJson)
    {
        var command = commands[random.Next(commands.Count)];
        var args = new List<string> { random.Next(20) == 0 ? Typo(random, command.Name) : command.Name };
        var options = command.Options.Where(o => o is not HelpOption).ToList();
        for (var count = random.Next(4); count > 0 && options.Count > 0; count--)
        {
            var option = options[random.Next(options.Count)];
            var names = option.Aliases.Prepend(option.Name).ToList();
            var name = names[random.Next(names.Count)];
            args.Add(random.Next(8) == 0 ? Typo(random, name) : name);
            if (option.ValueType != typeof(bool) || random.Next(4) == 0)
            {
                args.Add(Value(random, option, outDir, badJson));
            }
        }

        switch (random.Next(6))
        {
            case 0: args.Add(Words[random.Next(Words.Length)]); break;                           // an extra argument
            case 1 when options.Count > 0: args.Add(options[random.Next(options.Count)].Name); break; // a missing value
            case 2: args.Add("--" + Typo(random, "output")); break;                              // an unknown option
            case 3: args.Insert(1 + random.Next(args.Count), random.Next(2) == 0 ? "--help" : "--version"); break;
            default: break;                                                                        // as built
        }

        return args;
    }

    /// <summary>A valid value, a wrong one, or a path inside the run's own directory.</summary>
    private static string Value(Random random, Option option, string outDir, string badJson)
    {
        var type = Nullable.GetUnderlyingType(option.ValueType) ?? option.ValueType;
        if (type == typeof(DirectoryInfo))
        {
            return outDir;
        }

        if (type == typeof(FileInfo))
        {
            return random.Next(2) == 0 ? badJson : Path.Combine(outDir, "missing.json");
        }

        var valid = type.IsEnum ? Enum.GetNames(type).Select(n => n.ToLowerInvariant()).ToList()
            : type == typeof(int) || type == typeof(long) ? ["0", "1", "64"]
            : type == typeof(bool) ? ["true", "false"]
            : [.. option.GetCompletions(System.CommandLine.Completions.CompletionContext.Empty).Select(c => c.Label).DefaultIfEmpty("0/2")];
        return random.Next(3) == 0 ? Words[random.Next(Words.Length)] : valid[random.Next(valid.Count)];
    }

    /// <summary>One edit: a character deleted, inserted, replaced, or two swapped.</summary>
    private static string Typo(Random random, string name)
    {
        const string Letters = "abcdefghijklmnopqrstuvwxyz-";
        var chars = name.ToList();
        var at = random.Next(chars.Count);
        switch (random.Next(4))
        {
            case 0 when chars.Count > 1: chars.RemoveAt(at); break;
            case 1: chars.Insert(at, Letters[random.Next(Letters.Length)]); break;
            case 2 when at + 1 < chars.Count: (chars[at], chars[at + 1]) = (chars[at + 1], chars[at]); break;
            default: chars[at] = Letters[random.Next(Letters.Length)]; break;
        }

        return new string([.. chars]);
    }

    /// <summary>The parser finds fault with the line, so no command's own action runs.</summary>
    private static bool Faulty(List<string> args)
    {
        var parse = Program.Build().Parse(args);
        var optionLike = parse.CommandResult.Children.OfType<ArgumentResult>()
            .SelectMany(a => a.Tokens)
            .Any(t => t.Value.Length > 1 && t.Value[0] == '-' && !double.TryParse(t.Value, CultureInfo.InvariantCulture, out _));
        return parse.Errors.Count > 0 || parse.UnmatchedTokens.Count > 0 || optionLike || parse.CommandResult.Command is RootCommand;
    }

    /// <summary>Valid lines that finish in well under a second: help, version, the baseline alone.</summary>
    private static bool Quick(List<string> args) =>
        args.Contains("--help") || args.Contains("--version") || args[0] == "baseline";
}
