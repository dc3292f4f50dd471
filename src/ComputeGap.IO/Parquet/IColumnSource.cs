namespace ComputeGap.IO.Parquet;

/// <summary>
/// A table whose columns are read one at a time: in memory (<see cref="ColumnTable"/>) or from part
/// files on demand (<see cref="ParquetParts"/>), so a summary of 50 million rows holds one column at once,
/// not forty.
/// </summary>
public interface IColumnSource
{
    /// <summary>Rows in every column.</summary>
    int RowCount { get; }

    /// <summary>The columns' names and types, in order.</summary>
    IReadOnlyList<ColumnSpec> Specs { get; }

    /// <summary>Key-value metadata.</summary>
    IReadOnlyDictionary<string, string> Metadata { get; }

    /// <summary>The column <paramref name="name"/>'s values (read anew from files each call for <see cref="ParquetParts"/>).</summary>
    /// <exception cref="KeyNotFoundException">No such column.</exception>
    TableColumn Column(string name);
}
