using System.Globalization;

namespace ComputeGap.Engine.Running;

/// <summary>
/// Shard <see cref="Index"/> of <see cref="Count"/>: a contiguous, deterministic slice of the scenario
/// index space. Shards of one grid never overlap and together cover it exactly.
/// </summary>
public readonly record struct Shard(int Index, int Count)
{
    /// <summary>The whole grid as one shard.</summary>
    public static Shard All => new(0, 1);

    public bool IsWhole => Count == 1;

    /// <summary>
    /// First scenario index of this shard in a grid of <paramref name="total"/>, rounded down to a
    /// multiple of <paramref name="alignment"/> (aggregate output aligns shards to whole blocks so
    /// that every block is reduced whole, by one shard).
    /// </summary>
    public long First(long total, long alignment = 1) =>
        Index == 0 ? 0 : (long)(total * (Int128)Index / Count) / alignment * alignment;

    /// <summary>Scenarios in this shard.</summary>
    public long Length(long total, long alignment = 1) =>
        (Index + 1 == Count ? total : new Shard(Index + 1, Count).First(total, alignment)) - First(total, alignment);

    /// <summary>File-name part, e.g. <c>part-0002-of-0004</c>.</summary>
    public string FileTag => string.Create(CultureInfo.InvariantCulture, $"part-{Index:D4}-of-{Count:D4}");

    /// <summary>Parses <c>i/N</c> (0 ≤ i &lt; N).</summary>
    public static Shard Parse(string text)
    {
        var parts = text.Split('/');
        if (parts.Length != 2
            || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var index)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var count)
            || count < 1 || index >= count)
        {
            throw new ArgumentException($"--shard '{text}': expected i/N with 0 <= i < N, e.g. 0/4");
        }

        return new Shard(index, count);
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Index}/{Count}");
}
