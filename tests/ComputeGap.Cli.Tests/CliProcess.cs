using System.Diagnostics;

namespace ComputeGap.Cli.Tests;

/// <summary>Runs the built computegap as a real child process, for tests that kill or interrupt it.</summary>
public static class CliProcess
{
    private static string Dll => Path.Combine(AppContext.BaseDirectory, "computegap.dll");

    public static Process Start(params string[] args)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(Dll);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        return Process.Start(info) ?? throw new InvalidOperationException("could not start computegap");
    }

    /// <summary>Runs to the end (with a generous time limit) and returns exit code and stderr.</summary>
    public static async Task<(int ExitCode, string Error)> RunAsync(params string[] args)
    {
        using var process = Start(args);
        var error = process.StandardError.ReadToEndAsync();
        _ = process.StandardOutput.ReadToEndAsync();
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await process.WaitForExitAsync(limit.Token);
        return (process.ExitCode, await error);
    }
}
