using System.Text.RegularExpressions;
using ComputeGap.Engine.Aggregation;

namespace ComputeGap.Engine.Output;

/// <summary>What verification covered.</summary>
/// <param name="Files">Committed files checked against their manifests.</param>
/// <param name="Bytes">Their total size.</param>
/// <param name="Unverified">Why nothing could be checked (files without a run manifest, from another tool), or null.</param>
public sealed record VerifyReport(int Files, long Bytes, string? Unverified);

/// <summary>
/// Checks what <c>summarize</c> is about to read against the run manifests beside it: every listed
/// file present with its recorded size and XxHash128, every manifest sealed, and (for a directory)
/// no Parquet file that no manifest lists. Corruption is named, never read as numbers.
/// </summary>
public static partial class RunVerifier
{
    /// <summary>Verifies a directory, one file, or an aggregate stem.</summary>
    /// <exception cref="DamagedOutputException">The first damaged, missing, foreign or unlisted file (and how many more).</exception>
    public static VerifyReport Verify(string source)
    {
        var full = Path.GetFullPath(source);
        var isDirectory = Directory.Exists(full);
        var directory = isDirectory ? full : Path.GetDirectoryName(full)!;
        if (!Directory.Exists(directory))
        {
            return new VerifyReport(0, 0, null);
        }

        var inScope = Scope(full, isDirectory);
        var manifests = Directory.EnumerateFiles(directory, "*.manifest.json").Order(StringComparer.Ordinal).ToList();
        var parquet = Directory.EnumerateFiles(directory, "*.parquet")
            .Where(f => !Path.GetFileName(f).Contains(".tmp-", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToList();
        if (manifests.Count == 0)
        {
            var ours = parquet.FirstOrDefault(f => PartName().IsMatch(Path.GetFileName(f)) && inScope(f));
            return ours is null
                ? new VerifyReport(0, 0, "no run manifest beside the files (not ComputeGap output)")
                : throw new DamagedOutputException(ours, "a ComputeGap part with no run manifest in its directory (the manifest was deleted?)");
        }

        var problems = new List<(string File, string Problem)>();
        var listed = new HashSet<string>(StringComparer.Ordinal);
        int files = 0;
        long bytes = 0;
        foreach (var path in manifests)
        {
            RunManifest manifest;
            try
            {
                manifest = RunManifest.Load(path)!;
            }
            catch (DamagedOutputException e)
            {
                problems.Add((path, e.Problem ?? e.Message));
                continue;
            }

            foreach (var part in manifest.Parts)
            {
                foreach (var file in part.Files)
                {
                    listed.Add(Path.Combine(directory, file));
                }

                if (!part.Files.Any(f => inScope(Path.Combine(directory, f))))
                {
                    continue;
                }

                problems.AddRange(part.Damage(directory));
                files += part.Checks.Count;
                bytes += part.Checks.Sum(c => c.Bytes);
            }
        }

        if (isDirectory)
        {
            problems.AddRange(parquet.Where(f => !listed.Contains(f))
                .Select(f => (f, "not listed in any run manifest here (copied in, or left by another run: remove it, or rerun the sweep with --resume)")));
        }

        return problems.Count == 0
            ? new VerifyReport(files, bytes, null)
            : throw new DamagedOutputException(problems[0].File,
                problems[0].Problem + (problems.Count > 1 ? $" (and {problems.Count - 1} more damaged file(s))" : string.Empty));
    }

    /// <summary>Which files the source reads: all in a directory; one row file; the whole aggregate of an aggregate file or stem.</summary>
    private static Func<string, bool> Scope(string full, bool isDirectory)
    {
        if (isDirectory)
        {
            return _ => true;
        }

        if (File.Exists(full) && !AggregateFiles.IsAggregateFile(full))
        {
            return f => f == full;
        }

        var tables = AggregateFiles.Find(full).SelectMany(p => p.Tables.Values).Select(Path.GetFullPath).ToHashSet(StringComparer.Ordinal);
        return tables.Contains;
    }

    /// <summary>A part file name as ComputeGap writes them: stem, 19-digit first scenario, kind.</summary>
    [GeneratedRegex(@"\.\d{19}\.(rows|series|agg-[a-z-]+)\.parquet$")]
    private static partial Regex PartName();
}
