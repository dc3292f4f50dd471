using global::Parquet;
using global::Parquet.Schema;

namespace ComputeGap.IO.Parquet;

/// <summary>Reads flat numeric and text Parquet files, or a directory of part files, into a <see cref="ColumnTable"/>.</summary>
public static class ParquetTableReader
{
    /// <summary>Metadata keys that must be equal in every part file of a directory (absent counts as a value).</summary>
    public static IReadOnlyList<string> IdentityKeys { get; } = ["model_version", "sweep_sha256", "baseline_sha256"];

    /// <summary>Reads one file, or every <c>*.parquet</c> file of a directory in ordinal name order, rows concatenated.</summary>
    /// <param name="fileOrDirectory">A Parquet file or a directory of part files.</param>
    /// <param name="exceptSuffix">For a directory, files whose names end with this are skipped
    /// (e.g. per-month side files); null skips none. Temporary files (<c>*.tmp-*</c>) are always skipped.</param>
    /// <param name="exceptWhat">What the skipped files are and what to pass instead, for the message when
    /// one of them is passed alone (e.g. "a monthly series table, not scenario rows; pass …").</param>
    /// <param name="cancellationToken">Cancels reading.</param>
    /// <exception cref="IncompatiblePartsException">Two parts differ in their column sets or in an <see cref="IdentityKeys"/> value.</exception>
    /// <exception cref="FileNotFoundException">No such file, or a directory without part files.</exception>
    /// <exception cref="InvalidDataException">A file is not Parquet, or is one of the skipped files passed alone.</exception>
    /// <exception cref="NotSupportedException">A column is not a flat INT32, INT64, FLOAT, DOUBLE or UTF-8 text column.</exception>
    public static async Task<ColumnTable> ReadAsync(string fileOrDirectory, string? exceptSuffix = null,
        string? exceptWhat = null, CancellationToken cancellationToken = default)
    {
        if (!string.IsNullOrEmpty(exceptSuffix) && fileOrDirectory.EndsWith(exceptSuffix, StringComparison.Ordinal) && File.Exists(fileOrDirectory))
        {
            throw new InvalidDataException($"{fileOrDirectory} is {exceptWhat ?? $"a {exceptSuffix} file, which this reading skips; pass its directory or the other part files"}");
        }

        var files = ListParts(fileOrDirectory, exceptSuffix);
        var infos = new List<ParquetFileInfo>(files.Count);
        foreach (var file in files)
        {
            infos.Add(await ReadInfoAsync(file, cancellationToken).ConfigureAwait(false));
        }

        var first = infos[0];
        foreach (var info in infos.Skip(1))
        {
            CheckCompatible(first, info);
        }

        var totalRows = infos.Sum(i => i.RowCount);
        if (totalRows > Array.MaxLength)
        {
            throw new NotSupportedException($"{totalRows} rows do not fit in one in-memory table (at most {Array.MaxLength}).");
        }

        var arrays = first.Columns.Select(c => ColumnTypes.CreateArray(c.Type, (int)totalRows)).ToArray();
        var offset = 0;
        foreach (var info in infos)
        {
            offset = await ReadRowsAsync(info.Path, first.Columns, arrays, offset, cancellationToken).ConfigureAwait(false);
        }

        var columns = first.Columns.Select((c, i) => new TableColumn(c.Name, c.Type, arrays[i])).ToArray();
        return new ColumnTable(columns, (int)totalRows, MergeMetadata(infos), [.. files]);
    }

    /// <summary>Reads only the footer key-value metadata of one file.</summary>
    public static async Task<IReadOnlyDictionary<string, string>> ReadMetadataAsync(string file,
        CancellationToken cancellationToken = default) =>
        (await ReadInfoAsync(file, cancellationToken).ConfigureAwait(false)).Metadata;

    /// <summary>Reads the footer of one file: columns, row count and metadata, without reading any rows.</summary>
    /// <exception cref="InvalidDataException">The file is not Parquet (the message names it).</exception>
    /// <exception cref="NotSupportedException">A column is not a flat INT32, INT64, FLOAT, DOUBLE or UTF-8 text column.</exception>
    public static async Task<ParquetFileInfo> ReadInfoAsync(string file, CancellationToken cancellationToken = default)
    {
        var path = Path.GetFullPath(file);
        await ParquetMagic.CheckAsync(path, cancellationToken).ConfigureAwait(false);
        var reader = await ParquetReader.CreateAsync(path, null, cancellationToken).ConfigureAwait(false);
        await using (reader.ConfigureAwait(false))
        {
            var columns = reader.Schema.Fields.Select(f => ToSpec(path, f)).ToArray();
            var rows = reader.RowGroups.Sum(g => g.RowCount);
            return new ParquetFileInfo(path, columns, rows, reader.RowGroupCount,
                new Dictionary<string, string>(reader.CustomMetadata, StringComparer.Ordinal));
        }
    }

