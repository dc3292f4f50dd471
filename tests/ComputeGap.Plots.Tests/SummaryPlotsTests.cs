using System.Xml.Linq;
using ComputeGap.IO.Tests;
using SkiaSharp;

namespace ComputeGap.Plots.Tests;

/// <summary>Every picture of a run decodes at 1600 × 1000 and is not blank; SVGs are well-formed XML.</summary>
public sealed class SummaryPlotsTests
{
    [Fact]
    public void PngsDecodeAtTheirSizeWithMoreThanTwoColours()
    {
        using var dir = new TempDirectory();
        var written = SummaryPlots.Write(SampleGrid.Summary(), dir.Path, PlotFormat.Png);

        // Tornado, one curve per axis, one heatmap per pair of axes, the threshold probabilities.
        Assert.Equal(
            ["heatmap.a.b.png", "heatmap.a.c.png", "heatmap.b.c.png", "main-effect.a.png", "main-effect.b.png", "main-effect.c.png", "thresholds.png", "tornado.png"],
            written.Select(f => Path.GetFileName(f.Path)).Order(StringComparer.Ordinal));
        foreach (var file in written)
        {
            using var bitmap = Pictures.Decode(file.Path);
            Assert.Equal((PlotStyle.Width, PlotStyle.Height), (bitmap.Width, bitmap.Height));
            Assert.True(Pictures.DistinctColours(bitmap) > 2, $"{file.Path} is blank");
        }
    }

    [Fact]
    public void TheBlankCheckCatchesABlankPicture()
    {
        using var blank = new SKBitmap(PlotStyle.Width, PlotStyle.Height);
        blank.Erase(SKColors.White);
        Assert.Equal(1, Pictures.DistinctColours(blank));
    }

    [Fact]
    public void SvgsParseAsXmlOfTheirSize()
    {
        using var dir = new TempDirectory();
        var written = SummaryPlots.Write(SampleGrid.Summary(), dir.Path, PlotFormat.Svg);
        Assert.NotEmpty(written);
        foreach (var file in written)
        {
            Assert.EndsWith(".svg", file.Path, StringComparison.Ordinal);
            var svg = XDocument.Load(file.Path).Root!;
            Assert.Equal("svg", svg.Name.LocalName);
            Assert.Equal(PlotStyle.Width.ToString(System.Globalization.CultureInfo.InvariantCulture), svg.Attribute("width")?.Value);
            Assert.Equal(PlotStyle.Height.ToString(System.Globalization.CultureInfo.InvariantCulture), svg.Attribute("height")?.Value);
            Assert.Contains(svg.Descendants(), e => e.Name.LocalName == "text");
        }
    }

    [Fact]
    public void AnotherOutcomeIsDrawnInItsOwnUnits()
    {
        using var dir = new TempDirectory();
        var summary = SampleGrid.Summary() with { Outcome = "installed_EU" };
        var written = SummaryPlots.Write(summary, dir.Path, PlotFormat.Svg);
        var tornado = File.ReadAllText(written[0].Path);
        Assert.Contains("installed_EU (H100e)", tornado, StringComparison.Ordinal);
        Assert.DoesNotContain("share_EU", tornado, StringComparison.Ordinal);
    }
}
