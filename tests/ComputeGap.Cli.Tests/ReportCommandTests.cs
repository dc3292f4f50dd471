using System.Xml;
using System.Xml.Linq;
using ComputeGap.IO.Tests;

namespace ComputeGap.Cli.Tests;

/// <summary><c>computegap report</c> on a real sweep: one page with the summary's tables and the plot command's pictures; bad input gets one line, exit 2 and no file.</summary>
public sealed class ReportCommandTests(ReportRunFixture fixture) : IClassFixture<ReportRunFixture>
{
    private static XDocument Parse(string path)
    {
        using var reader = XmlReader.Create(path, new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore });
        return XDocument.Load(reader);
    }

    [Fact]
    public async Task ReportWritesOnePageWithTheTablesAndEveryPicture()
    {
        using var dir = new TempDirectory();
        var html = Path.Combine(dir.Path, "report.html");

        var made = await Cli.InvokeAsync("report", fixture.Run, "--out", html);
        Assert.Equal(0, made.ExitCode);
        Assert.Equal(string.Empty, made.Error);
        Assert.Equal($"{html}: report of {fixture.Run}", made.Output.TrimEnd());
        Assert.Equal(["report.html"], Directory.GetFiles(dir.Path).Select(Path.GetFileName));

        var page = Parse(html);
        // The plot command's fourteen pictures of this run (PlotCommandTests), each embedded.
        var images = page.Descendants("img").Select(i => (string)i.Attribute("src")!).ToArray();
        Assert.Equal(14, images.Length);
        Assert.All(images, src => Assert.StartsWith("data:image/png;base64,", src, StringComparison.Ordinal));
        var headings = page.Descendants("h2").Select(h => h.Value).ToArray();
        Assert.Equal(["The run", "Headline", "Outcomes", "Threshold probabilities", "Main effects", "Tornado"], headings[..6]);
        Assert.Contains("Figures", headings);
        Assert.Contains(page.Descendants("td"), td => td.Value.StartsWith("verified: ", StringComparison.Ordinal));
        Assert.Contains("tornado of mean share_EU over 6 axes", page.Descendants("figcaption").First().Value, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnotherOutcomeAndADiscoverOutputGoIntoThePage()
    {
        using var dir = new TempDirectory();
        var discovered = await Cli.InvokeAsync("discover", fixture.Run, "--where", "share_EU < 0.01", "--format", "json");
        Assert.Equal(0, discovered.ExitCode);
        var json = Path.Combine(dir.Path, "discover.json");
        await File.WriteAllTextAsync(json, discovered.Output);
        var html = Path.Combine(dir.Path, "cn.html");

        var made = await Cli.InvokeAsync("report", fixture.Run, "--out", html, "--outcome", "installed_CN", "--discover", json, "--no-verify", "--format", "svg");
        Assert.Equal(0, made.ExitCode);
        var page = Parse(html);
        Assert.StartsWith("tornado of mean installed_CN", page.Descendants("figcaption").First().Value, StringComparison.Ordinal);
        Assert.Contains(page.Descendants("section"), s => (string?)s.Attribute("id") == "prim");
        Assert.Contains(page.Descendants("td"), td => td.Value == "not verified (--no-verify)");
        Assert.All(page.Descendants("img"), i => Assert.StartsWith("data:image/svg+xml;base64,", (string)i.Attribute("src")!, StringComparison.Ordinal));
    }

    [Fact]
    public async Task MissingSourceIsOneLineAndNoFile()
    {
        using var dir = new TempDirectory();
        var missing = Path.Combine(dir.Path, "no-such-run");
        var html = Path.Combine(dir.Path, "report.html");
        var run = await Cli.InvokeAsync("report", missing, "--out", html);
        Assert.Equal(2, run.ExitCode);
        Assert.Equal($"error: report: no file or directory {missing}", run.Error.TrimEnd());
        Assert.Equal(string.Empty, run.Output);
        Assert.Empty(Directory.GetFiles(dir.Path));
    }

    [Fact]
    public async Task UnknownOutcomeNamesTheClosestAndWritesNothing()
    {
        using var dir = new TempDirectory();
        var html = Path.Combine(dir.Path, "report.html");
        var run = await Cli.InvokeAsync("report", fixture.Run, "--outcome", "shar_EU", "--out", html);
        Assert.Equal(2, run.ExitCode);
        var line = Assert.Single(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith($"error: --outcome: {fixture.Run} has no outcome \"shar_EU\" (did you mean share_EU?) (outcomes: share_US,", line, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(dir.Path));
    }

    [Fact]
    public async Task AMissingOutputDirectoryOrDiscoverFileIsOneLineAndNoFile()
    {
        using var dir = new TempDirectory();
        var nowhere = Path.Combine(dir.Path, "no-such-dir", "report.html");
        var run = await Cli.InvokeAsync("report", fixture.Run, "--out", nowhere);
        Assert.Equal(2, run.ExitCode);
        Assert.Equal($"error: report: --out {nowhere}: no directory {Path.GetDirectoryName(nowhere)}", run.Error.TrimEnd());

        var html = Path.Combine(dir.Path, "report.html");
        var noJson = Path.Combine(dir.Path, "discover.json");
        run = await Cli.InvokeAsync("report", fixture.Run, "--out", html, "--discover", noJson);
        Assert.Equal(2, run.ExitCode);
        Assert.Equal($"error: --discover: no file {noJson}", run.Error.TrimEnd());

        run = await Cli.InvokeAsync("report", fixture.Run, "--out", html, "--discover", Cli.SweepFile("us-export-policy.json"));
        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("error: ", Assert.Single(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries)), StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(dir.Path));
    }
}
