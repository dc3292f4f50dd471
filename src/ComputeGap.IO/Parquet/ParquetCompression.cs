using System.Globalization;
using System.IO.Compression;
using global::Parquet;

namespace ComputeGap.IO.Parquet;

/// <summary>Page compression codec.</summary>
public enum ParquetCodec
{
    /// <summary>Snappy: fast, modest ratio. The default.</summary>
    Snappy,

    /// <summary>Zstandard at an explicit level.</summary>
    Zstd,
}

/// <summary>
/// Page compression for <see cref="ParquetTableWriter"/>: Snappy (the default value of this struct) or
/// Zstd at an explicit level.
/// </summary>
/// <remarks>
/// Parquet.Net 6 takes the level as a <see cref="CompressionLevel"/>, not a number, and maps it to
/// Zstd levels itself: <c>Fastest</c> → 1, <c>Optimal</c> → 3, <c>SmallestSize</c> → 19 (its
/// default, which is why unconfigured Zstd writes are ~20–50× slower than Snappy). So only the
/// levels 1, 3 and 19 can be chosen; other levels are rejected rather than silently rounded.
/// </remarks>
public readonly record struct ParquetCompression
{
    private ParquetCompression(ParquetCodec codec, int level)
    {
        Codec = codec;
        Level = level;
    }

    /// <summary>Zstd levels Parquet.Net 6 can be asked for.</summary>
    public static IReadOnlyList<int> SupportedZstdLevels { get; } = [1, 3, 19];

    /// <summary>Zstd level used by <see cref="Parse"/> for a bare "zstd".</summary>
    public const int DefaultZstdLevel = 3;

    /// <summary>The codec.</summary>
    public ParquetCodec Codec { get; }

    /// <summary>The Zstd level (one of <see cref="SupportedZstdLevels"/>); 0 for Snappy.</summary>
    public int Level { get; }

    /// <summary>Snappy compression (same as <c>default</c>).</summary>
    public static ParquetCompression Snappy => default;

    /// <summary>Zstd at <paramref name="level"/>, which must be one of <see cref="SupportedZstdLevels"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The level cannot be set through Parquet.Net 6.</exception>
    public static ParquetCompression Zstd(int level)
    {
        if (!SupportedZstdLevels.Contains(level))
        {
            throw new ArgumentOutOfRangeException(nameof(level), level,
                "Parquet.Net 6 can only write Zstd at levels 1, 3 or 19.");
        }

        return new ParquetCompression(ParquetCodec.Zstd, level);
    }

    /// <summary>Parses "snappy", "zstd" (level <see cref="DefaultZstdLevel"/>) or "zstd:N" / "zstd-N".</summary>
    /// <exception cref="FormatException">The text names no supported compression.</exception>
    public static ParquetCompression Parse(string text)
    {
        var trimmed = text.Trim().ToUpperInvariant();
        if (trimmed == "SNAPPY")
        {
            return Snappy;
        }

        if (trimmed == "ZSTD")
        {
            return Zstd(DefaultZstdLevel);
        }

        if (trimmed.Length > 5 && trimmed.StartsWith("ZSTD", StringComparison.Ordinal) && trimmed[4] is ':' or '-'
            && int.TryParse(trimmed.AsSpan(5), NumberStyles.None, CultureInfo.InvariantCulture, out var level)
            && SupportedZstdLevels.Contains(level))
        {
            return Zstd(level);
        }

        throw new FormatException($"Unknown compression '{text}': expected snappy, zstd, zstd:1, zstd:3 or zstd:19.");
    }

    /// <summary>"snappy" or "zstd:N", accepted back by <see cref="Parse"/>.</summary>
    public override string ToString() =>
        Codec == ParquetCodec.Snappy ? "snappy" : string.Create(CultureInfo.InvariantCulture, $"zstd:{Level}");

    internal ParquetOptions ToOptions() => Codec switch
    {
        ParquetCodec.Snappy => new ParquetOptions { CompressionMethod = CompressionMethod.Snappy },
        _ => new ParquetOptions
        {
            CompressionMethod = CompressionMethod.Zstd,
            CompressionLevel = Level switch
            {
                1 => CompressionLevel.Fastest,
                3 => CompressionLevel.Optimal,
                _ => CompressionLevel.SmallestSize,
            },
        },
    };
}