    /// <summary>The part files <see cref="ReadAsync"/> would read, in order.</summary>
    public static IReadOnlyList<string> ListParts(string fileOrDirectory, string? exceptSuffix = null)
    {
        if (File.Exists(fileOrDirectory))
        {
            return [Path.GetFullPath(fileOrDirectory)];
        }

        if (!Directory.Exists(fileOrDirectory))
        {
            throw new FileNotFoundException($"No Parquet file or directory at '{fileOrDirectory}'.", fileOrDirectory);
        }

        var parts = Directory.EnumerateFiles(Path.GetFullPath(fileOrDirectory))
            .Where(f => IsPart(Path.GetFileName(f), exceptSuffix))
            .Order(StringComparer.Ordinal)
            .ToArray();
        return parts.Length > 0
            ? parts
            : throw new FileNotFoundException($"No *.parquet files in '{fileOrDirectory}'.", fileOrDirectory);
    }

    private static bool IsPart(string name, string? exceptSuffix) =>
        name.EndsWith(".parquet", StringComparison.Ordinal)
        && !name.Contains(".tmp-", StringComparison.Ordinal)
        && (string.IsNullOrEmpty(exceptSuffix) || !name.EndsWith(exceptSuffix, StringComparison.Ordinal));

    private static ColumnSpec ToSpec(string path, Field field)
    {
        if (field is not DataField data || data.IsArray)
        {
            throw new NotSupportedException($"'{path}': column '{field.Name}' is nested or repeated; only flat numeric and text columns are read.");
        }

        // Parquet.Net reports text columns read from a file as ReadOnlyMemory<char>; they read as strings.
        var type = data.ClrType == typeof(ReadOnlyMemory<char>) ? ColumnType.String : ColumnTypes.FromElementType(data.ClrType)
            ?? throw new NotSupportedException($"'{path}': column '{field.Name}' holds {data.ClrType.Name}; only Int32, Int64, Float32, Float64 and String are read.");
        return new ColumnSpec(field.Name, type);
    }

    private static void CheckCompatible(ParquetFileInfo first, ParquetFileInfo other)
    {
        foreach (var key in IdentityKeys)
        {
            first.Metadata.TryGetValue(key, out var a);
            other.Metadata.TryGetValue(key, out var b);
            if (!string.Equals(a, b, StringComparison.Ordinal))
            {
                throw new IncompatiblePartsException(first.Path, other.Path,
                    $"metadata '{key}' is '{a ?? "(absent)"}' in the first and '{b ?? "(absent)"}' in the second");
            }
        }

        var expected = first.Columns.ToHashSet();
        if (!expected.SetEquals(other.Columns) || other.Columns.Count != first.Columns.Count)
        {
            var missing = string.Join(", ", first.Columns.Except(other.Columns).Select(c => $"{c.Name}:{c.Type}"));
            var extra = string.Join(", ", other.Columns.Except(first.Columns).Select(c => $"{c.Name}:{c.Type}"));
            throw new IncompatiblePartsException(first.Path, other.Path,
                $"columns differ (only in the first: [{missing}]; only in the second: [{extra}])");
        }
    }

    private static Dictionary<string, string> MergeMetadata(IEnumerable<ParquetFileInfo> infos)
    {
        var merged = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var info in infos)
        {
            foreach (var (key, value) in info.Metadata)
            {
                merged.TryAdd(key, value);
            }
        }

        return merged;
    }

    private static async Task<int> ReadRowsAsync(string path, IReadOnlyList<ColumnSpec> columns, Array[] arrays,
        int offset, CancellationToken cancellationToken)
    {
        var reader = await ParquetReader.CreateAsync(path, null, cancellationToken).ConfigureAwait(false);
        await using (reader.ConfigureAwait(false))
        {
            var fields = reader.Schema.DataFields.ToDictionary(f => f.Name, StringComparer.Ordinal);
            foreach (var group in reader.RowGroups)
            {
                var rows = checked((int)group.RowCount);
                for (var c = 0; c < columns.Count; c++)
                {
                    await ColumnReads.ReadAsync(group, fields[columns[c].Name], arrays[c], offset, rows, path, cancellationToken)
                        .ConfigureAwait(false);
                }

                offset += rows;
            }
        }

        return offset;
    }
}
