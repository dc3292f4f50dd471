using System.Globalization;
using System.Text;
using ComputeGap.IO.Reports;

namespace ComputeGap.Plots.Report;

/// <summary>
/// <c>computegap report</c>: one self-contained HTML page of a run. It holds the run's facts, the headline, the
/// sections of <c>summarize</c> (<see cref="SummaryReport.WriteSections"/>) as tables, the pictures of <c>plot</c>
/// (<see cref="SummaryPlots.Draw"/>) as <c>data:</c> URIs and, when given, a <c>discover</c> output's PRIM
/// trajectory. It links to nothing outside itself (no scripts, fonts, stylesheets or images to fetch), so it
/// opens offline and prints as it shows. It is also well-formed XML (void elements closed with <c>/&gt;</c>,
/// only XML's character references), so tests and scripts can read it with an XML parser.
/// </summary>
public static class HtmlReport
{
    /// <summary>Writes the page of <paramref name="summary"/> to <paramref name="path"/>: through a temporary file in the same directory, renamed when whole.</summary>
    /// <exception cref="DirectoryNotFoundException">The directory of <paramref name="path"/> does not exist.</exception>
    public static void Write(string path, SummaryData summary, HtmlReportOptions options)
    {
        var full = Path.GetFullPath(path);
        var directory = Path.GetDirectoryName(full)!;
        if (!Directory.Exists(directory))
        {
            throw new DirectoryNotFoundException($"report: --out {path}: no directory {directory}");
        }

        // Everything is drawn before the disk is touched, so a failure leaves nothing behind.
        var page = Render(summary, options);
        var temp = full + ".tmp-" + Guid.NewGuid().ToString("N")[..12];
        try
        {
            File.WriteAllText(temp, page, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
            File.Move(temp, full, overwrite: true);
        }
        finally
        {
            File.Delete(temp);
        }
    }

    /// <summary>The page of <paramref name="summary"/>.</summary>
    public static string Render(SummaryData summary, HtmlReportOptions options)
    {
        var sink = new HtmlSink();
        WriteRun(summary, sink);
        if (summary.Headline is { } headline)
        {
            sink.Section("headline", "Headline", "the focus region at the final month");
            sink.Text(headline.Text);
        }

        SummaryReport.WriteSections(summary, sink);
        WriteFigures(SummaryPlots.Draw(summary, options.InputUnits), options.Format, sink);
        if (options.Discovery is { } trajectory)
        {
            WriteDiscovery(trajectory, options.Format, sink);
        }

        var body = sink.Body();
        var sweep = summary.Metadata.Get(MetadataKeys.SweepName) ?? "?";
        var page = new StringBuilder();
        page.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\" />\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\" />\n")
            .Append("<meta name=\"generator\" content=\"computegap ").Append(Html.Encode(options.ToolVersion)).Append("\" />\n")
            .Append("<title>ComputeGap report: ").Append(Html.Encode(sweep)).Append("</title>\n")
            .Append("<style>\n").Append(ReportStylesheet.Css).Append("\n</style>\n</head>\n<body>\n<header>\n")
            .Append("<h1>ComputeGap report: sweep ").Append(Html.Encode(sweep)).Append("</h1>\n")
            .Append("<p class=\"made\">Made by computegap ").Append(Html.Encode(options.ToolVersion)).Append(" on ")
            .Append(Html.Encode(options.Created.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture)))
            .Append(" from ").Append(Html.Encode(options.Source)).Append(".</p>\n")
            .Append("<nav aria-label=\"contents\">\n<ol>\n");
        foreach (var (id, heading) in sink.Sections)
        {
            page.Append("<li><a href=\"#").Append(id).Append("\">").Append(Html.Encode(heading)).Append("</a></li>\n");
        }

