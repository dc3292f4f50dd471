namespace ComputeGap.IO.Reports;

/// <summary>
/// Where the summary's sections go. The sections say once what they show (<see cref="SummaryReport.WriteSections"/>);
/// the table report writes them as wrapped text and aligned columns, the HTML report as elements.
/// </summary>
public interface IReportSink
{
    /// <summary>A section starts with <paramref name="title"/> (text: a blank line, then the title wrapped).</summary>
    void Section(string title);

    /// <summary>Prose (text: wrapped at <see cref="TextFit.Width"/>, each line after <paramref name="indent"/>, lines after the first with <paramref name="hanging"/> too).</summary>
    void Text(string text, string indent = "", string hanging = "  ");

    /// <summary>One line already laid out for text, kept as it is.</summary>
    void Line(string text);

    /// <summary>Short pieces kept whole (text: as many to a line as fit, after <paramref name="indent"/>, <paramref name="separator"/> apart).</summary>
    void Packed(IReadOnlyList<string> pieces, string indent, string separator = "   ");

    /// <summary>A table.</summary>
    void Table(ReportTable table);
}
