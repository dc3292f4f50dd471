using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;

namespace ComputeGap.Engine.Output;

/// <summary>A contiguous range of scenario indices.</summary>
public readonly record struct ScenarioRange(long First, long Count)
{
    public long End => First + Count;
}

/// <summary>
/// The record of one run (one sweep, one shard, one output mode) in its output directory: which
/// scenario ranges are complete, i.e. whose part files have been committed. It is rewritten
/// atomically (temporary file, flush, rename) after every committed part, so after a crash it lists
/// exactly the parts that are whole; <c>--resume</c> runs what it lacks.
/// </summary>
/// <remarks>
/// Each committed file is recorded with its size and XxHash128 (<see cref="FileChecksum"/>), and the
/// manifest seals itself: its last property, <c>manifest_xxh128</c>, is the XxHash128 of the file's
/// text without that property. A manifest without a valid seal is damaged (or was written before
/// checksums) and is never trusted.
/// </remarks>
public sealed partial class RunManifest
{
    private const string SealKey = "manifest_xxh128";

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, NewLine = "\n", Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    [JsonPropertyName("sweep_sha256")]
    public required string SweepSha256 { get; init; }

    [JsonPropertyName("baseline_sha256")]
    public required string BaselineSha256 { get; init; }

    [JsonPropertyName("model_version")]
    public required string ModelVersion { get; init; }

    [JsonPropertyName("output")]
    public required string Output { get; init; }

