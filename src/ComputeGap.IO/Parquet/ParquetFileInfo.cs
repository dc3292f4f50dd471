namespace ComputeGap.IO.Parquet;

/// <summary>What a Parquet file's footer says: its columns, row count and key-value metadata.</summary>
/// <param name="Path">Full path of the file.</param>
/// <param name="Columns">Columns in file order.</param>
/// <param name="RowCount">Total rows over all row groups.</param>
/// <param name="RowGroupCount">Number of row groups.</param>
/// <param name="Metadata">Footer key-value metadata.</param>
public sealed record ParquetFileInfo(
    string Path,
    IReadOnlyList<ColumnSpec> Columns,
    long RowCount,
    int RowGroupCount,
    IReadOnlyDictionary<string, string> Metadata)
{
    /// <summary>Rows of the largest row group (0 for a file without rows).</summary>
    public long LargestRowGroup { get; init; }
}
