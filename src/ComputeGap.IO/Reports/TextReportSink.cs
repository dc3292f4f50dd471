namespace ComputeGap.IO.Reports;

/// <summary>The table report's rendering of the sections: wrapped prose and aligned columns, no line wider than <see cref="TextFit.Width"/>.</summary>
/// <param name="writer">Where the text goes.</param>
internal sealed class TextReportSink(TextWriter writer) : IReportSink
{
    public void Section(string title)
    {
        writer.WriteLine();
        TextTable.WriteWrapped(writer, title);
    }

    public void Text(string text, string indent = "", string hanging = "  ") => TextTable.WriteWrapped(writer, text, indent, hanging);

    public void Line(string text) => writer.WriteLine(text);

    public void Packed(IReadOnlyList<string> pieces, string indent, string separator = "   ") => TextTable.WritePacked(writer, pieces, indent, separator);

    public void Table(ReportTable table)
    {
        if (table.PackRow is { } pack)
        {
            foreach (var row in table.Rows)
            {
                TextTable.WritePacked(writer, pack(row), table.Indent, "  ");
            }

            return;
        }

        IReadOnlyList<string[]> rows = table.HeaderInText ? [[.. table.Header], .. table.Rows] : table.Rows;
        if (table.Fitted)
        {
            TextTable.WriteFitted(rows, writer, table.Indent, table.IsRightAligned);
        }
        else
        {
            TextTable.Write(rows, writer, table.Indent, table.IsRightAligned);
        }
    }
}
