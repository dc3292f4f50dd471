using System.Globalization;
using ComputeGap.Engine.Running;
using ComputeGap.IO.Parquet;
using ComputeGap.IO.Reports;

namespace ComputeGap.Engine.Output;

/// <summary>
/// File names of a run's output. Parts are named by their first global scenario index, zero-padded,
/// so a directory listing in name order is index order, across shards too.
/// </summary>
public sealed class RunFiles(string directory, string sweepName, Shard shard, OutputMode mode)
{
    /// <summary>Digits of the first-scenario number in part names (2^62 has 19).</summary>
    private const string IndexFormat = "D19";

    public string Directory { get; } = directory;

    public string Stem { get; } = FileStem(sweepName);

    /// <summary>A file-name-safe form of the sweep's name.</summary>
    public static string FileStem(string name)
    {
        var safe = new string([.. name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '_')]).Trim('.');
        return safe.Length > 0 ? safe : "sweep";
    }

    public string Manifest => Path.Combine(Directory, $"{Stem}.{(shard.IsWhole ? "all" : shard.FileTag)}.{Mode}.manifest.json");

    /// <summary>This run's writer lock (<see cref="RunLock"/>): one per manifest, so shards of one sweep write side by side.</summary>
    public string Lock => LockOf(Manifest);

    /// <summary>The directory's claim lock, held while a writer checks the directory and opens its manifest.</summary>
    public string DirectoryLock => Path.Combine(Directory, ".computegap.lock");

    /// <summary>The writer lock of the run whose manifest is <paramref name="manifest"/>.</summary>
    public static string LockOf(string manifest) => manifest[..^".manifest.json".Length] + ".lock";

    private string Mode => mode == OutputMode.Aggregate ? "aggregate" : "rows";

    /// <summary>Stem of the part that starts at scenario <paramref name="first"/>.</summary>
    public string PartStem(long first) => Path.Combine(Directory, $"{Stem}.{first.ToString(IndexFormat, CultureInfo.InvariantCulture)}");

    /// <summary>Ending of row part files.</summary>
    public const string RowsSuffix = ".rows.parquet";

    /// <summary>Ending of series part files, each the twin of the row part with the same stem.</summary>
    public const string SeriesSuffix = ".series.parquet";

    public string RowsPart(long first) => PartStem(first) + RowsSuffix;

    public string SeriesPart(long first) => PartStem(first) + SeriesSuffix;

    /// <summary>
    /// Deletes this run's part files (same sweep name and output mode, starting inside the run's
    /// range) that its manifest does not list: parts published by a run that died before it could
    /// record them. Other shards' parts start outside the range and are left alone.
    /// </summary>
    public int RemoveUnlisted(RunManifest manifest)
    {
        var listed = manifest.Parts.SelectMany(p => p.Files).ToHashSet(StringComparer.Ordinal);
        var removed = 0;
        foreach (var file in System.IO.Directory.EnumerateFiles(Directory, Stem + ".*.parquet"))
        {
            var name = Path.GetFileName(file);
            if (PartIndex(name) is not { } first)
            {
                continue;
            }

            var kind = name[(Stem.Length + 1 + 19 + 1)..];
            var ours = mode == OutputMode.Aggregate ? kind.StartsWith("agg-", StringComparison.Ordinal) : kind is "rows.parquet" or "series.parquet";
            if (ours && first >= manifest.First && first < manifest.First + manifest.Count && !listed.Contains(name))
            {
                File.Delete(file);
                removed++;
            }
        }

        return removed;
    }

    /// <summary>
    /// The start time recorded in the metadata of this run's part files that belong to the run
    /// <paramref name="identity"/> describes (same sweep file and baseline), for a run whose manifest
    /// was lost; null when no such part can be read.
    /// </summary>
    public async Task<DateTimeOffset?> CreatedOfSurvivingPartsAsync(IReadOnlyDictionary<string, string> identity, CancellationToken cancellationToken)
    {
        foreach (var file in System.IO.Directory.EnumerateFiles(Directory, Stem + ".*.parquet").Order(StringComparer.Ordinal))
        {
            if (PartIndex(Path.GetFileName(file)) is null)
            {
                continue;
            }

            IReadOnlyDictionary<string, string> metadata;
            try
            {
                metadata = (await ParquetTableReader.ReadInfoAsync(file, cancellationToken).ConfigureAwait(false)).Metadata;
            }
#pragma warning disable CA1031 // A damaged part may fail in any way the Parquet reader has; it is then simply not a witness.
            catch (Exception e) when (e is not OperationCanceledException)
#pragma warning restore CA1031
            {
                continue;
            }

            var same = metadata.GetValueOrDefault(MetadataKeys.SweepSha256) == identity[MetadataKeys.SweepSha256]
                && metadata.GetValueOrDefault(MetadataKeys.BaselineSha256) == identity[MetadataKeys.BaselineSha256];
            if (same && DateTimeOffset.TryParse(metadata.GetValueOrDefault(MetadataKeys.CreatedUtc), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var created))
            {
                return created;
            }
        }

        return null;
    }

    /// <summary>
    /// Removes temporary files a killed run of this same run left behind: its manifest's, and those
    /// of parts starting inside [<paramref name="first"/>, <paramref name="first"/> + <paramref name="count"/>).
    /// Shards running at the same time in the same directory own other ranges and are left alone.
    /// </summary>
    public int RemoveStaleTemporaries(long first, long count)
    {
        if (!System.IO.Directory.Exists(Directory))
        {
            return 0;
        }

        var removed = 0;
        var manifestName = Path.GetFileName(Manifest);
        foreach (var file in System.IO.Directory.EnumerateFiles(Directory, Stem + ".*.tmp-*"))
        {
            var name = Path.GetFileName(file);
            var ours = name.StartsWith(manifestName + ".tmp-", StringComparison.Ordinal)
                || (PartIndex(name) is { } index && index >= first && index < first + count);
            if (ours)
            {
                File.Delete(file);
                removed++;
            }
        }

        return removed;
    }

    /// <summary>The first-scenario number in a part file's name, or null for other files.</summary>
    private long? PartIndex(string name)
    {
        if (name.Length <= Stem.Length + 1)
        {
            return null;
        }

        var rest = name[(Stem.Length + 1)..];
        var dot = rest.IndexOf('.', StringComparison.Ordinal);
        return dot == 19 && long.TryParse(rest[..dot], NumberStyles.None, CultureInfo.InvariantCulture, out var first) ? first : null;
    }
}

/// <summary>What a sweep writes.</summary>
public enum OutputMode
{
    /// <summary>Rows up to the row limit, aggregates above it.</summary>
    Auto,

    /// <summary>One Parquet row per scenario.</summary>
    Rows,

    /// <summary>Reductions only: statistics, sketches, main effects, thresholds, extremes.</summary>
    Aggregate,
}