        page.Append("</ol>\n</nav>\n</header>\n<main>\n").Append(body).Append("</main>\n<footer>\n")
            .Append("<p>One self-contained page: every table and figure is in this file, and it fetches nothing. ")
            .Append("The tables are those of computegap summarize, the figures those of computegap plot.</p>\n")
            .Append("</footer>\n</body>\n</html>\n");
        return page.ToString();
    }

    /// <summary>The run's facts from its metadata: sweep, model, design, scenarios, where and when it ran, what was verified.</summary>
    private static void WriteRun(SummaryData summary, HtmlSink sink)
    {
        var m = summary.Metadata;
        var span = m.StartMonth is { } start && m.HorizonMonths is { } t ? $", from {start:yyyy-MM} over {t} months" : string.Empty;
        var design = m.Design is { } d
            ? $"{d.Kind}: {ReportNumbers.Count(d.Samples)} base samples, seed {d.Seed}; uncertain: {string.Join(", ", d.Uncertain)}"
                + (m.Axes.Count > 0 ? $"; levers: {string.Join(", ", m.Axes)}" : string.Empty)
            : m.Axes.Count > 0 ? $"grid over {m.Axes.Count} axes: {string.Join(", ", m.Axes)}" : "one scenario set without axes";
        (string Fact, string? Value)[] facts =
        [
            ("sweep", m.Get(MetadataKeys.SweepName)),
            ("description", m.Get(MetadataKeys.SweepDescription)),
            ("model", m.Get(MetadataKeys.ModelVersion)),
            ("design", design),
            ("scenarios", ReportNumbers.Count(summary.RowCount) + span),
            ("output", m.Get(MetadataKeys.Output)),
            ("computed on", $"{m.Get(MetadataKeys.Backend) ?? "?"}, {m.Get(MetadataKeys.Device) ?? "?"}"),
            ("run made by", $"computegap {m.Get(MetadataKeys.ToolVersion) ?? "?"}, {m.Get(MetadataKeys.CreatedUtc) ?? "?"}"),
            ("verification", summary.Verification),
        ];
        sink.Section("run", "The run");
        var html = new StringBuilder("<table class=\"facts\">\n<tbody>\n");
        foreach (var (fact, value) in facts.Where(f => f.Value is { Length: > 0 }))
        {
            html.Append("<tr><th scope=\"row\">").Append(Html.Encode(fact)).Append("</th><td>").Append(Html.Encode(value!)).Append("</td></tr>\n");
        }

        sink.Raw(html.Append("</tbody>\n</table>\n").ToString());
    }

    private static void WriteFigures(IEnumerable<Picture> pictures, PlotFormat format, HtmlSink sink)
    {
        var started = false;
        foreach (var picture in pictures)
        {
            if (!started)
            {
                sink.Section("figures", "Figures", "the pictures of computegap plot, of the same outcome as the tables");
                started = true;
            }

            sink.Raw(Figure(picture, format));
        }
    }

    private static void WriteDiscovery(PrimTrajectory trajectory, PlotFormat format, HtmlSink sink)
    {
        sink.Section("prim", "Scenario discovery (PRIM)", $"boxes of inputs where \"{trajectory.Condition}\" holds, found by computegap discover in {trajectory.Source}");
        sink.Table(new ReportTable(
            ["box", "coverage", "density", "mass", "inputs restricted", "made by"],
            [.. trajectory.Boxes.Select(b => new[]
            {
                b.Index == trajectory.Chosen ? $"{b.Index} (chosen)" : b.Index.ToString(CultureInfo.InvariantCulture),
                ReportNumbers.Probability(b.Coverage), ReportNumbers.Probability(b.Density), ReportNumbers.Probability(b.Mass),
                b.Restricted.ToString(CultureInfo.InvariantCulture), b.Pasted ? "pasting" : "peeling",
            })])
        {
            RightAligned = static c => c is > 0 and < 5,
        });
        foreach (var picture in SummaryPlots.DrawDiscovery(trajectory))
        {
            sink.Raw(Figure(picture, format));
        }
    }

    /// <summary>A picture as a figure whose image is a <c>data:</c> URI, captioned with what it shows.</summary>
    private static string Figure(Picture picture, PlotFormat format)
    {
        var uri = Html.DataUri(PlotStyle.MediaType(format), PlotStyle.Encode(picture.Plot, format));
        var what = Html.Encode(picture.What);
        return string.Create(CultureInfo.InvariantCulture,
            $"<figure id=\"figure-{Html.Encode(picture.Name)}\">\n<img src=\"{uri}\" alt=\"{what}\" width=\"{PlotStyle.Width}\" height=\"{PlotStyle.Height}\" />\n<figcaption>{what}</figcaption>\n</figure>\n");
    }
}
