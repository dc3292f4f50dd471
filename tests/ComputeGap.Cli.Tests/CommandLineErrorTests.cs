namespace ComputeGap.Cli.Tests;

/// <summary>
/// Command-line mistakes get the sweep-file treatment: one <c>error: …</c> line on stderr naming the
/// option, value or word at fault (and the likely intended one), exit code 2, and no help dump.
/// </summary>
public sealed class CommandLineErrorTests
{
    public static TheoryData<string[], string[]> Cases() => new()
    {
        // Unknown options and commands, with the closest valid name.
        { ["sweep", "--outt", "/tmp/computegap-unused"], ["unknown option --outt for \"computegap sweep\"", "did you mean --out?"] },
        { ["sweep", "x.json", "--outt"], ["unknown option --outt", "did you mean --out?"] },
        { ["baseline", "--formt", "json"], ["unknown option --formt for \"computegap baseline\"", "did you mean --format?"] },
        { ["levers", "--zzzzzz"], ["unknown option --zzzzzz", "see: computegap levers --help"] },
        { ["sumarize", "out"], ["unknown command sumarize for \"computegap\"", "did you mean summarize?"] },
        { ["frobnicate"], ["unknown command frobnicate", "see: computegap --help"] },
        { [], ["no command given", "sweep", "summarize"] },

        // Values outside a closed list: the allowed ones in lowercase.
        { ["baseline", "--format", "xml"], ["--format xml", "expected one of table, json, csv"] },
        { ["baseline", "--format", "jsn"], ["--format jsn", "did you mean json?"] },
        { ["sweep", "--backend", "opencl"], ["--backend opencl", "auto", "ilgpu-cpu"] },
        { ["sweep", "--output", "row"], ["--output row", "did you mean rows?"] },

        // Wrong types, missing values, repeats, too many arguments.
        { ["sweep", "--device", "abc"], ["--device abc", "expected a whole number"] },
        { ["sweep", "--row-limit", "1e"], ["--row-limit 1e", "expected a whole number"] },
        { ["sweep", "--chunk-size"], ["--chunk-size needs a value", "a whole number"] },
        { ["summarize", "out", "--format"], ["--format needs a value", "one of table, json, csv"] },
        { ["sweep", "--out", "a", "--out", "b"], ["--out takes one value", "a, b"] },
        { ["summarize", "a", "b"], ["unexpected argument b", "\"computegap summarize\" takes one argument (path)"] },
        { ["levers", "extra"], ["unexpected argument extra", "\"computegap levers\" takes no arguments"] },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task UsageErrorIsOneLineWithExitCode2AndNoHelp(string[] args, string[] expected)
    {
        var run = await Cli.InvokeAsync(args);
        Assert.Equal(2, run.ExitCode);
        var line = Assert.Single(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        Assert.StartsWith("error: ", line, StringComparison.Ordinal);
        foreach (var part in expected)
        {
            Assert.Contains(part, line, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("Usage:", run.Output + run.Error, StringComparison.Ordinal);
        Assert.Equal(string.Empty, run.Output);
    }

    [Fact]
    public async Task HelpAndVersionStillWork()
    {
        var help = await Cli.InvokeAsync("sweep", "--help");
        Assert.Equal(0, help.ExitCode);
        Assert.Contains("Usage:", help.Output, StringComparison.Ordinal);
        var version = await Cli.InvokeAsync("--version");
        Assert.Equal(0, version.ExitCode);
        Assert.False(string.IsNullOrWhiteSpace(version.Output));
    }

    [Fact]
    public async Task ValueInAnyCaseIsAccepted()
    {
        var run = await Cli.InvokeAsync("baseline", "--format", "JSON");
        Assert.Equal(0, run.ExitCode);
        Assert.Equal(string.Empty, run.Error);
    }
}
