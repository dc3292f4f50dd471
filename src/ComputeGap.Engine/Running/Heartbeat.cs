namespace ComputeGap.Engine.Running;

/// <summary>
/// Waiting for the sink with a pulse: a long write (a chunk's series, the last part's commit) reports
/// progress every second while it runs, so a log shows a run that is writing instead of silence.
/// </summary>
internal static class Heartbeat
{
    /// <summary>How often <see cref="AwaitAsync"/> beats while it waits.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    /// <summary>Awaits <paramref name="task"/>, calling <paramref name="beat"/> every <see cref="Interval"/> until it ends.</summary>
    public static async Task AwaitAsync(Task task, Action beat)
    {
        while (await Task.WhenAny(task, Task.Delay(Interval)).ConfigureAwait(false) != task)
        {
            beat();
        }

        await task.ConfigureAwait(false);
    }
}
