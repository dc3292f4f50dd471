using global::Parquet;
using global::Parquet.Schema;

namespace ComputeGap.IO.Parquet;

/// <summary>Reads one column chunk into a slice of a typed array, required or nullable.</summary>
/// <remarks>
/// A null becomes the in-memory null of its type (<see cref="ColumnTypes"/>): NaN in floats, <see cref="ColumnTypes.NullInt32"/>
/// in an int32 month outcome (other int32 columns refuse nulls), <see cref="ColumnTypes.NullDate"/> in dates. A value equal to
/// that sentinel beside nulls could not be told from one and is refused; int64 and text columns have no in-memory null, so a
/// null in one is refused.
/// </remarks>
internal static class ColumnReads
{
    public static ValueTask ReadAsync(ParquetRowGroupReader group, DataField field, Array target, int offset, int rows,
        string path, CancellationToken cancellationToken) => target switch
        {
            long[] a => ReadAsync(group, field, a.AsMemory(offset, rows), v => v ?? throw HoldsNull(path, field), cancellationToken),
            int[] a => ReadInt32Async(group, field, a.AsMemory(offset, rows), path, cancellationToken),
            DateOnly[] a => ReadAsync(group, field, a.AsMemory(offset, rows), v => v is not { } value ? ColumnTypes.NullDate
                : value != ColumnTypes.NullDate ? value : throw HoldsSentinel(path, field, ColumnTypes.NullDate), cancellationToken),
            float[] a => ReadAsync(group, field, a.AsMemory(offset, rows), static v => v ?? float.NaN, cancellationToken),
            double[] a => ReadAsync(group, field, a.AsMemory(offset, rows), static v => v ?? double.NaN, cancellationToken),
            string[] a => ReadStringsAsync(group, field, a.AsMemory(offset, rows), path, cancellationToken),
            _ => throw new InvalidOperationException($"Unsupported target array {target.GetType().Name}."),
        };

    /// <summary>
    /// Reads int32 values. A chunk without nulls is read as it is (a −1 is a −1; in a month outcome of a file
    /// written before row schema 2 it is "never", as in memory). Nulls are read as
    /// <see cref="ColumnTypes.NullInt32"/> only in a month outcome (<see cref="Reports.OutcomeColumns.IsMonth"/>),
    /// where a null means "never", and only when no value of the chunk is −1 too (it could not be told from
    /// them); in any other integer column a null is refused, since −1 would be averaged in as a value.
    /// </summary>
    private static async ValueTask ReadInt32Async(ParquetRowGroupReader group, DataField field, Memory<int> target,
        string path, CancellationToken cancellationToken)
    {
        if (!field.IsNullable)
        {
            await group.ReadAsync(field, target, null, cancellationToken).ConfigureAwait(false);
            return;
        }

        var buffer = new int?[target.Length];
        await group.ReadAsync(field, buffer.AsMemory(), null, cancellationToken).ConfigureAwait(false);
        var nulls = Array.IndexOf(buffer, null) >= 0;
        if (nulls && !Reports.OutcomeColumns.IsMonth(field.Name))
        {
            throw HoldsNull(path, field);
        }

        var span = target.Span;
        for (var i = 0; i < buffer.Length; i++)
        {
            span[i] = buffer[i] switch
            {
                null => ColumnTypes.NullInt32,
                ColumnTypes.NullInt32 when nulls => throw HoldsSentinel(path, field, ColumnTypes.NullInt32),
                { } value => value,
            };
        }
    }

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

    /// <summary>Reads required values directly; nullable ones through a buffer, each mapped by <paramref name="fromNullable"/>.</summary>
    private static async ValueTask ReadAsync<T>(ParquetRowGroupReader group, DataField field, Memory<T> target,
        Func<T?, T> fromNullable, CancellationToken cancellationToken)
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
            span[i] = fromNullable(buffer[i]);
        }
    }

    private static InvalidDataException HoldsNull(string path, DataField field) =>
        new($"'{path}': integer column '{field.Name}' holds a null.");

    private static InvalidDataException HoldsSentinel<T>(string path, DataField field, T sentinel) =>
        new(string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"'{path}': nullable column '{field.Name}' holds {sentinel}, which would read as its null."));
}
