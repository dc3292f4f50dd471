namespace ComputeGap.Sweep.Listings;

/// <summary>
/// Finds the <c>data/</c> directory the tool ships with: next to the assembly (an installed .NET tool,
/// whose package carries data/ beside computegap.dll), else the nearest one above it (the repository,
/// whose build outputs sit below it). The one place that locates data files on disk; the baselines,
/// the observed series, the default sweep and the Sobol direction numbers are also built into the
/// assemblies and need no locating.
/// </summary>
public static class ShippedData
{
    /// <summary>The file that marks a data/ directory as the shipped one.</summary>
    private static readonly string Marker = Path.Combine("sweeps", "default.json");

    private static readonly Lazy<string?> Found = new(() => Locate(AppContext.BaseDirectory));

    /// <summary>The shipped data/ directory, or null when there is none at or above the assembly's directory.</summary>
    public static string? Directory => Found.Value;

    /// <summary>The shipped data/ directory.</summary>
    /// <exception cref="DirectoryNotFoundException">There is none at or above the assembly's directory.</exception>
    public static string Require() => Directory ?? throw new DirectoryNotFoundException(
        $"the shipped data directory (data/{Marker.Replace('\\', '/')}) is neither next to {AppContext.BaseDirectory} nor above it: reinstall the tool, or run it from the repository");

    /// <summary>The first <c>data/</c> holding the marker in <paramref name="start"/> or a directory above it, or null.</summary>
    public static string? Locate(string start)
    {
        for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "data");
            if (File.Exists(Path.Combine(candidate, Marker)))
            {
                return candidate;
            }
        }

        return null;
    }
}
