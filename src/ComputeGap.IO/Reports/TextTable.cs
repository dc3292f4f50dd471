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

    /// <summary>Writes prose in lines of at most <see cref="TextFit.Width"/> characters, broken at spaces; lines after the first get <paramref name="hanging"/> after <paramref name="indent"/>.</summary>
    public static void WriteWrapped(TextWriter writer, string text, string indent = "", string hanging = "  ")
    {
        foreach (var line in TextFit.Wrap(text, TextFit.Width, indent, hanging))
        {
            writer.WriteLine(line);
        }
    }

    /// <summary>
    /// Writes <paramref name="pieces"/> (each kept whole) joined by <paramref name="separator"/>, as many to a
    /// line as fit in <see cref="TextFit.Width"/> characters, each line starting with <paramref name="indent"/>;
    /// a piece longer than a line is truncated.
    /// </summary>
    public static void WritePacked(TextWriter writer, IEnumerable<string> pieces, string indent, string separator = "   ")
    {
        var line = new System.Text.StringBuilder();
        foreach (var piece in pieces)
        {
            if (line.Length > 0 && line.Length + separator.Length + piece.Length > TextFit.Width)
            {
                writer.WriteLine(line.ToString());
                line.Clear();
            }

            if (line.Length == 0)
            {
                line.Append(TextFit.Truncate(indent + piece, TextFit.Width));
            }
            else
            {
                line.Append(separator).Append(piece);
            }
        }

        if (line.Length > 0)
        {
            writer.WriteLine(line.ToString());
        }
    }

    /// <summary>
    /// Writes <paramref name="rows"/> as <see cref="Write"/> does when the table fits in <see cref="TextFit.Width"/>
    /// characters; otherwise in several tables one under the other, each repeating the first column and
    /// taking as many of the following columns as fit.
    /// </summary>
    public static void WriteFitted(IReadOnlyList<string[]> rows, TextWriter writer, string indent, Func<int, bool>? rightAligned = null)
    {
        if (rows.Count == 0)
        {
            return;
        }

        var columns = rows.Max(r => r.Length);
        var widths = Enumerable.Range(0, columns).Select(c => rows.Max(r => c < r.Length ? r[c].Length : 0)).ToArray();
        var aligned = rightAligned ?? (i => i > 0);
        var next = 1;
        do
        {
            var taken = new List<int> { 0 };
            var width = indent.Length + widths[0];
            while (next < columns && (taken.Count == 1 || width + 2 + widths[next] <= TextFit.Width))
            {
                width += 2 + widths[next];
                taken.Add(next++);
            }

            if (taken.Count > 1 && taken[1] > 1)
            {
                writer.WriteLine(); // a blank line between the parts of a split table
            }

            Write([.. rows.Select(r => taken.Where(c => c < r.Length).Select(c => r[c]).ToArray())], writer, indent, c => aligned(taken[c]));
        }
        while (next < columns);
    }
}
