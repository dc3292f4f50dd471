using System.IO.Hashing;
using System.Text.Json.Serialization;

namespace ComputeGap.Engine.Output;

/// <summary>
/// What a committed file must be: its size in bytes and its XxHash128. The manifest records one per
/// file; <see cref="RunVerifier"/> compares the file on disk with it before anything is read.
/// </summary>
/// <remarks>
/// XxHash128 (System.IO.Hashing, the .NET team's package): non-cryptographic, since the threat is
/// damage (bit rot, truncation, a part copied from another run), not forgery; 128 bits so an accidental
/// match is out of reach even over billions of parts; and fast enough (several GB/s a core) that
/// verification is a small fraction of reading the Parquet (bench/ README quotes the ratio).
/// CRC-32 would be as fast but its 32 bits collide once in 4 billion damaged files.
/// </remarks>
public sealed record FileChecksum(
    [property: JsonPropertyName("file")] string File,
    [property: JsonPropertyName("bytes")] long Bytes,
    [property: JsonPropertyName("xxh128")] string XxHash128)
{
    private const int BufferBytes = 1 << 20;

    /// <summary>The checksum of the file at <paramref name="path"/>, named by its file name.</summary>
    public static FileChecksum Of(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, BufferBytes, FileOptions.SequentialScan);
        return new FileChecksum(Path.GetFileName(path), stream.Length, Hash(stream));
    }

    /// <summary>Lower-case hex XxHash128 of everything <paramref name="stream"/> holds from its position on.</summary>
    public static string Hash(Stream stream)
    {
        var hash = new XxHash128();
        hash.Append(stream);
        return Convert.ToHexStringLower(hash.GetCurrentHash());
    }

    /// <summary>Lower-case hex XxHash128 of <paramref name="bytes"/>.</summary>
    public static string Hash(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(System.IO.Hashing.XxHash128.Hash(bytes));

    /// <summary>What differs between this record and the file at <paramref name="path"/>; null when they agree.</summary>
    public string? Mismatch(string path)
    {
        var info = new FileInfo(path);
        if (!info.Exists)
        {
            return "missing";
        }

        if (info.Length != Bytes)
        {
            return $"{info.Length:N0} bytes where the manifest recorded {Bytes:N0} (truncated or extended)";
        }

        var actual = Of(path).XxHash128;
        return actual == XxHash128 ? null : $"checksum xxh128 {actual} where the manifest recorded {XxHash128} (damaged, or a part of another run)";
    }
}
