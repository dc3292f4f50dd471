using System.Text.Json;
using ComputeGap.IO.Tests;

namespace ComputeGap.Cli.Tests;

/// <summary><c>computegap sweeps</c> lists the shipped sweeps, and <c>computegap sweep NAME</c> runs one by name.</summary>
public sealed class SweepsCommandTests
{
    private static string SweepsDirectory => Path.Combine(AppContext.BaseDirectory, "data", "sweeps");

    /// <summary>Every shipped sweep file's name: its path under data/sweeps without .json.</summary>
    private static List<string> ShippedNames() =>
        [.. Directory.GetFiles(SweepsDirectory, "*.json", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(SweepsDirectory, f)[..^".json".Length].Replace('\\', '/'))
            .Order(StringComparer.Ordinal)];

    [Fact]
    public async Task JsonListsEveryShippedSweepFileWithItsModelSizeAndDescription()
    {
        var run = await Cli.InvokeAsync("sweeps", "--format", "json");
        Assert.True(run.ExitCode == 0, run.Error);
        using var json = JsonDocument.Parse(run.Output);
        var sweeps = json.RootElement.GetProperty("sweeps").EnumerateArray().ToDictionary(s => s.GetProperty("name").GetString()!);
        Assert.Equal(ShippedNames(), sweeps.Keys.Order(StringComparer.Ordinal));
        Assert.Contains("v1/ree-shock", sweeps.Keys);
        Assert.Contains("designs/ishigami-sobol", sweeps.Keys);

        var defaultSweep = sweeps["default"];
        Assert.Equal("v2", defaultSweep.GetProperty("model").GetString());
        Assert.Equal("grid", defaultSweep.GetProperty("design").GetString());
        Assert.Equal(36_750, defaultSweep.GetProperty("scenarios").GetInt64());
        Assert.Equal("v1", sweeps["v1/ree-shock"].GetProperty("model").GetString());
        Assert.Equal("saltelli", sweeps["designs/ishigami-sobol"].GetProperty("design").GetString());
        foreach (var (name, sweep) in sweeps)
        {
            using var file = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(SweepsDirectory, name + ".json")));
            var description = file.RootElement.TryGetProperty("description", out var d) ? d.GetString() : string.Empty;
            Assert.Equal(description, sweep.GetProperty("description").GetString());
            Assert.StartsWith(sweep.GetProperty("summary").GetString()!, description, StringComparison.Ordinal);
        }

        Assert.Equal("Can Europe catch up under model v2?", sweeps["eu-catch-up"].GetProperty("summary").GetString());
    }

    [Fact]
    public async Task TableNamesEverySweepWithinAHundredAndTwentyColumns()
    {
        var run = await Cli.InvokeAsync("sweeps");
        Assert.True(run.ExitCode == 0, run.Error);
        var lines = run.Output.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        Assert.All(lines, line => Assert.True(line.Length <= 120, $"{line.Length} characters: {line}"));
        var heads = lines.Select(l => l.Split(' ', 2)[0]).ToHashSet(StringComparer.Ordinal);
        Assert.All(ShippedNames(), name => Assert.Contains(name, heads));
        Assert.Contains(lines, l => l.StartsWith("ree-shock ", StringComparison.Ordinal) && l.Contains("3,456  Rare-earth shock under model v2", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SweepByNameRunsTheShippedFile()
    {
        using var byName = new TempDirectory();
        using var byPath = new TempDirectory();
        var named = await Cli.InvokeAsync("sweep", "ree-shock", "--out", byName.Path, "--backend", "cpu", "--format", "json");
        Assert.True(named.ExitCode == 0, named.Error);
        Assert.Contains("ree-shock.0000000000000000000.rows.parquet", byName.FileNames());
        var path = await Cli.InvokeAsync("sweep", Cli.SweepFile("ree-shock.json"), "--out", byPath.Path, "--backend", "cpu", "--format", "json");
        Assert.Equal(Cli.StripVolatile(path.Output), Cli.StripVolatile(named.Output));
    }

    [Fact]
    public async Task AFolderSweepRunsByItsPathOrByItsNameWhenNoOtherHasIt()
    {
        using var dir = new TempDirectory();
        var run = await Cli.InvokeAsync("sweep", "eu-ree-shock", "--out", dir.Path, "--backend", "cpu", "-q");
        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains("eu-ree-shock.0000000000000000000.rows.parquet", dir.FileNames());

        // "ree-shock" is both data/sweeps/ree-shock.json and v1/ree-shock.json: the folder's needs its path.
        using var v1 = new TempDirectory();
        run = await Cli.InvokeAsync("sweep", "v1/ree-shock", "--out", v1.Path, "--backend", "cpu", "--format", "json");
        Assert.True(run.ExitCode == 0, run.Error);
        using var summary = JsonDocument.Parse(run.Output);
        Assert.Equal(16_170, summary.RootElement.GetProperty("row_count").GetInt64());
    }

    [Theory]
    [InlineData("ree-shok", "did you mean ree-shock?")]
    [InlineData("v1/eu-catchup", "did you mean v1/eu-catch-up?")]
    [InlineData("drivers-of-eu-shares", "did you mean drivers-of-eu-share?")]
    [InlineData("nothing-like-it", "shipped: decoupling, default, ")]
    public async Task AMistypedNameNamesTheClosestShippedSweepWithExit2(string name, string expected)
    {
        using var dir = new TempDirectory();
        var outDir = Path.Combine(dir.Path, "out");
        var run = await Cli.InvokeAsync("sweep", name, "--out", outDir);
        Assert.Equal(2, run.ExitCode);
        var line = Assert.Single(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith($"error: no sweep file or shipped sweep named \"{name}\"; ", line, StringComparison.Ordinal);
        Assert.Contains(expected, line, StringComparison.Ordinal);
        Assert.False(Directory.Exists(outDir));
    }

    [Fact]
    public async Task AMissingJsonPathIsStillReportedAsAMissingFile()
    {
        using var dir = new TempDirectory();
        var missing = dir.File("ree-shock.json");
        var run = await Cli.InvokeAsync("sweep", missing, "--out", dir.File("out"));
        Assert.Equal(2, run.ExitCode);
        Assert.Equal($"error: {missing}: $: file not found", run.Error.Trim());
    }
}
