using ComputeGap.IO.Tests;

namespace ComputeGap.Cli.Tests;

/// <summary><c>summarize</c> on a file it cannot summarise: one line naming the file and what to pass instead, exit 2.</summary>
public sealed class SummarizeInputTests
{
    [Theory]
    [InlineData("notes.parquet", "PAR1 but not at the end")]
    [InlineData("notes.txt", "just text")]
    [InlineData("empty.parquet", "")]
    public async Task FileThatIsNotParquetIsNamed(string name, string text)
    {
        using var dir = new TempDirectory();
        var file = dir.File(name);
        await File.WriteAllTextAsync(file, text);
        var run = await Cli.InvokeAsync("summarize", file);
        Assert.Equal(2, run.ExitCode);
        var line = Assert.Single(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith($"error: {file} is not a Parquet file", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SeriesFileSaysWhatItIsAndWhatToPass()
    {
        using var dir = new TempDirectory();
        var sweep = dir.File("tiny.json");
        await File.WriteAllTextAsync(sweep, "{ \"axes\": [ { \"param\": \"leakage\", \"values\": [0, 0.5] } ] }");
        var outDir = Path.Combine(dir.Path, "out");
        var made = await Cli.InvokeAsync("sweep", sweep, "--out", outDir, "--output", "rows", "--series", "--backend", "cpu", "--quiet");
        Assert.Equal(0, made.ExitCode);
        var series = Assert.Single(Directory.GetFiles(outDir, "*.series.parquet"));

        var run = await Cli.InvokeAsync("summarize", series);
        Assert.Equal(2, run.ExitCode);
        Assert.Equal($"error: {series} is a monthly series table, not scenario rows; pass the run directory or its .rows.parquet files", run.Error.TrimEnd());

        var whole = await Cli.InvokeAsync("summarize", outDir);
        Assert.Equal(0, whole.ExitCode);
    }
}
