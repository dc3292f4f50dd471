using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ComputeGap.Engine.Output;

/// <summary>Who holds a lock: written beside the lock file when it is taken.</summary>
public sealed record LockHolder(
    [property: JsonPropertyName("host")] string Host,
    [property: JsonPropertyName("pid")] int Pid,
    [property: JsonPropertyName("started_utc")] DateTimeOffset Started,
    [property: JsonPropertyName("sweep")] string Sweep)
{
    public override string ToString() =>
        $"pid {Pid} on {Host} since {Started.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)} UTC (sweep {Sweep})";
}

/// <summary>
/// An exclusive lock on one writer's files: an OS lock (flock on Linux, taken by opening the lock
/// file with <see cref="FileShare.None"/>) that the kernel releases when the process dies, plus a
/// holder record (<c>&lt;lock&gt;.json</c>: host, pid, start time, sweep) so the refused writer can
/// say who holds it. The record is a separate file because a flocked file cannot be read by others.
/// </summary>
/// <remarks>
/// A lock whose OS lock is free is stale (its holder died, or was SIGKILLed) and is simply taken
/// over; the record then names the previous holder in the log. When the OS lock is held but the
/// record names a pid that is gone from this same host, the lock is stale too (a file system whose
/// locks outlive the process): the holder is refused nevertheless, since taking a lock the kernel
/// says is held is never safe, and the message says how to clear it. Lock files are kept after
/// release (deleting one races with a writer that has just opened it).
/// </remarks>
public sealed class RunLock : IDisposable
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    private readonly FileStream _stream;

    private RunLock(FileStream stream, string path)
    {
        _stream = stream;
        Path = path;
    }

    public string Path { get; }

    /// <summary>The record of the process that held the lock before us and did not release it (a stale lock), or null.</summary>
    public LockHolder? TakenOverFrom { get; private init; }

    /// <summary>Takes the lock at <paramref name="path"/>, waiting up to <paramref name="wait"/> for a holder to finish.</summary>
    /// <exception cref="OutputLockedException">Another live process holds it.</exception>
    public static RunLock Acquire(string path, string sweep, string what, TimeSpan wait)
    {
        var deadline = DateTime.UtcNow + wait;
        while (true)
        {
            var previous = ReadHolder(path);
            try
            {
                var stream = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
                var holder = new LockHolder(Environment.MachineName, Environment.ProcessId, DateTimeOffset.UtcNow, sweep);
                WriteHolder(path, holder);
                return new RunLock(stream, path) { TakenOverFrom = previous is { Released: false } ? previous.Holder : null };
            }
            catch (IOException) when (File.Exists(path))
            {
                if (DateTime.UtcNow >= deadline)
                {
                    throw new OutputLockedException(Refusal(path, what));
                }

                Thread.Sleep(50);
            }
        }
    }

    /// <summary>Releases the OS lock and marks the record released.</summary>
    public void Dispose()
    {
        try
        {
            if (ReadHolder(Path) is { } current && current.Holder.Pid == Environment.ProcessId && current.Holder.Host == Environment.MachineName)
            {
                File.WriteAllText(HolderPath(Path), JsonSerializer.Serialize(new HolderRecord(current.Holder, true), Json));
            }
        }
        catch (IOException)
        {
            // The record is advisory; the OS lock below is what excludes.
        }

        _stream.Dispose();
    }

    /// <summary>Who holds the lock at <paramref name="path"/> right now, or null when nobody does.</summary>
    public static LockHolder? Holder(string path)
    {
        try
        {
            using var probe = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.None);
            return null;
        }
        catch (FileNotFoundException)
        {
            return null;
        }
        catch (IOException)
        {
            return ReadHolder(path)?.Holder;
        }
    }

    private static string Refusal(string path, string what)
    {
        var holder = ReadHolder(path)?.Holder;
        var who = holder is null ? "another process" : holder.ToString();
        var stale = holder is not null && holder.Host == Environment.MachineName && !Alive(holder.Pid)
            ? $"; pid {holder.Pid} is gone from this host, so its file system kept the lock: remove {path} once no process writes there"
            : string.Empty;
        return $"{what} is being written by {who} (lock {path}){stale}; wait for it to finish, or choose another --out";
    }

    private static bool Alive(int pid)
    {
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static string HolderPath(string path) => path + ".json";

    private static void WriteHolder(string path, LockHolder holder)
    {
        var temp = HolderPath(path) + ".tmp-" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture);
        File.WriteAllText(temp, JsonSerializer.Serialize(new HolderRecord(holder, false), Json));
        File.Move(temp, HolderPath(path), overwrite: true);
    }

    private static HolderRecord? ReadHolder(string path)
    {
        try
        {
            return File.Exists(HolderPath(path)) ? JsonSerializer.Deserialize<HolderRecord>(File.ReadAllText(HolderPath(path))) : null;
        }
        catch (Exception e) when (e is IOException or JsonException)
        {
            return null;
        }
    }

    private sealed record HolderRecord(
        [property: JsonPropertyName("holder")] LockHolder Holder,
        [property: JsonPropertyName("released")] bool Released);
}
