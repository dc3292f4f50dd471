using System.Diagnostics;

namespace ComputeGap.Cli.Tests;

/// <summary>A small tmpfs mounted on a fresh temporary directory: a disk that fills up. Linux and root only.</summary>
public static class Tmpfs
{
    private static readonly Lazy<string?> Unavailable = new(Probe);

    /// <summary>Why tmpfs mounts cannot be used here, or null when they can.</summary>
    public static string? SkipReason => Unavailable.Value;

    /// <summary>
    /// Mounts a tmpfs of <paramref name="size"/> (mount's syntax, e.g. <c>3m</c>), runs <paramref name="body"/>
    /// with its path, and unmounts it in a finally (umount, once more after collecting leaked handles, then a
    /// lazy detach so no mount outlives the test) and deletes the directory. A failed unmount fails the test
    /// unless the body already failed.
    /// </summary>
    public static async Task WithAsync(string size, Func<string, Task> body)
    {
        var path = Directory.CreateTempSubdirectory("computegap-fulldisk-").FullName;
        var (code, output) = Run("mount", "-t", "tmpfs", "-o", $"size={size}", "tmpfs", path);
        if (code != 0)
        {
            Directory.Delete(path);
            Assert.Fail($"mount -t tmpfs -o size={size} tmpfs {path} failed ({code}): {output}");
        }

        var failed = false;
        try
        {
            await body(path);
        }
        catch
        {
            failed = true;
            throw;
        }
        finally
        {
            var (unmounted, problem) = Unmount(path);
            if (unmounted)
            {
                Directory.Delete(path);
            }

            if (problem is not null && !failed)
            {
                Assert.Fail(problem);
            }
        }
    }

    /// <summary>Whether the mount is gone (directory empty again), and anything that went wrong.</summary>
    private static (bool Unmounted, string? Problem) Unmount(string path)
    {
        var (code, output) = Run("umount", path);
        if (code == 0)
        {
            return (true, null);
        }

        // A file handle the code under test leaked keeps the mount busy until its finalizer closes it.
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        Thread.Sleep(200);
        var (again, output2) = Run("umount", path);
        if (again == 0)
        {
            return (true, $"umount {path} failed the first time ({output.Trim()}) and worked only after a garbage collection: a file handle was leaked");
        }

        // Last resort, so no mount outlives the test: detach it now, the kernel frees it once the handles close.
        var (lazy, _) = Run("umount", "-l", path);
        return (lazy == 0, $"umount {path} failed twice ({output.Trim()}; {output2.Trim()}); detached lazily");
    }

    private static string? Probe()
    {
        if (!OperatingSystem.IsLinux())
        {
            return "needs Linux to mount a tmpfs";
        }

        if (!Environment.IsPrivilegedProcess)
        {
            return "needs root to mount a tmpfs (CI runs as root)";
        }

        var path = Directory.CreateTempSubdirectory("computegap-tmpfs-probe-").FullName;
        try
        {
            var (code, output) = Run("mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", path);
            if (code != 0)
            {
                return $"mount -t tmpfs failed here ({code}): {output.Trim()}";
            }

            Run("umount", path);
            return null;
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException or IOException)
        {
            return $"cannot run mount: {e.Message}";
        }
        finally
        {
            try
            {
                Directory.Delete(path);
            }
            catch (IOException)
            {
                // Still mounted after a failed umount: leave it.
            }
        }
    }

    private static (int Code, string Output) Run(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {program}");
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output + error.Result);
    }
}

/// <summary>A theory that needs <see cref="Tmpfs"/>; skipped, with the reason, where tmpfs cannot be mounted.</summary>
public sealed class TmpfsTheoryAttribute : TheoryAttribute
{
    public TmpfsTheoryAttribute()
    {
        if (Tmpfs.SkipReason is { } reason)
        {
            Skip = reason;
        }
    }
}

/// <summary>A fact that needs <see cref="Tmpfs"/>; skipped, with the reason, where tmpfs cannot be mounted.</summary>
public sealed class TmpfsFactAttribute : FactAttribute
{
    public TmpfsFactAttribute()
    {
        if (Tmpfs.SkipReason is { } reason)
        {
            Skip = reason;
        }
    }
}
