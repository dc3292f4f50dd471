using ComputeGap.IO.Names;
using ComputeGap.Sweep.Spec;

namespace ComputeGap.Sweep.Listings;

/// <summary>The sweeps shipped in data/sweeps and its folders, and running one by name (<c>computegap sweep ree-shock</c>).</summary>
public static class ShippedSweeps
{
    private const string Extension = ".json";

    /// <summary>Every shipped sweep: those directly in data/sweeps first, then each folder's, by name.</summary>
    /// <exception cref="DirectoryNotFoundException">The tool's data/ directory is missing.</exception>
    public static IReadOnlyList<ShippedSweep> All() => In(ShippedData.Require());

    /// <summary>Every sweep in <paramref name="dataDirectory"/>/sweeps, ordered as <see cref="All"/>.</summary>
    public static IReadOnlyList<ShippedSweep> In(string dataDirectory)
    {
        var root = Path.Combine(dataDirectory, "sweeps");
        return [.. Directory.EnumerateFiles(root, "*" + Extension, SearchOption.AllDirectories)
            .Select(path => new ShippedSweep(Path.ChangeExtension(Path.GetRelativePath(root, path), null).Replace(Path.DirectorySeparatorChar, '/'), path))
            .OrderBy(s => s.Name.Count(c => c == '/'))
            .ThenBy(s => s.Name, StringComparer.Ordinal)];
    }

    /// <summary>
    /// The file a sweep argument names: itself when it exists, ends in <c>.json</c> or is a directory
    /// (a path, read as before), else the shipped sweep of that name, or of that name without its
    /// folders when only one has it.
    /// </summary>
    /// <exception cref="FileNotFoundException">No file and no shipped sweep has that name; the message names the closest one.</exception>
    public static string FileOf(string argument)
    {
        if (File.Exists(argument) || Directory.Exists(argument) || argument.EndsWith(Extension, StringComparison.OrdinalIgnoreCase))
        {
            return Path.GetFullPath(argument);
        }

        var all = All();
        var byName = all.FirstOrDefault(s => s.Name == argument) ?? Unique(all, argument);
        if (byName is not null)
        {
            return byName.Path;
        }

        var names = all.Select(s => s.Name).Concat(all.Where(s => Unique(all, s.BaseName) is not null).Select(s => s.BaseName)).ToList();
        var closest = ClosestName.Find(argument, names);
        var hint = closest is not null ? $"did you mean {closest}?" : $"shipped: {string.Join(", ", all.Select(s => s.Name))}";
        throw new FileNotFoundException($"no sweep file or shipped sweep named \"{argument}\"; {hint} (computegap sweeps lists them)");
    }

    /// <summary>The one sweep whose name without folders is <paramref name="baseName"/>, or null (none, or several).</summary>
    private static ShippedSweep? Unique(IReadOnlyList<ShippedSweep> all, string baseName)
    {
        var matches = all.Where(s => s.BaseName == baseName).Take(2).ToList();
        return matches.Count == 1 ? matches[0] : null;
    }
}
