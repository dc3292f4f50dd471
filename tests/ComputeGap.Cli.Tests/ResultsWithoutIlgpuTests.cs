using System.Reflection;
using ComputeGap.Engine.Output;
using ComputeGap.IO.Tests;

namespace ComputeGap.Cli.Tests;

/// <summary>
/// Results are read without ILGPU: ComputeGap.Results references no ILGPU assembly, and a copy of the
/// tool from which ILGPU and the kernels are deleted still summarises, discovers, draws and reports
/// a run, while <c>sweep</c>, which needs them, cannot start.
/// </summary>
public sealed class ResultsWithoutIlgpuTests
{
    [Fact]
    public void The_results_assembly_and_what_it_references_need_no_ILGPU()
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var queue = new Queue<Assembly>([typeof(RunManifest).Assembly]);
        Assert.Equal("ComputeGap.Results", queue.Peek().GetName().Name);
        while (queue.TryDequeue(out var assembly))
        {
            foreach (var reference in assembly.GetReferencedAssemblies().Where(r => seen.Add(r.Name!)))
            {
                Assert.False(reference.Name!.StartsWith("ILGPU", StringComparison.Ordinal) || reference.Name == "ComputeGap.Kernels",
                    $"{assembly.GetName().Name} references {reference.Name}");
                if (reference.Name.StartsWith("ComputeGap.", StringComparison.Ordinal))
                {
                    queue.Enqueue(Assembly.Load(reference));
                }
            }
        }

        Assert.Contains("ComputeGap.IO", seen);
    }

    [Fact]
    public async Task Summarize_discover_plot_and_report_run_from_a_tool_without_ILGPU_and_sweep_does_not()
    {
        using var run = new TempDirectory();
        using var tool = new TempDirectory();
        Assert.Equal(0, (await Cli.InvokeAsync("sweep", "--out", run.Path, "--backend", "cpu", "-q")).ExitCode);
        Copy(AppContext.BaseDirectory, tool.Path);
        foreach (var file in Directory.GetFiles(tool.Path, "ILGPU*.dll").Append(Path.Combine(tool.Path, "ComputeGap.Kernels.dll")))
        {
            File.Delete(file);
        }

        string[][] commands =
        [
            ["summarize", run.Path, "--format", "json"],
            ["discover", run.Path, "--where", "share_EU < 0.03", "--resamples", "2"],
            ["plot", run.Path, "--out", Path.Combine(tool.Path, "plots")],
            ["report", run.Path, "--out", Path.Combine(tool.Path, "report.html")],
        ];
        foreach (var command in commands)
        {
            var (exitCode, error) = await CliProcess.RunInAsync(tool.Path, command);
            Assert.True(exitCode == 0, $"{command[0]} without ILGPU: exit {exitCode}: {error}");
        }

        Assert.True(File.Exists(Path.Combine(tool.Path, "report.html")));
        var sweep = await CliProcess.RunInAsync(tool.Path, "sweep", "--out", Path.Combine(tool.Path, "again"), "-q");
        Assert.NotEqual(0, sweep.ExitCode);
        Assert.Contains("ILGPU", sweep.Error, StringComparison.Ordinal);
    }

    private static void Copy(string from, string to)
    {
        foreach (var directory in Directory.GetDirectories(from, "*", SearchOption.AllDirectories))
        {
            Directory.CreateDirectory(Path.Combine(to, Path.GetRelativePath(from, directory)));
        }

        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            File.Copy(file, Path.Combine(to, Path.GetRelativePath(from, file)));
        }
    }
}
