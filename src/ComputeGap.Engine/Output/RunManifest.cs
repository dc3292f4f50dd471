using System.Text.Json;
using System.Text.Json.Serialization;

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
public sealed class RunManifest
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    [JsonPropertyName("sweep_sha256")]
    public required string SweepSha256 { get; init; }

    [JsonPropertyName("baseline_sha256")]
    public required string BaselineSha256 { get; init; }

    [JsonPropertyName("model_version")]
    public required string ModelVersion { get; init; }

    [JsonPropertyName("output")]
    public required string Output { get; init; }

    [JsonPropertyName("first")]
    public required long First { get; init; }

    [JsonPropertyName("count")]
    public required long Count { get; init; }

    /// <summary>Committed parts: range and the files that hold it.</summary>
    [JsonPropertyName("parts")]
    public List<ManifestPart> Parts { get; init; } = [];

    [JsonIgnore]
    public string Path { get; private set; } = string.Empty;

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
        var part = new ManifestPart(range.First, range.Count, [.. files.Select(System.IO.Path.GetFileName).OfType<string>()]);
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
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write))
            {
                JsonSerializer.Serialize(stream, this, Json);
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

    public static RunManifest? Load(string path)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            var manifest = JsonSerializer.Deserialize<RunManifest>(File.ReadAllText(path))
                ?? throw new InvalidDataException($"{path}: empty manifest");
            manifest.Path = path;
            return manifest;
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path}: unreadable run manifest ({e.Message})", e);
        }
    }

    public RunManifest At(string path)
    {
        Path = path;
        return this;
    }
}

/// <summary>One committed part of a run.</summary>
public sealed record ManifestPart(
    [property: JsonPropertyName("first")] long First,
    [property: JsonPropertyName("count")] long Count,
    [property: JsonPropertyName("files")] IReadOnlyList<string> Files);
