using System.Xml;
using System.Xml.Linq;
using ComputeGap.IO.Reports;
using ComputeGap.IO.Tests;
using ComputeGap.Plots.Report;
using SkiaSharp;

namespace ComputeGap.Plots.Tests.Report;

/// <summary>The HTML report's page: well-formed, every figure embedded, the summary's tables with their headers, nothing fetched from outside, every text escaped, written whole or not at all.</summary>
public sealed class HtmlReportTests
{
    private static readonly HtmlReportOptions Options = new() { Source = "runs/sample", ToolVersion = "9.9.9", Created = new DateTimeOffset(2026, 12, 2, 6, 0, 0, TimeSpan.Zero) };

    /// <summary>The page read as XML (it is polyglot: void elements closed, only XML's character references).</summary>
    internal static XDocument Parse(string page)
    {
        using var reader = XmlReader.Create(new StringReader(page), new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore });
        return XDocument.Load(reader);
    }

    private static IEnumerable<XElement> All(XDocument page, string name) => page.Descendants(name);

    private static string[] Headers(XElement table) => [.. table.Element("thead")!.Descendants("th").Select(th => th.Value)];

    /// <summary>The table in the section whose heading is <paramref name="heading"/>.</summary>
    private static XElement TableUnder(XDocument page, string heading) =>
        All(page, "section").Single(s => s.Element("h2")?.Value == heading).Descendants("table").First();

    [Fact]
    public void EveryPictureOfThePlotCommandIsAnEmbeddedPngThatIsNotBlank()
    {
        var summary = SampleGrid.Summary();
        var page = Parse(HtmlReport.Render(summary, Options));

        var expected = SummaryPlots.Draw(summary).Select(p => p.What).ToArray();
        var figures = All(page, "figure").ToArray();
        Assert.Equal(expected, figures.Select(f => f.Element("figcaption")!.Value));
        Assert.Equal(8, figures.Length); // tornado, three curves, three heatmaps, thresholds (SummaryPlotsTests)
        foreach (var image in figures.Select(f => f.Element("img")!))
        {
            var src = (string)image.Attribute("src")!;
            Assert.StartsWith("data:image/png;base64,", src, StringComparison.Ordinal);
            using var bitmap = SKBitmap.Decode(Convert.FromBase64String(src["data:image/png;base64,".Length..]));
            Assert.Equal((PlotStyle.Width, PlotStyle.Height), (bitmap.Width, bitmap.Height));
            Assert.True(Pictures.DistinctColours(bitmap) > 2, $"{image.Attribute("alt")} is blank");
        }
    }

    [Fact]
    public void SvgPicturesAreEmbeddedAsSvgDocuments()
    {
        var page = Parse(HtmlReport.Render(SampleGrid.Summary(), Options with { Format = PlotFormat.Svg }));

        var sources = All(page, "img").Select(i => (string)i.Attribute("src")!).ToArray();
        Assert.Equal(8, sources.Length);
        foreach (var src in sources)
        {
            Assert.StartsWith("data:image/svg+xml;base64,", src, StringComparison.Ordinal);
            var svg = XDocument.Parse(System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(src["data:image/svg+xml;base64,".Length..])));
            Assert.Equal("svg", svg.Root!.Name.LocalName);
        }
    }

    [Fact]
    public void TheSummarysSectionsAreTablesWithTheirColumnNames()
    {
        var page = Parse(HtmlReport.Render(SampleGrid.Summary(), Options));

        Assert.Equal(["outcome", "count", "mean", "p5", "p25", "p50", "p75", "p95", "min", "max"], Headers(TableUnder(page, "Outcomes")));
        var outcomes = TableUnder(page, "Outcomes").Element("tbody")!.Elements("tr").Select(r => r.Elements("td").First().Value);
        Assert.Equal(["share_EU", "installed_EU"], outcomes);
        Assert.Equal(["axis", "bar (40 marks: the whole range)", "swing"], Headers(TableUnder(page, "Tornado")));
        // b swings most, then a; c is inert and named below the table, not in it (SampleGrid's comment).
        Assert.Equal(["b", "a"], TableUnder(page, "Tornado").Element("tbody")!.Elements("tr").Select(r => r.Elements("td").First().Value));
        Assert.Equal(["axis", "S1"], Headers(TableUnder(page, "Variance of share_EU over the grid")));
        Assert.Equal(["scenario", "share_EU", "a", "b", "c"], Headers(TableUnder(page, "Top 10 scenarios by share_EU")));

        // The headline, the run's facts and the note on quantiles come along.
        Assert.Contains("EU: share in 2030 p50", All(page, "section").Single(s => (string?)s.Attribute("id") == "headline").Value, StringComparison.Ordinal);
        Assert.Contains(All(page, "p"), p => p.Value.StartsWith("Quantiles are exact over the rows", StringComparison.Ordinal));
        var facts = All(page, "table").Single(t => (string?)t.Attribute("class") == "facts");
        Assert.Equal("grid over 3 axes: a, b, c", facts.Elements("tbody").Elements("tr").Single(r => r.Element("th")!.Value == "design").Element("td")!.Value);
        Assert.Contains("Made by computegap 9.9.9 on 2026-12-02 06:00:00 UTC from runs/sample.", page.Root!.Value, StringComparison.Ordinal);
    }

    [Fact]
    public void TheContentsLinkToEverySectionAndNothingIsFetchedFromOutside()
    {
        var text = HtmlReport.Render(SampleGrid.Summary(), Options);
        var page = Parse(text);

        var links = All(page, "nav").Descendants("a").Select(a => (string)a.Attribute("href")!).ToArray();
        Assert.Equal(All(page, "section").Select(s => "#" + (string)s.Attribute("id")!), links);
        Assert.Contains("#figures", links);
        foreach (var reference in page.Descendants().Attributes().Where(a => a.Name.LocalName is "src" or "href" or "srcset" or "action" or "poster" or "data"))
        {
            Assert.True(reference.Value.StartsWith("data:", StringComparison.Ordinal) || reference.Value.StartsWith('#'), $"{reference} points outside the page");
        }

        Assert.Empty(All(page, "script"));
        Assert.Empty(All(page, "link"));
        Assert.DoesNotContain("http://", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("https://", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("url(", text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void TextFromTheRunIsEscaped()
    {
        var summary = SampleGrid.Summary();
        var hostile = new Dictionary<string, string>(summary.Metadata.Raw)
        {
            [MetadataKeys.SweepName] = "<script>alert(1)</script>",
            [MetadataKeys.SweepDescription] = "A & B \"quoted\" <b>bold</b>",
        };
        var text = HtmlReport.Render(summary with { Metadata = summary.Metadata with { Raw = hostile } }, Options with { Source = "run<1>&2" });
        var page = Parse(text);

        Assert.Empty(All(page, "script"));
        Assert.Empty(All(page, "b"));
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", text, StringComparison.Ordinal);
        Assert.Equal("ComputeGap report: sweep <script>alert(1)</script>", All(page, "h1").Single().Value);
        Assert.Equal("ComputeGap report: <script>alert(1)</script>", All(page, "title").Single().Value);
        Assert.Contains(All(page, "td"), td => td.Value == "A & B \"quoted\" <b>bold</b>");
        Assert.Contains("from run<1>&2.", All(page, "p").Single(p => (string?)p.Attribute("class") == "made").Value, StringComparison.Ordinal);
    }

    [Fact]
    public void ADiscoverOutputAddsItsPrimTrajectory()
    {
        var trajectory = new PrimTrajectory("share_EU < 0.03", "runs/sample",
            [new PrimBox(0, 1, 0.25, 1, 0, false), new PrimBox(1, 0.9, 0.5, 0.45, 1, false), new PrimBox(2, 0.92, 0.48, 0.48, 1, true)], 1);
        var page = Parse(HtmlReport.Render(SampleGrid.Summary(), Options with { Discovery = trajectory }));

        var prim = All(page, "section").Single(s => (string?)s.Attribute("id") == "prim");
        Assert.Equal("Scenario discovery (PRIM)", prim.Element("h2")!.Value);
        var table = prim.Descendants("table").Single();
        Assert.Equal(["box", "coverage", "density", "mass", "inputs restricted", "made by"], Headers(table));
        Assert.Equal(
            [["0", "100.0 %", "25.0 %", "100.0 %", "0", "peeling"], ["1 (chosen)", "90.0 %", "50.0 %", "45.0 %", "1", "peeling"], ["2", "92.0 %", "48.0 %", "48.0 %", "1", "pasting"]],
            table.Element("tbody")!.Elements("tr").Select(r => r.Elements("td").Select(td => td.Value).ToArray()));
        Assert.Equal(SummaryPlots.DrawDiscovery(trajectory).Select(p => p.What), prim.Descendants("figcaption").Select(c => c.Value));
    }

    [Fact]
    public void TheFileIsWrittenWholeOrNotAtAll()
    {
        using var dir = new TempDirectory();
        var path = Path.Combine(dir.Path, "report.html");
        HtmlReport.Write(path, SampleGrid.Summary(), Options);
        Assert.Equal(["report.html"], Directory.GetFiles(dir.Path).Select(Path.GetFileName));
        Assert.Equal(HtmlReport.Render(SampleGrid.Summary(), Options), File.ReadAllText(path));

        var missing = Path.Combine(dir.Path, "no-such-dir", "report.html");
        var error = Assert.Throws<DirectoryNotFoundException>(() => HtmlReport.Write(missing, SampleGrid.Summary(), Options));
        Assert.Contains("no-such-dir", error.Message, StringComparison.Ordinal);
        // A failure while drawing (here: an outcome the run lacks) leaves no file, temporary or not.
        var unknown = SampleGrid.Summary() with { Outcome = "share_XX" };
        Assert.ThrowsAny<Exception>(() => HtmlReport.Write(path + ".2", unknown, Options));
        Assert.Equal(["report.html"], Directory.GetFiles(dir.Path).Select(Path.GetFileName));
    }

    [Fact]
    public void SectionTitlesSplitIntoAHeadingAndTheRest()
    {
        Assert.Equal(("Main effects", "mean share_EU at each axis value"), HtmlSink.Split("Main effects: mean share_EU at each axis value"));
        Assert.Equal(("Outcomes", "(shares in %)"), HtmlSink.Split("Outcomes (shares in %)"));
        Assert.Equal(("P(share_EU < 0.03) = 9.0 %", "(1 of 2 scenarios),"), HtmlSink.Split("P(share_EU < 0.03) = 9.0 % (1 of 2 scenarios),"));
        Assert.Equal(("Tornado", string.Empty), HtmlSink.Split("Tornado"));
    }
}
