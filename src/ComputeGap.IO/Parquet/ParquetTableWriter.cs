using System.Security.Cryptography;
using global::Parquet;
using global::Parquet.Schema;

namespace ComputeGap.IO.Parquet;

/// <summary>
/// Writes a flat table of numeric, text and date columns (required or nullable) to one Parquet file, row group by row group,
/// so that the file appears at its path complete or not at all.
/// </summary>
/// <remarks>
/// Rows go to <c>&lt;path&gt;.tmp-&lt;random&gt;</c> in the same directory. <see cref="CommitAsync"/>
/// writes the footer, flushes and fsyncs the file and renames it over <c>path</c> (an atomic rename on
/// one file system). Disposing without a commit, or after a failed write, deletes the temporary file.
/// Not thread-safe: one caller writes row groups in order. A nullable column is passed as the plain array of its
/// element type holding the in-memory null (<see cref="ColumnTypes.NullInt32"/>, <see cref="ColumnTypes.NullDate"/>,
/// NaN); the writer turns those into Parquet nulls through one reused <c>T?[]</c> per column.
/// </remarks>
public sealed class ParquetTableWriter : IAsyncDisposable
{
    private const int FileBufferBytes = 1 << 20;

    private readonly DataField[] _fields;
    private readonly IReadOnlyList<ColumnSpec> _columns;
    private readonly FileStream _stream;
    private readonly ParquetWriter _writer;
    private readonly Array?[] _withNulls;
    private State _state = State.Open;

    private ParquetTableWriter(string path, string tempPath, IReadOnlyList<ColumnSpec> columns, DataField[] fields,
        FileStream stream, ParquetWriter writer)
    {
        Path = path;
        TempPath = tempPath;
        _columns = columns;
        _fields = fields;
        _stream = stream;
        _writer = writer;
        _withNulls = new Array?[columns.Count];
    }

    private enum State
    {
        Open,
        Faulted,
        Committed,
        Disposed,
    }

    /// <summary>Final path of the file, where it appears on commit.</summary>
    public string Path { get; }

    /// <summary>Temporary path being written until commit.</summary>
    public string TempPath { get; }

    /// <summary>Rows written so far.</summary>
    public long RowCount { get; private set; }

    /// <summary>Row groups written so far.</summary>
    public int RowGroupCount { get; private set; }

    /// <summary>Starts a file with the given columns, footer key-value metadata and page compression.</summary>
    /// <param name="path">Final path; its directory must exist. An existing file there is replaced on commit.</param>
    /// <param name="columns">Columns in file order; names must be unique and non-empty.</param>
    /// <param name="metadata">Key-value pairs written into the file footer.</param>
    /// <param name="compression">Page compression; <see cref="ParquetCompression.Snappy"/> is the default value.</param>
    /// <param name="cancellationToken">Cancels creation.</param>
    public static async Task<ParquetTableWriter> CreateAsync(string path, IReadOnlyList<ColumnSpec> columns,
        IReadOnlyDictionary<string, string> metadata, ParquetCompression compression = default,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var fields = ToFields(columns);
        var fullPath = System.IO.Path.GetFullPath(path);
        var tempPath = $"{fullPath}.tmp-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6))}";
        var stream = new FileStream(tempPath, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None,
            FileBufferBytes, FileOptions.Asynchronous);
        try
        {
            var writer = await ParquetWriter.CreateAsync(new ParquetSchema(fields), stream, compression.ToOptions(),
                append: false, cancellationToken).ConfigureAwait(false);
            writer.CustomMetadata = new Dictionary<string, string>(metadata, StringComparer.Ordinal);
            return new ParquetTableWriter(fullPath, tempPath, [.. columns], fields, stream, writer);
        }
        catch
        {
            await stream.DisposeAsync().ConfigureAwait(false);
            File.Delete(tempPath);
            throw;
        }
    }

