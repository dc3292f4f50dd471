using global::Parquet;
using ComputeGap.IO.Reports;

namespace ComputeGap.IO.Parquet;

/// <summary>
/// Part files that form one table (same columns, same identity metadata), opened by their footers only,
/// from which columns are read one at a time: a table of 10^8 rows and 40 columns is never in memory whole.
/// </summary>
public sealed class ParquetParts : IColumnSource
{
    private ParquetParts(IReadOnlyList<ParquetFileInfo> files)
    {
        Files = files;
        RowTotal = files.Sum(f => f.RowCount);
        var merged = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            foreach (var (key, value) in file.Metadata)
            {
                merged.TryAdd(key, value);
            }
        }

        Metadata = merged;
        Columns = RowSchema.AsCurrent(files[0].Columns, merged);
    }

    /// <summary>The parts, in row order.</summary>
    public IReadOnlyList<ParquetFileInfo> Files { get; }

    /// <summary>Columns of every part, as the current row schema reads them (<see cref="RowSchema.AsCurrent"/>).</summary>
    public IReadOnlyList<ColumnSpec> Columns { get; }

    /// <summary>Rows over all parts.</summary>
    public long RowTotal { get; }

    /// <summary>Key-value metadata; the union over parts, the first part's value kept on conflict.</summary>
    public IReadOnlyDictionary<string, string> Metadata { get; }

    /// <summary>Reads the footers of <paramref name="files"/> and checks they belong together.</summary>
    /// <exception cref="FileNotFoundException">No files.</exception>
    /// <exception cref="IncompatiblePartsException">Two parts differ in columns or identity metadata.</exception>
    /// <exception cref="InvalidDataException">A file is not Parquet.</exception>
    /// <exception cref="NotSupportedException">A column is not flat numeric or text.</exception>
    public static async Task<ParquetParts> OpenAsync(IReadOnlyList<string> files, CancellationToken cancellationToken = default)
    {
        if (files.Count == 0)
        {
            throw new FileNotFoundException("No Parquet files to read.");
        }

        var infos = new List<ParquetFileInfo>(files.Count);
        foreach (var file in files)
        {
            infos.Add(await ParquetTableReader.ReadInfoAsync(file, cancellationToken).ConfigureAwait(false));
        }

        foreach (var info in infos.Skip(1))
        {
            ParquetTableReader.CheckCompatible(infos[0], info);
        }

        return new ParquetParts(infos);
    }

    /// <inheritdoc/>
    /// <exception cref="NotSupportedException">More rows than one array holds.</exception>
    public int RowCount => RowTotal <= Array.MaxLength ? (int)RowTotal : throw new NotSupportedException($"{RowTotal:N0} rows do not fit in one in-memory column (at most {Array.MaxLength:N0}).");

    /// <inheritdoc/>
    public IReadOnlyList<ColumnSpec> Specs => Columns;

    /// <inheritdoc/>
    /// <remarks>Reads synchronously (the caller is a report computed on one thread; there is no synchronisation context to block).</remarks>
    public TableColumn Column(string name) => ReadColumnAsync(name).GetAwaiter().GetResult();

    /// <inheritdoc/>
    public bool ColumnsAreCopies => true;

    /// <summary>The spec of column <paramref name="name"/>, or null.</summary>
    public ColumnSpec? Find(string name) => Columns.FirstOrDefault(c => c.Name == name) is { Name: not null } spec ? spec : null;

    /// <summary>Reads every part's values of the named columns into arrays (one row order over parts).</summary>
    /// <exception cref="NotSupportedException">More rows than one array holds.</exception>
    public async Task<TableColumn[]> ReadColumnsAsync(IReadOnlyList<string> names, CancellationToken cancellationToken = default)
    {
        var rows = RowCount;
        var specs = names.Select(n => Find(n) ?? throw new KeyNotFoundException($"The table has no column '{n}'.")).ToArray();
        var arrays = specs.Select(s => ColumnTypes.CreateArray(s.Type, rows)).ToArray();
        var offset = 0;
        foreach (var file in Files)
        {
            offset = await ReadRowsAsync(file.Path, specs, arrays, offset, cancellationToken).ConfigureAwait(false);
        }

        return [.. specs.Select((s, i) => new TableColumn(s.Name, s.Type, arrays[i], s.Nullable))];
    }

    /// <summary>Reads one column (<see cref="ReadColumnsAsync"/>).</summary>
    public async Task<TableColumn> ReadColumnAsync(string name, CancellationToken cancellationToken = default) =>
        (await ReadColumnsAsync([name], cancellationToken).ConfigureAwait(false))[0];

    /// <inheritdoc/>
    /// <remarks>Reads row group by row group (<see cref="ForEachRowGroupAsync(IReadOnlyList{string}, Action{TableColumn[], int}, CancellationToken)"/>).</remarks>
    public void ForEachBlock(IReadOnlyList<string> names, Action<int, int, double[][]> body) =>
        ForEachBlockAsync(names, body).GetAwaiter().GetResult();

    /// <summary><see cref="ForEachBlock"/>, reading asynchronously.</summary>
    /// <exception cref="NotSupportedException">More rows than one column holds (<see cref="RowCount"/>), before anything is read.</exception>
    public Task ForEachBlockAsync(IReadOnlyList<string> names, Action<int, int, double[][]> body, CancellationToken cancellationToken = default)
    {
        _ = RowCount;
        var offset = 0;
        return ForEachRowGroupAsync(names, (columns, rows) =>
        {
            var at = offset;
            ColumnBlocks.ForEachInOrder([.. columns.Select(c => c.Values)], rows, (start, length, blocks) => body(at + start, length, blocks));
            offset += rows;
        }, cancellationToken);
    }

    /// <summary>
    /// Reads the named columns one row group at a time, in row order over every part, and hands each group to
    /// <paramref name="body"/> (the columns and the group's row count; the arrays may be longer). The arrays
    /// are sized for the largest row group and reused, so at most one row group's values are held, whatever
    /// the table's size. Nullable columns read as <see cref="ColumnReads"/> reads them (a null float is NaN).
    /// </summary>
    /// <exception cref="KeyNotFoundException">A named column is missing.</exception>
    public async Task ForEachRowGroupAsync(IReadOnlyList<string> names, Action<TableColumn[], int> body, CancellationToken cancellationToken = default)
    {
        var specs = names.Select(n => Find(n) ?? throw new KeyNotFoundException($"The table has no column '{n}'.")).ToArray();
        var largest = checked((int)Files.Max(f => f.LargestRowGroup));
        var arrays = specs.Select(s => ColumnTypes.CreateArray(s.Type, largest)).ToArray();
        var columns = specs.Select((s, i) => new TableColumn(s.Name, s.Type, arrays[i], s.Nullable)).ToArray();
        foreach (var file in Files)
        {
            await ForEachRowGroupAsync(file.Path, specs, 0, (rows, _) => (arrays, 0, () => body(columns, rows)), cancellationToken)
                .ConfigureAwait(false);
        }
    }

    /// <summary>Reads the columns of one file's row groups into the arrays from <paramref name="offset"/>; returns the offset after them.</summary>
    internal static async Task<int> ReadRowsAsync(string path, IReadOnlyList<ColumnSpec> columns, Array[] arrays,
        int offset, CancellationToken cancellationToken) =>
        checked((int)await ForEachRowGroupAsync(path, columns, offset, (_, at) => (arrays, checked((int)at), null), cancellationToken).ConfigureAwait(false));

    /// <summary>
    /// Reads one file's row groups in order: <paramref name="target"/>(rows, first row) says which arrays,
    /// from which index, take the group's columns, and what to run once they hold them; returns the row after the file.
    /// </summary>
    private static async Task<long> ForEachRowGroupAsync(string path, IReadOnlyList<ColumnSpec> columns, long offset,
        Func<int, long, (Array[] Arrays, int Index, Action? Then)> target, CancellationToken cancellationToken)
    {
        var reader = await ParquetReader.CreateAsync(path, ParquetTableReader.Options, cancellationToken).ConfigureAwait(false);
        await using (reader.ConfigureAwait(false))
        {
            var fields = reader.Schema.DataFields.ToDictionary(f => f.Name, StringComparer.Ordinal);
            foreach (var group in reader.RowGroups)
            {
                var rows = checked((int)group.RowCount);
                var (arrays, index, then) = target(rows, offset);
                for (var c = 0; c < columns.Count; c++)
                {
                    await ColumnReads.ReadAsync(group, fields[columns[c].Name], arrays[c], index, rows, path, cancellationToken)
                        .ConfigureAwait(false);
                }

                then?.Invoke();
                offset += rows;
            }
        }

        return offset;
    }
}
