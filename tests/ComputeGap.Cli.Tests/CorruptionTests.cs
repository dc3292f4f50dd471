using ComputeGap.IO.Tests;

namespace ComputeGap.Cli.Tests;

/// <summary>
/// Trust at rest: seeded random damage to finished runs (byte flips and bursts anywhere in rows,
/// series, aggregate files and manifests; truncations; deleted parts and manifests; extra parts; parts
/// swapped with another run's) is always named by <c>summarize</c> with exit code 3, never read as
/// numbers; and <c>sweep --resume</c> repairs every case to the undamaged run's report, byte for byte.
/// </summary>
public sealed class CorruptionTests
{
    /// <summary>36 scenarios in parts of 8: five row parts, each with its series file.</summary>
    private const string Sweep = """
        { "model": "v2", "name": "trust", "horizon_months": 24,
          "axes": [ { "param": "us_priority", "values": [0, 0.5, 1] },
                    { "param": "ree_export_quota", "values": [0.2, 0.6, 1] },
                    { "param": "leakage", "values": [0, 0.1, 0.2, 0.3] } ] }
        """;

    /// <summary>Another run of the same name: the same file names, other contents.</summary>
    private static readonly string OtherSweep = Sweep.Replace("0.1, 0.2, 0.3", "0.15, 0.2, 0.3", StringComparison.Ordinal);

    [Fact]
    public Task DamagedRowRunsAreNamedAndRepaired() =>
        FuzzAsync(["--output", "rows", "--series", "--chunk-size", "8"], cases: 500, repairEvery: 5, seed: 12);

    [Fact]
    public Task DamagedAggregateRunsAreNamedAndRepaired() =>
        FuzzAsync(["--output", "aggregate", "--series", "--chunk-size", "8"], cases: 500, repairEvery: 5, seed: 13);

    [Fact]
    public async Task NoVerifySaysSoInTheReport()
    {
        using var dir = new TempDirectory();
        var sweep = await WriteSweepAsync(dir.Path, "s.json", Sweep);
        var run = Path.Combine(dir.Path, "run");
        Assert.Equal(0, (await Cli.InvokeAsync(["sweep", sweep, "--out", run, "--backend", "cpu", "-q", "--output", "rows"])).ExitCode);

        var verified = await Cli.InvokeAsync("summarize", run);
        Assert.Contains("verified: 1 committed file, each of the size and XxHash128 its manifest records", verified.Output, StringComparison.Ordinal);
        var unverified = await Cli.InvokeAsync("summarize", run, "--no-verify", "--format", "json");
        Assert.Contains("\"verification\": \"not verified (--no-verify)\"", unverified.Output, StringComparison.Ordinal);
    }

    private static async Task FuzzAsync(string[] options, int cases, int repairEvery, int seed)
    {
        using var dir = new TempDirectory();
        var sweep = await WriteSweepAsync(dir.Path, "trust.json", Sweep);
        var other = await WriteSweepAsync(dir.Path, "other.json", OtherSweep);
        string[] common = ["--backend", "cpu", "-q", .. options];
        var pristine = Path.Combine(dir.Path, "pristine");
        var foreign = Path.Combine(dir.Path, "foreign");
        Assert.Equal(0, (await Cli.InvokeAsync(["sweep", sweep, "--out", pristine, .. common])).ExitCode);
        Assert.Equal(0, (await Cli.InvokeAsync(["sweep", other, "--out", foreign, .. common])).ExitCode);
        var expected = await Cli.InvokeAsync("summarize", pristine, "--format", "json");
        Assert.Equal(0, expected.ExitCode);

        var random = new Random(seed);
        var work = Path.Combine(dir.Path, "work");
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < cases; i++)
        {
            Copy(pristine, work);
            var damage = Damage.Apply(random, work, foreign);
            seen[damage.Kind] = seen.GetValueOrDefault(damage.Kind) + 1;
            var report = await Cli.InvokeAsync("summarize", work, "--format", "json");
            // Every damage here changes bytes a checksum or a manifest's seal covers, so none may pass as
            // harmless (which the issue would allow: exit 0 with the undamaged report).
            var named = report.ExitCode == 3 && report.Error.StartsWith("error: damaged output: " + work, StringComparison.Ordinal)
                && report.Error.TrimEnd().Split('\n').Length == 1;
            Assert.True(named, $"case {i} ({damage}): exit {report.ExitCode}, stderr: {report.Error}");

            if (i % repairEvery == 0)
            {
                var resumed = await Cli.InvokeAsync(["sweep", sweep, "--out", work, "--resume", .. common]);
                Assert.True(resumed.ExitCode == 0, $"case {i} ({damage}): resume exit {resumed.ExitCode}: {resumed.Error}");
                var repaired = await Cli.InvokeAsync("summarize", work, "--format", "json");
                Assert.True(repaired.ExitCode == 0, $"case {i} ({damage}): after repair: {repaired.Error}");
                Assert.Equal(expected.Output, repaired.Output);
            }
        }

        Assert.All(Damage.Kinds, kind => Assert.True(seen.GetValueOrDefault(kind) >= cases / 20, $"{kind}: {seen.GetValueOrDefault(kind)} cases"));
    }

    private static async Task<string> WriteSweepAsync(string directory, string name, string text)
    {
        var path = Path.Combine(directory, name);
        await File.WriteAllTextAsync(path, text);
        return path;
    }

    private static void Copy(string from, string to)
    {
        if (Directory.Exists(to))
        {
            Directory.Delete(to, recursive: true);
        }

        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        }
    }
}