    /// <summary>Writes one row group: the first <paramref name="rowCount"/> entries of each column array.</summary>
    /// <param name="columns">One array per column, in column order, of the column's element type
    /// (<see cref="ColumnTypes.ElementType"/>); arrays may be longer than <paramref name="rowCount"/>
    /// (reused chunk buffers). They are read, not copied, and may be reused once the task completes.</param>
    /// <param name="rowCount">Rows in this group; 0 writes nothing.</param>
    /// <param name="cancellationToken">Cancels the write; the writer is then faulted.</param>
    /// <exception cref="InvalidOperationException">The writer was committed, disposed or faulted by an earlier failure.</exception>
    public async Task WriteRowGroupAsync(IReadOnlyList<Array> columns, int rowCount,
        CancellationToken cancellationToken = default)
    {
        ThrowUnlessOpen();
        Validate(columns, rowCount);
        if (rowCount == 0)
        {
            return;
        }

        _state = State.Faulted;
        try
        {
            await WriteGroupAsync(columns, rowCount, cancellationToken).ConfigureAwait(false);
        }
        catch (IOException e)
        {
            throw Named(e);
        }

        _state = State.Open;
        RowCount += rowCount;
        RowGroupCount++;
    }

    private async Task WriteGroupAsync(IReadOnlyList<Array> columns, int rowCount, CancellationToken cancellationToken)
    {
        using (var group = _writer.CreateRowGroup())
        {
            for (var c = 0; c < _fields.Length; c++)
            {
                // Parquet.Net 6 does not observe the token itself; checking per column bounds the delay.
                cancellationToken.ThrowIfCancellationRequested();
                var nullable = _columns[c].Nullable;
                var task = columns[c] switch
                {
                    long[] values => group.WriteAsync(_fields[c], new ReadOnlyMemory<long>(values, 0, rowCount), null, null, cancellationToken),
                    int[] values when nullable => group.WriteAsync(_fields[c], WithNulls(c, values, rowCount, static v => v == ColumnTypes.NullInt32), null, null, cancellationToken),
                    int[] values => group.WriteAsync(_fields[c], new ReadOnlyMemory<int>(values, 0, rowCount), null, null, cancellationToken),
                    float[] values when nullable => group.WriteAsync(_fields[c], WithNulls(c, values, rowCount, float.IsNaN), null, null, cancellationToken),
                    float[] values => group.WriteAsync(_fields[c], new ReadOnlyMemory<float>(values, 0, rowCount), null, null, cancellationToken),
                    double[] values when nullable => group.WriteAsync(_fields[c], WithNulls(c, values, rowCount, double.IsNaN), null, null, cancellationToken),
                    double[] values => group.WriteAsync(_fields[c], new ReadOnlyMemory<double>(values, 0, rowCount), null, null, cancellationToken),
                    DateOnly[] values when nullable => group.WriteAsync(_fields[c], WithNulls(c, values, rowCount, static v => v == ColumnTypes.NullDate), null, null, cancellationToken),
                    DateOnly[] values => group.WriteAsync(_fields[c], new ReadOnlyMemory<DateOnly>(values, 0, rowCount), null, null, cancellationToken),
                    // The memory-based writer takes value types only; text has its own collection overload.
                    string[] values => group.WriteAsync(_fields[c], new ArraySegment<string>(values, 0, rowCount), null),
                    _ => throw new InvalidOperationException("Column arrays were validated above."),
                };
                await task.ConfigureAwait(false);
            }

            group.CompleteValidate();
        }
    }

    /// <summary>The first <paramref name="rowCount"/> values as nullables, null where <paramref name="isNull"/> says, in column <paramref name="column"/>'s reused buffer.</summary>
    private ReadOnlyMemory<T?> WithNulls<T>(int column, T[] values, int rowCount, Func<T, bool> isNull)
        where T : struct
    {
        if (_withNulls[column] is not T?[] buffer || buffer.Length < rowCount)
        {
            buffer = new T?[rowCount];
            _withNulls[column] = buffer;
        }

        for (var i = 0; i < rowCount; i++)
        {
            buffer[i] = isNull(values[i]) ? null : values[i];
        }

        return new ReadOnlyMemory<T?>(buffer, 0, rowCount);
    }

