namespace ComputeGap.IO.Reports;

/// <summary>Writes rows of cells as aligned text columns.</summary>
public static class TextTable
{
    /// <summary>Writes <paramref name="rows"/> (which may differ in length) indented by <paramref name="indent"/>;
    /// the first column is left-aligned and the others right-aligned unless <paramref name="rightAligned"/>
    /// says otherwise for a column index.</summary>
    public static void Write(IReadOnlyList<string[]> rows, TextWriter writer, string indent, Func<int, bool>? rightAligned = null)
    {
        if (rows.Count == 0)
        {
            return;
        }

        var columns = rows.Max(r => r.Length);
        var widths = new int[columns];
        foreach (var row in rows)
        {
            for (var c = 0; c < row.Length; c++)
            {
                widths[c] = Math.Max(widths[c], row[c].Length);
            }
        }

        foreach (var row in rows)
        {
            var cells = row.Select((cell, c) =>
                (rightAligned ?? (i => i > 0))(c) ? cell.PadLeft(widths[c]) : cell.PadRight(widths[c]));
            writer.WriteLine((indent + string.Join("  ", cells)).TrimEnd());
        }
    }
}
