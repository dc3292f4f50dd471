namespace ComputeGap.Sweep.Listings;

/// <summary>A sweep file shipped in data/sweeps.</summary>
/// <param name="Name">Its path under data/sweeps without <c>.json</c>, with <c>/</c> between folders: <c>ree-shock</c>, <c>v1/ree-shock</c>, <c>designs/ishigami-sobol</c>.</param>
/// <param name="Path">The file's full path.</param>
public sealed record ShippedSweep(string Name, string Path)
{
    /// <summary>The name without its folders: <c>ree-shock</c> for <c>v1/ree-shock</c>.</summary>
    public string BaseName => Name[(Name.LastIndexOf('/') + 1)..];
}