    /// <summary>Writes the footer, flushes and fsyncs the file, and renames it atomically to <see cref="Path"/>.</summary>
    /// <exception cref="InvalidOperationException">The writer was committed, disposed or faulted.</exception>
    public async Task CommitAsync(CancellationToken cancellationToken = default)
    {
        ThrowUnlessOpen();
        _state = State.Faulted;
        try
        {
            await _writer.DisposeAsync().ConfigureAwait(false);
            await _stream.FlushAsync(cancellationToken).ConfigureAwait(false);
            _stream.Flush(flushToDisk: true);
            await _stream.DisposeAsync().ConfigureAwait(false);
            File.Move(TempPath, Path, overwrite: true);
        }
        catch (IOException e)
        {
            throw Named(e);
        }

        _state = State.Committed;
    }

    /// <summary>Releases the file; when not committed, deletes the temporary file so no partial output remains.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_state is State.Committed or State.Disposed)
        {
            _state = State.Disposed;
            return;
        }

        _state = State.Disposed;
        // The Parquet writer is deliberately not disposed here: its DisposeAsync writes a footer,
        // wasted work (and a second failure) for a file that is about to be deleted. Closing the
        // stream flushes its buffer, which fails on a full disk; the bytes are moot, the file goes.
        try
        {
            await _stream.DisposeAsync().ConfigureAwait(false);
        }
        catch (IOException)
        {
            // The handle is closed even when the final flush fails.
        }
        finally
        {
            File.Delete(TempPath);
        }
    }

    /// <summary>An I/O failure named after the file the user asked for, not its temporary name.</summary>
    private IOException Named(IOException e) =>
        new($"{Path}: {e.Message.Replace(TempPath, System.IO.Path.GetFileName(Path), StringComparison.Ordinal).Trim()}", e);

    private static DataField[] ToFields(IReadOnlyList<ColumnSpec> columns)
    {
        if (columns.Count == 0)
        {
            throw new ArgumentException("At least one column is needed.", nameof(columns));
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        var fields = new DataField[columns.Count];
        for (var c = 0; c < columns.Count; c++)
        {
            var (name, type, nullable) = columns[c];
            if (string.IsNullOrEmpty(name) || !names.Add(name))
            {
                throw new ArgumentException($"Column names must be unique and non-empty; '{name}' is not.", nameof(columns));
            }

            if (nullable && type is ColumnType.Int64 or ColumnType.String)
            {
                throw new ArgumentException($"Column '{name}': {type} columns have no in-memory null, so they are written required.", nameof(columns));
            }

            fields[c] = new DataField(name, ColumnTypes.ElementType(type), isNullable: nullable);
        }

        return fields;
    }

    private void Validate(IReadOnlyList<Array> columns, int rowCount)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rowCount);
        if (columns.Count != _columns.Count)
        {
            throw new ArgumentException($"Expected {_columns.Count} column arrays, got {columns.Count}.", nameof(columns));
        }

        for (var c = 0; c < columns.Count; c++)
        {
            var (name, type, _) = _columns[c];
            if (columns[c] is null || !ColumnTypes.Holds(type, columns[c]))
            {
                throw new ArgumentException(
                    $"Column '{name}' needs a {ColumnTypes.ElementType(type).Name}[], got {columns[c]?.GetType().Name ?? "null"}.",
                    nameof(columns));
            }

            if (columns[c].Length < rowCount)
            {
                throw new ArgumentException(
                    $"Column '{name}' holds {columns[c].Length} values, fewer than the {rowCount} rows asked for.",
                    nameof(columns));
            }
        }
    }

    private void ThrowUnlessOpen()
    {
        if (_state != State.Open)
        {
            throw new InvalidOperationException(_state == State.Faulted
                ? $"An earlier write to {TempPath} failed; dispose the writer (the file will be deleted)."
                : $"The writer for {Path} is already {_state.ToString().ToLowerInvariant()}.");
        }
    }
}
