using System.CommandLine;
using ComputeGap.Cli;

namespace ComputeGap.Cli.Tests;

/// <summary>Runs the real command tree in-process with captured stdout and stderr.</summary>
public static class Cli
{
    public sealed record Run(int ExitCode, string Output, string Error);

    public static async Task<Run> InvokeAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await Program.Build().Parse(args).InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
        return new Run(exit, output.ToString(), error.ToString());
    }

    /// <summary>
    /// A JSON report without what differs between runs of the same sweep: the metadata (start times,
    /// sweep file paths, backends) and the verification line (how many files depends on shards and parts).
    /// </summary>
    public static string StripVolatile(string json)
    {
        var node = System.Text.Json.Nodes.JsonNode.Parse(json)!.AsObject();
        node.Remove("metadata");
        node.Remove("verification");
        return node.ToJsonString();
    }

    public static string SweepFile(string name) => Path.Combine(AppContext.BaseDirectory, "data", "sweeps", name);

    /// <summary>
    /// Writes <paramref name="text"/> as <paramref name="name"/>.json in <paramref name="directory"/> and sweeps it on
    /// the CPU twice, as aggregates (with <paramref name="aggregateArgs"/>) into <c>agg</c> and as rows into <c>rows</c>.
    /// </summary>
    /// <returns>The sweep file and the two output directories.</returns>
    public static async Task<(string Sweep, string Rows, string Aggregates)> RowsAndAggregatesAsync(
        string directory, string name, string text, params string[] aggregateArgs)
    {
        var sweep = Path.Combine(directory, name + ".json");
        await File.WriteAllTextAsync(sweep, text);
        var aggregates = Path.Combine(directory, "agg");
        var rows = Path.Combine(directory, "rows");
        var aggregate = await InvokeAsync(["sweep", sweep, "--out", aggregates, "--backend", "cpu", "--output", "aggregate", .. aggregateArgs, "-q"]);
        Xunit.Assert.True(aggregate.ExitCode == 0, aggregate.Error);
        var row = await InvokeAsync("sweep", sweep, "--out", rows, "--backend", "cpu", "--output", "rows", "-q");
        Xunit.Assert.True(row.ExitCode == 0, row.Error);
        return (sweep, rows, aggregates);
    }
}
