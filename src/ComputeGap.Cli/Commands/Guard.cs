using ComputeGap.Engine.Backends;
using ComputeGap.Engine.Output;
using ComputeGap.IO.Parquet;
using ComputeGap.Sweep.Spec;

namespace ComputeGap.Cli.Commands;

/// <summary>Turns failures into one clear line on stderr and an exit code.</summary>
public static class Guard
{
    public static async Task<int> RunAsync(Func<Task<int>> action, TextWriter error)
    {
        try
        {
            return await action().ConfigureAwait(false);
        }
        catch (DamagedOutputException e)
        {
            await error.WriteLineAsync($"error: damaged output: {OneLine(e.Message)}").ConfigureAwait(false);
            return ExitCodes.Damaged;
        }
        catch (OutputLockedException e)
        {
            await error.WriteLineAsync($"error: {OneLine(e.Message)}").ConfigureAwait(false);
            return ExitCodes.Locked;
        }
        catch (SpecException e)
        {
            await error.WriteLineAsync($"error: {e.Message}").ConfigureAwait(false);
            return ExitCodes.BadInput;
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException or IncompatiblePartsException or InvalidDataException
            or BackendUnavailableException or ArgumentException or OutputConflictException or NotSupportedException)
        {
            await error.WriteLineAsync($"error: {OneLine(e.Message)}").ConfigureAwait(false);
            return ExitCodes.BadInput;
        }
        catch (OperationCanceledException)
        {
            await error.WriteLineAsync("cancelled: nothing was written (partial files are removed)").ConfigureAwait(false);
            return ExitCodes.Cancelled;
        }
        catch (IOException e)
        {
            await error.WriteLineAsync($"error: {OneLine(e.Message)}").ConfigureAwait(false);
            return ExitCodes.Failure;
        }
    }

    private static string OneLine(string message) => message.ReplaceLineEndings(" ").Trim();
}
