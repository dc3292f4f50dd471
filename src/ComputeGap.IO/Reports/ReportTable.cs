namespace ComputeGap.IO.Reports;

/// <summary>A table of a report section: its column names and rows of formatted cells, and how the text format lays it out.</summary>
/// <param name="Header">Column names (one per cell of a row).</param>
/// <param name="Rows">Rows of formatted cells.</param>
public sealed record ReportTable(IReadOnlyList<string> Header, IReadOnlyList<string[]> Rows)
{
    /// <summary>True when the text format prints <see cref="Header"/> above the rows (false where the section's title names the columns).</summary>
    public bool HeaderInText { get; init; } = true;

    /// <summary>Text: what each line starts with.</summary>
    public string Indent { get; init; } = "  ";

    /// <summary>Which columns (by index) are right-aligned; null for all but the first. The HTML report aligns the same columns right.</summary>
    public Func<int, bool>? RightAligned { get; init; }

    /// <summary>Text: split into several tables, each repeating the first column, when wider than <see cref="TextFit.Width"/>.</summary>
    public bool Fitted { get; init; }

    /// <summary>Text: instead of aligned columns, each row as these pieces packed onto lines two spaces apart; null for columns.</summary>
    public Func<string[], IEnumerable<string>>? PackRow { get; init; }

    /// <summary>True when column <paramref name="column"/> is right-aligned.</summary>
    public bool IsRightAligned(int column) => (RightAligned ?? (static c => c > 0))(column);
}
