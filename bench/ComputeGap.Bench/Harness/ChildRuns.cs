using System.Diagnostics;
using System.Globalization;

namespace ComputeGap.Bench.Harness;

/// <summary>Runs one bench step in a fresh process of this program, so the step's peak resident memory is its own.</summary>
internal static class ChildRuns
{
    /// <summary>Runs <c>ComputeGap.Bench <paramref name="args"/></c> and returns its standard output, trimmed.</summary>
    public static async Task<string> RunAsync(params string[] args)
    {
        var self = Environment.ProcessPath!;
        var start = new ProcessStartInfo(self) { RedirectStandardOutput = true };
        if (Path.GetFileNameWithoutExtension(self) == "dotnet")
        {
            start.ArgumentList.Add(typeof(ChildRuns).Assembly.Location);
        }

        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var child = Process.Start(start)!;
        var text = await child.StandardOutput.ReadToEndAsync().ConfigureAwait(false);
        await child.WaitForExitAsync().ConfigureAwait(false);
        return child.ExitCode == 0 ? text.Trim() : $"failed with exit code {child.ExitCode}: {text.Trim()}";
    }

    /// <summary>VmHWM of this process, GB (Linux), or NaN.</summary>
    public static double PeakResidentGb()
    {
        var line = File.Exists("/proc/self/status") ? File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal)) : null;
        return line is null ? double.NaN : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1e6 * 1.024;
    }
}
