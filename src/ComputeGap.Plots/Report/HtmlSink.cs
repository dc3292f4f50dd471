using System.Text;
using ComputeGap.IO.Reports;

namespace ComputeGap.Plots.Report;

/// <summary>
/// The HTML rendering of the summary's sections: a section per title (its short name as the heading, the rest of
/// the title below it), prose as paragraphs, tables with their column names, packed pieces as a list. Remembers
/// each section's id and heading for the page's contents.
/// </summary>
internal sealed class HtmlSink : IReportSink
{
    private readonly StringBuilder body = new();
    private readonly List<(string Id, string Heading)> sections = [];

    /// <summary>The sections written, in order, for the contents.</summary>
    public IReadOnlyList<(string Id, string Heading)> Sections => sections;

    /// <summary>Starts a section with a heading of its own; <paramref name="id"/> is the anchor the contents link to.</summary>
    public void Section(string id, string heading, string? about = null)
    {
        Close();
        sections.Add((id, heading));
        body.Append("<section id=\"").Append(id).Append("\">\n<h2>").Append(Html.Encode(heading)).Append("</h2>\n");
        if (about is { Length: > 0 })
        {
            body.Append("<p class=\"about\">").Append(Html.Encode(about)).Append("</p>\n");
        }
    }

    /// <summary>Raw HTML, already encoded by the caller.</summary>
    public void Raw(string html) => body.Append(html);

    /// <summary>The sections written, the last one closed.</summary>
    public string Body()
    {
        Close();
        return body.ToString();
    }

    public void Section(string title)
    {
        var (heading, about) = Split(title);
        Section($"s{sections.Count + 1}", heading, about);
    }

    public void Text(string text, string indent = "", string hanging = "  ") =>
        body.Append(indent.Length > 0 ? "<p class=\"sub\">" : "<p>").Append(Html.Encode(text)).Append("</p>\n");

    public void Line(string text) => body.Append("<p class=\"line\">").Append(Html.Encode(text.Trim())).Append("</p>\n");

    public void Packed(IReadOnlyList<string> pieces, string indent, string separator = "   ")
    {
        body.Append("<ul class=\"packed\">");
        foreach (var piece in pieces)
        {
            body.Append("<li>").Append(Html.Encode(piece)).Append("</li>");
        }

        body.Append("</ul>\n");
    }

    public void Table(ReportTable table)
    {
        body.Append("<div class=\"scroll\"><table>\n<thead><tr>");
        for (var c = 0; c < table.Header.Count; c++)
        {
            body.Append("<th scope=\"col\"").Append(table.IsRightAligned(c) ? " class=\"num\"" : string.Empty).Append('>')
                .Append(Html.Encode(table.Header[c])).Append("</th>");
        }

        body.Append("</tr></thead>\n<tbody>\n");
        foreach (var row in table.Rows)
        {
            body.Append("<tr>");
            for (var c = 0; c < row.Length; c++)
            {
                body.Append(table.IsRightAligned(c) ? "<td class=\"num\">" : "<td>").Append(Html.Encode(row[c].TrimEnd())).Append("</td>");
            }

            body.Append("</tr>\n");
        }

        body.Append("</tbody></table></div>\n");
    }

    /// <summary>
    /// A section title's short name and the rest: up to the first <c>": "</c> or <c>" ("</c>
    /// ("Main effects: mean share_EU at each axis value, …" → "Main effects" and "mean share_EU at each axis value, …").
    /// </summary>
    internal static (string Heading, string About) Split(string title)
    {
        var colon = title.IndexOf(": ", StringComparison.Ordinal);
        var bracket = title.IndexOf(" (", StringComparison.Ordinal);
        var cut = colon < 0 ? bracket : bracket < 0 ? colon : Math.Min(colon, bracket);
        return cut <= 0
            ? (title, string.Empty)
            : (title[..cut], cut == colon ? title[(cut + 2)..] : title[(cut + 1)..]);
    }

    private void Close()
    {
        if (sections.Count > 0)
        {
            body.Append("</section>\n");
        }
    }
}
