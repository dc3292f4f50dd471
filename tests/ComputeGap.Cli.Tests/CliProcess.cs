using System.Diagnostics;

namespace ComputeGap.Cli.Tests;

/// <summary>Runs the built computegap as a real child process, for tests that kill or interrupt it.</summary>
public static class CliProcess
{
    public static Process Start(params string[] args) => StartIn(AppContext.BaseDirectory, args);

    /// <summary>Starts the computegap.dll of <paramref name="directory"/> (a copy of the build, say).</summary>
    public static Process StartIn(string directory, params string[] args)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(Path.Combine(directory, "computegap.dll"));
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        return Process.Start(info) ?? throw new InvalidOperationException("could not start computegap");
    }

    /// <summary>Runs to the end (with a generous time limit) and returns exit code and stderr.</summary>
    public static Task<(int ExitCode, string Error)> RunAsync(params string[] args) => RunInAsync(AppContext.BaseDirectory, args);

    /// <summary><see cref="RunAsync"/> with the computegap.dll of <paramref name="directory"/>.</summary>
    public static async Task<(int ExitCode, string Error)> RunInAsync(string directory, params string[] args)
    {
        using var process = StartIn(directory, args);
        var error = process.StandardError.ReadToEndAsync();
        _ = process.StandardOutput.ReadToEndAsync();
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await process.WaitForExitAsync(limit.Token);
        return (process.ExitCode, await error);
    }
}
