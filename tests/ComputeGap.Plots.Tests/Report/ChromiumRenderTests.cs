using ComputeGap.IO.Tests;
using ComputeGap.Plots.Report;

namespace ComputeGap.Plots.Tests.Report;

/// <summary>The report as a reader sees it: rendered by headless Chromium, not blank, with no error on its console (see <see cref="Chromium"/> for how errors are seen).</summary>
public sealed class ChromiumRenderTests
{
    [ChromiumFact]
    public void TheReportRendersWithPicturesAndNoConsoleErrors()
    {
        using var dir = new TempDirectory();
        var page = Path.Combine(dir.Path, "report.html");
        HtmlReport.Write(page, SampleGrid.Summary(), new HtmlReportOptions { Source = "sample", ToolVersion = "test" });

        Assert.Empty(Chromium.Errors(page));
        var png = Path.Combine(dir.Path, "report.png");
        Chromium.Screenshot(page, png, 1280, 2000);
        using var screenshot = Pictures.Decode(png);
        Assert.Equal((1280, 2000), (screenshot.Width, screenshot.Height));
        Assert.True(Pictures.DistinctColours(screenshot) > 2, "the screenshot is blank");
    }

    [ChromiumFact]
    public void TheErrorCheckSeesAMissingImageAThrownErrorAndAConsoleError()
    {
        using var dir = new TempDirectory();
        var page = Path.Combine(dir.Path, "broken.html");
        File.WriteAllText(page, """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8" /><title>broken</title></head>
            <body><img src="missing.png" alt="missing" /><script>console.error("boom"); undefinedFunction();</script></body></html>
            """);

        var errors = string.Join("\n", Chromium.Errors(page));
        Assert.Contains("3 error(s)", errors, StringComparison.Ordinal);
        Assert.Contains("missing.png", errors, StringComparison.Ordinal);
        Assert.Contains("boom", errors, StringComparison.Ordinal);
        Assert.Contains("undefinedFunction", errors, StringComparison.Ordinal);
    }
}
