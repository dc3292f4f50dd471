using ComputeGap.IO.Reports;

namespace ComputeGap.Engine.Output;

/// <summary>One directory holds one sweep's output: refuses to add parts of another sweep, model or baseline.</summary>
public static class OutputGuard
{
    public static void RefuseForeignOutput(RunFiles files, IReadOnlyDictionary<string, string> identity)
    {
        if (!Directory.Exists(files.Directory))
        {
            return;
        }

        foreach (var path in Directory.EnumerateFiles(files.Directory, "*.manifest.json"))
        {
            RunManifest? other;
            try
            {
                other = RunManifest.Load(path);
            }
            catch (DamagedOutputException) when (path == files.Manifest)
            {
                continue; // this run's own manifest: resuming repairs it, a fresh run replaces it
            }

            if (other is null)
            {
                continue;
            }

            var clash = other.ModelVersion != identity[MetadataKeys.ModelVersion] ? $"model version {other.ModelVersion}"
                : other.SweepSha256 != identity[MetadataKeys.SweepSha256] ? "a different sweep file"
                : other.BaselineSha256 != identity[MetadataKeys.BaselineSha256] ? "a different baseline"
                : null;
            if (clash is not null)
            {
                var writer = RunLock.Holder(RunFiles.LockOf(path)) is { } holder ? $", being written by {holder}" : string.Empty;
                throw new OutputConflictException($"{files.Directory} already holds output of {clash} ({Path.GetFileName(path)}{writer}); choose another --out or remove it");
            }
        }
    }
}

/// <summary>The output directory holds another sweep's output.</summary>
public sealed class OutputConflictException : Exception
{
    public OutputConflictException()
    {
    }

    public OutputConflictException(string message)
        : base(message)
    {
    }

    public OutputConflictException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