    /// <summary>The condition whose bitmap the run keeps (<c>sweep --where</c>), or null.</summary>
    [JsonPropertyName("where")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Where { get; init; }

    /// <summary>
    /// The order the run takes its scenarios in (<see cref="Running.RunOrder.ManifestName"/>): null for
    /// scenario order, <c>futures/W</c> for future order; parts' ranges count positions in that order.
    /// </summary>
    [JsonPropertyName("order")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Order { get; init; }

    /// <summary>The outcomes a run in future order compares the policies on (comma-separated), or null.</summary>
    [JsonPropertyName("compared")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Compared { get; init; }

    /// <summary>
    /// The threshold tests an aggregate run counts (<c>share_EU &lt; 0.05; …</c>), or null for rows; null in an
    /// aggregate manifest written before thresholds were run-time data, whose parts count the seven on the key columns.
    /// </summary>
    [JsonPropertyName("thresholds")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Thresholds { get; init; }

    /// <summary>
    /// The row schema the run's parts are written in (<see cref="IO.Reports.RowSchema"/>); null in a manifest
    /// written before schema 2, whose parts are in schema 1. A run is resumed only in the schema this tool writes.
    /// </summary>
    [JsonPropertyName("row_schema")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? RowSchema { get; init; }

    /// <summary>The row schema of the parts (1 when the manifest does not say).</summary>
    [JsonIgnore]
    public int PartSchema => RowSchema ?? IO.Reports.RowSchema.Unversioned;

    /// <summary>When the run started; every part's metadata carries it, so a repaired part reads like the original.</summary>
    [JsonPropertyName("created_utc")]
    public required DateTimeOffset Created { get; init; }

    [JsonPropertyName("first")]
    public required long First { get; init; }

    [JsonPropertyName("count")]
    public required long Count { get; init; }

    /// <summary>Committed parts: range and the files that hold it.</summary>
    [JsonPropertyName("parts")]
    public List<ManifestPart> Parts { get; init; } = [];

    [JsonIgnore]
    public string Path { get; private set; } = string.Empty;

    /// <summary>The seal read from the file; written only by <see cref="Save"/>.</summary>
    [JsonPropertyName(SealKey)]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Seal { get; set; }

    /// <summary>Scenarios already committed.</summary>
    [JsonIgnore]
    public long Done => Parts.Sum(p => p.Count);

    [JsonIgnore]
    public bool IsComplete => Done == Count;

    /// <summary>The ranges of <c>[First, First + Count)</c> no committed part holds, in order.</summary>
    public IReadOnlyList<ScenarioRange> Missing()
    {
        var missing = new List<ScenarioRange>();
        var at = First;
        foreach (var part in Parts.OrderBy(p => p.First))
        {
            if (part.First > at)
            {
                missing.Add(new ScenarioRange(at, part.First - at));
            }

            at = Math.Max(at, part.First + part.Count);
        }

        if (at < First + Count)
        {
            missing.Add(new ScenarioRange(at, First + Count - at));
        }

        return missing;
    }

    /// <summary>
    /// Records a committed part and rewrites the manifest atomically. When the manifest cannot be
    /// saved, the part's files are deleted again: no part is visible that the manifest does not list.
    /// </summary>
    public void Record(ScenarioRange range, IReadOnlyList<string> files)
    {
        ManifestPart part;
        try
        {
            var checks = files.Select(FileChecksum.Of).ToList();
            part = new ManifestPart(range.First, range.Count, [.. checks.Select(c => c.File)]) { Checks = checks };
        }
        catch (IOException)
        {
            foreach (var file in files)
            {
                TryDelete(file);
            }

            throw;
        }

        Parts.Add(part);
        try
        {
            Save();
        }
        catch (IOException)
        {
            Parts.Remove(part);
            foreach (var file in files)
            {
                TryDelete(file);
            }

            throw;
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // Best effort: the caller reports the first failure.
        }
    }

    public void Save()
    {
        var temp = Path + ".tmp-" + Guid.NewGuid().ToString("N")[..12];
        try
        {
            Seal = null;
            var body = JsonSerializer.Serialize(this, Json);
            Seal = FileChecksum.Hash(Encoding.UTF8.GetBytes(body));
            var sealedText = body[..^2] + $",\n  \"{SealKey}\": \"{Seal}\"\n}}\n";
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write))
            {
                stream.Write(Encoding.UTF8.GetBytes(sealedText));
                stream.Flush(flushToDisk: true);
            }

            File.Move(temp, Path, overwrite: true);
        }
        catch (IOException e)
        {
            TryDelete(temp);
            throw new IOException($"{Path}: {e.Message.Replace(temp, System.IO.Path.GetFileName(Path), StringComparison.Ordinal).Trim()}", e);
        }
    }

    /// <summary>The manifest at <paramref name="path"/>, or null when there is none.</summary>
    /// <exception cref="DamagedOutputException">The file is not a sealed manifest, or its seal does not match its text.</exception>
    public static RunManifest? Load(string path)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        var text = File.ReadAllText(path, Encoding.UTF8);
        var seal = SealPattern().Match(text);
        if (!seal.Success)
        {
            throw new DamagedOutputException(path, "run manifest has no valid manifest_xxh128 seal (damaged, or written by a ComputeGap before checksums)");
        }

        var body = text[..seal.Index] + "\n}";
        var actual = FileChecksum.Hash(Encoding.UTF8.GetBytes(body));
        if (actual != seal.Groups["seal"].Value)
        {
            throw new DamagedOutputException(path, $"run manifest's text hashes to {actual}, not to its seal {seal.Groups["seal"].Value} (damaged)");
        }

        try
        {
            var manifest = JsonSerializer.Deserialize<RunManifest>(text)
                ?? throw new DamagedOutputException(path, "empty run manifest");
            manifest.Path = path;
            return manifest;
        }
        catch (JsonException e)
        {
            throw new DamagedOutputException(path, $"unreadable run manifest ({e.Message})");
        }
    }

    [GeneratedRegex(@",\n  ""manifest_xxh128"": ""(?<seal>[0-9a-f]{32})""\n}\n?\z")]
    private static partial Regex SealPattern();

    public RunManifest At(string path)
    {
        Path = path;
        return this;
    }
}

/// <summary>One committed part of a run: its scenarios, its files and what each file must be.</summary>
public sealed record ManifestPart(
    [property: JsonPropertyName("first")] long First,
    [property: JsonPropertyName("count")] long Count,
    [property: JsonPropertyName("files")] IReadOnlyList<string> Files)
{
    /// <summary>Size and checksum of each of <see cref="Files"/>, in the same order.</summary>
    [JsonPropertyName("checks")]
    public IReadOnlyList<FileChecksum> Checks { get; init; } = [];

    /// <summary>What is wrong with this part's files in <paramref name="directory"/>, one entry per damaged file.</summary>
    public IEnumerable<(string File, string Problem)> Damage(string directory)
    {
        if (Checks.Count != Files.Count || Checks.Select(c => c.File).Where((f, i) => f != Files[i]).Any())
        {
            yield return (System.IO.Path.Combine(directory, Files.Count > 0 ? Files[0] : "?"), "the manifest records no checksum for it");
            yield break;
        }

        foreach (var check in Checks)
        {
            var path = System.IO.Path.Combine(directory, check.File);
            if (check.Mismatch(path) is { } problem)
            {
                yield return (path, problem);
            }
        }
    }
}
