using global::Parquet;
using global::Parquet.Schema;
using ComputeGap.IO.Reports;

namespace ComputeGap.IO.Parquet;

/// <summary>Reads flat numeric and text Parquet files, or a directory of part files, into a <see cref="ColumnTable"/>.</summary>
public static class ParquetTableReader
{
    /// <summary>Metadata keys that must be equal in every part file of a directory (absent counts as a value).</summary>
    public static IReadOnlyList<string> IdentityKeys { get; } =
        [MetadataKeys.ModelVersion, MetadataKeys.SweepSha256, MetadataKeys.BaselineSha256, MetadataKeys.RowSchema];

    /// <summary>How every file is opened: DATE columns read as <see cref="DateOnly"/>, not as midnight <see cref="DateTime"/>s.</summary>
    internal static ParquetOptions Options => new() { UseDateOnlyTypeForDates = true };

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
    /// <exception cref="NotSupportedException">A column is not a flat INT32, INT64, FLOAT, DOUBLE, DATE or UTF-8 text column.</exception>
    public static async Task<ColumnTable> ReadAsync(string fileOrDirectory, string? exceptSuffix = null,
        string? exceptWhat = null, CancellationToken cancellationToken = default)
    {
        var parts = await OpenPartsAsync(fileOrDirectory, exceptSuffix, exceptWhat, cancellationToken).ConfigureAwait(false);
        var rows = parts.RowCount;
        var columns = await parts.ReadColumnsAsync([.. parts.Columns.Select(c => c.Name)], cancellationToken).ConfigureAwait(false);
        return new ColumnTable(columns, rows, parts.Metadata, [.. parts.Files.Select(f => f.Path)]);
    }

    /// <summary>The parts <see cref="ReadAsync"/> would read, opened by their footers only, to read columns one at a time.</summary>
    /// <exception cref="IncompatiblePartsException">Two parts differ in their column sets or in an <see cref="IdentityKeys"/> value.</exception>
    /// <exception cref="FileNotFoundException">No such file, or a directory without part files.</exception>
    /// <exception cref="InvalidDataException">A file is not Parquet, or is one of the skipped files passed alone.</exception>
    public static Task<ParquetParts> OpenPartsAsync(string fileOrDirectory, string? exceptSuffix = null,
        string? exceptWhat = null, CancellationToken cancellationToken = default)
    {
        if (!string.IsNullOrEmpty(exceptSuffix) && fileOrDirectory.EndsWith(exceptSuffix, StringComparison.Ordinal) && File.Exists(fileOrDirectory))
        {
            throw new InvalidDataException($"{fileOrDirectory} is {exceptWhat ?? $"a {exceptSuffix} file, which this reading skips; pass its directory or the other part files"}");
        }

        return ParquetParts.OpenAsync(ListParts(fileOrDirectory, exceptSuffix), cancellationToken);
    }

    /// <summary>Reads only the footer key-value metadata of one file.</summary>
    public static async Task<IReadOnlyDictionary<string, string>> ReadMetadataAsync(string file,
        CancellationToken cancellationToken = default) =>
        (await ReadInfoAsync(file, cancellationToken).ConfigureAwait(false)).Metadata;

    /// <summary>Reads the footer of one file: columns, row count and metadata, without reading any rows.</summary>
    /// <exception cref="InvalidDataException">The file is not Parquet (the message names it).</exception>
    /// <exception cref="NotSupportedException">A column is not a flat INT32, INT64, FLOAT, DOUBLE, DATE or UTF-8 text column.</exception>
    public static async Task<ParquetFileInfo> ReadInfoAsync(string file, CancellationToken cancellationToken = default)
    {
        var path = Path.GetFullPath(file);
        await ParquetMagic.CheckAsync(path, cancellationToken).ConfigureAwait(false);
        var reader = await ParquetReader.CreateAsync(path, Options, cancellationToken).ConfigureAwait(false);
        await using (reader.ConfigureAwait(false))
        {
            var columns = reader.Schema.Fields.Select(f => ToSpec(path, f)).ToArray();
            var rows = reader.RowGroups.Sum(g => g.RowCount);
            return new ParquetFileInfo(path, columns, rows, reader.RowGroupCount,
                new Dictionary<string, string>(reader.CustomMetadata, StringComparer.Ordinal))
            {
                LargestRowGroup = reader.RowGroups.Select(g => g.RowCount).DefaultIfEmpty(0).Max(),
            };
        }
    }

    /// <summary>The part files <see cref="ReadAsync"/> would read, in order: one file, a directory's <c>*.parquet</c> files, or those matching a wildcard in the last segment.</summary>
    public static IReadOnlyList<string> ListParts(string fileOrDirectory, string? exceptSuffix = null)
    {
        if (File.Exists(fileOrDirectory))
        {
            return [Path.GetFullPath(fileOrDirectory)];
        }

        if (IsGlob(fileOrDirectory))
        {
            return Glob(fileOrDirectory, exceptSuffix);
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

    /// <summary>True when the last segment of <paramref name="path"/> holds a <c>*</c> or <c>?</c> wildcard.</summary>
    public static bool IsGlob(string path) => Path.GetFileName(path).AsSpan().IndexOfAny('*', '?') >= 0;

    /// <summary>The part files matching a pattern such as <c>out/run-*/x.*.rows.parquet</c>'s last segment, in ordinal order.</summary>
    private static string[] Glob(string pattern, string? exceptSuffix)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(pattern))!;
        var name = Path.GetFileName(pattern);
        var parts = Directory.Exists(directory)
            ? Directory.EnumerateFiles(directory)
                .Where(f => System.IO.Enumeration.FileSystemName.MatchesSimpleExpression(name, Path.GetFileName(f), ignoreCase: false)
                    && IsPart(Path.GetFileName(f), exceptSuffix))
                .Order(StringComparer.Ordinal)
                .ToArray()
            : [];
        return parts.Length > 0
            ? parts
            : throw new FileNotFoundException($"No *.parquet files match '{pattern}'.", pattern);
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
            ?? throw new NotSupportedException($"'{path}': column '{field.Name}' holds {data.ClrType.Name}; only Int32, Int64, Float32, Float64, String and Date are read.");
        return new ColumnSpec(field.Name, type, data.IsNullable);
    }

    /// <summary>Throws when <paramref name="other"/> does not belong to the same table as <paramref name="first"/>.</summary>
    internal static void CheckCompatible(ParquetFileInfo first, ParquetFileInfo other)
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
}
