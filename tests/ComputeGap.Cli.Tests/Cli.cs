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
}
