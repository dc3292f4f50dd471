namespace ComputeGap.IO.Parquet;

/// <summary>
/// The check that a file is Parquet at all (it begins and ends with <c>PAR1</c>), made before the
/// Parquet library opens it: the library's own message ("not a parquet file, head: …, tail: …")
/// names no file and comes as an I/O failure rather than bad input.
/// </summary>
internal static class ParquetMagic
{
    /// <summary>Smallest Parquet file: the magic at both ends and the 4-byte footer length.</summary>
    private const int MinLength = 12;

    private static ReadOnlySpan<byte> Magic => "PAR1"u8;

    /// <exception cref="InvalidDataException">The file at <paramref name="path"/> is not Parquet.</exception>
    public static async Task CheckAsync(string path, CancellationToken cancellationToken)
    {
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, useAsync: true);
        await using (stream.ConfigureAwait(false))
        {
            var head = new byte[4];
            var tail = new byte[4];
            if (stream.Length >= MinLength)
            {
                await stream.ReadExactlyAsync(head, cancellationToken).ConfigureAwait(false);
                stream.Seek(-4, SeekOrigin.End);
                await stream.ReadExactlyAsync(tail, cancellationToken).ConfigureAwait(false);
            }

            if (!Magic.SequenceEqual(head) || !Magic.SequenceEqual(tail))
            {
                throw new InvalidDataException($"{path} is not a Parquet file (a Parquet file begins and ends with PAR1)");
            }
        }
    }
}
