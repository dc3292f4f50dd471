using System.Globalization;
using System.Text.RegularExpressions;

namespace ComputeGap.Engine.Output;

/// <summary>
/// Whether a directory holds whole runs: every shard of a sharded run present and every run's
/// manifest complete. Summaries of incomplete output would silently describe part of a grid.
/// </summary>
public static partial class RunCompleteness
{
    /// <summary>What is missing, one line each; empty when everything is complete (or no manifest exists).</summary>
    public static IReadOnlyList<string> Problems(string directory)
    {
        var problems = new List<string>();
        if (!Directory.Exists(directory))
        {
            return problems;
        }

        var shardSets = new Dictionary<string, (int Count, HashSet<int> Seen)>(StringComparer.Ordinal);
        foreach (var path in Directory.EnumerateFiles(directory, "*.manifest.json").Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(path);
            RunManifest? manifest;
            try
            {
                manifest = RunManifest.Load(path);
            }
            catch (DamagedOutputException e)
            {
                problems.Add($"{name}: {e.Problem ?? e.Message}");
                continue;
            }

            if (manifest is not null && !manifest.IsComplete)
            {
                problems.Add($"{name}: {manifest.Done:N0} of {manifest.Count:N0} scenarios committed (resume that run with --resume)");
            }

            var match = ShardManifest().Match(name);
            if (match.Success)
            {
                var key = match.Groups["stem"].Value + "." + match.Groups["mode"].Value;
                var index = int.Parse(match.Groups["i"].Value, CultureInfo.InvariantCulture);
                var count = int.Parse(match.Groups["n"].Value, CultureInfo.InvariantCulture);
                if (!shardSets.TryGetValue(key, out var set))
                {
                    set = (count, []);
                    shardSets[key] = set;
                }

                set.Seen.Add(index);
                if (set.Count != count)
                {
                    problems.Add($"{name}: shards of two different counts ({set.Count} and {count}) in one directory");
                }
            }
        }

        foreach (var (key, (count, seen)) in shardSets)
        {
            var missing = Enumerable.Range(0, count).Where(i => !seen.Contains(i)).ToList();
            if (missing.Count > 0)
            {
                problems.Add($"{key}: shard(s) {string.Join(", ", missing.Select(i => $"{i}/{count}"))} missing");
            }
        }

        return problems;
    }

    [GeneratedRegex(@"^(?<stem>.+)\.part-(?<i>\d{4})-of-(?<n>\d{4})\.(?<mode>rows|aggregate)\.manifest\.json$")]
    private static partial Regex ShardManifest();
}
