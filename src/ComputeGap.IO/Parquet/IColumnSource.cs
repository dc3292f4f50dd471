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

    /// <summary>
    /// Runs <paramref name="body"/>(first row, rows, each column's doubles) over the named numeric columns in
    /// blocks of consecutive rows, in row order: buffer k holds column k's block, widened to double, in its
    /// first <c>rows</c> entries. A source reading files holds one block of each column, never a whole column.
    /// </summary>
    /// <exception cref="KeyNotFoundException">No such column.</exception>
    void ForEachBlock(IReadOnlyList<string> names, Action<int, int, double[][]> body) =>
        ColumnBlocks.ForEachInOrder([.. names.Select(n => Column(n).Values)], body);

    /// <summary>True when <see cref="Column"/> reads a new array each call, which its caller may then reorder.</summary>
    bool ColumnsAreCopies => false;
}
