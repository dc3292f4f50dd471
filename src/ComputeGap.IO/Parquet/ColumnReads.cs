using global::Parquet;
using global::Parquet.Schema;

namespace ComputeGap.IO.Parquet;

/// <summary>Reads one column chunk into a slice of a typed array, required or nullable.</summary>
internal static class ColumnReads
{
    public static ValueTask ReadAsync(ParquetRowGroupReader group, DataField field, Array target, int offset, int rows,
        string path, CancellationToken cancellationToken) => target switch
        {
            long[] a => ReadAsync(group, field, a.AsMemory(offset, rows), static _ => null, path, cancellationToken),
            int[] a => ReadAsync(group, field, a.AsMemory(offset, rows), static _ => null, path, cancellationToken),
            float[] a => ReadAsync(group, field, a.AsMemory(offset, rows), static _ => float.NaN, path, cancellationToken),
            double[] a => ReadAsync(group, field, a.AsMemory(offset, rows), static _ => double.NaN, path, cancellationToken),
            string[] a => ReadStringsAsync(group, field, a.AsMemory(offset, rows), path, cancellationToken),
            _ => throw new InvalidOperationException($"Unsupported target array {target.GetType().Name}."),
        };

    /// <summary>Reads UTF-8 text; a null (in a nullable column) is refused.</summary>
    private static async ValueTask ReadStringsAsync(ParquetRowGroupReader group, DataField field, Memory<string> target,
        string path, CancellationToken cancellationToken)
    {
        var buffer = new string?[target.Length];
        await group.ReadAsync(field, buffer.AsMemory(), null, cancellationToken).ConfigureAwait(false);
        var span = target.Span;
        for (var i = 0; i < buffer.Length; i++)
        {
            span[i] = buffer[i] ?? throw new InvalidDataException($"'{path}': text column '{field.Name}' holds a null.");
        }
    }

    /// <summary>Reads required values directly; nullable ones through a buffer, nulls replaced by
    /// <paramref name="nullValue"/> (NaN for floats; integer columns with nulls are refused).</summary>
    private static async ValueTask ReadAsync<T>(ParquetRowGroupReader group, DataField field, Memory<T> target,
        Func<int, T?> nullValue, string path, CancellationToken cancellationToken)
        where T : struct
    {
        if (!field.IsNullable)
        {
            await group.ReadAsync(field, target, null, cancellationToken).ConfigureAwait(false);
            return;
        }

        var buffer = new T?[target.Length];
        await group.ReadAsync(field, buffer.AsMemory(), null, cancellationToken).ConfigureAwait(false);
        var span = target.Span;
        for (var i = 0; i < buffer.Length; i++)
        {
            span[i] = buffer[i] ?? nullValue(i)
                ?? throw new InvalidDataException($"'{path}': integer column '{field.Name}' holds a null.");
        }
    }
}
