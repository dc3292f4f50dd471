namespace ComputeGap.Engine.Output;

/// <summary>
/// What <c>sweep --resume</c> does to committed parts before running what is missing: every part
/// whose files are missing, truncated, changed or foreign is dropped (its surviving files deleted and
/// the manifest rewritten atomically), so its scenarios are recomputed like never-run ones. The
/// recomputed part covers the same scenarios with the same chunking, so the repaired run's report is
/// the undamaged run's, byte for byte.
/// </summary>
public static class RunRepair
{
    /// <summary>Drops the damaged parts of <paramref name="manifest"/>; returns how many.</summary>
    public static int DropDamagedParts(RunManifest manifest, string directory, Action<string>? log)
    {
        var damaged = new List<ManifestPart>();
        foreach (var part in manifest.Parts)
        {
            var damage = part.Damage(directory).ToList();
            if (damage.Count == 0)
            {
                continue;
            }

            damaged.Add(part);
            log?.Invoke($"repair: {damage[0].File}: {damage[0].Problem}; recomputing its {part.Count:N0} scenarios (run positions {part.First:N0} to {part.First + part.Count - 1:N0})");
        }

        if (damaged.Count == 0)
        {
            return 0;
        }

        foreach (var part in damaged)
        {
            manifest.Parts.Remove(part);
        }

        // The manifest first: a crash between the two steps leaves unlisted files, which resuming deletes.
        manifest.Save();
        foreach (var file in damaged.SelectMany(p => p.Files))
        {
            File.Delete(Path.Combine(directory, file));
        }

        return damaged.Count;
    }
}
