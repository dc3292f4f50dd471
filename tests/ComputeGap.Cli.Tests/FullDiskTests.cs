using System.Text.Json;
using ComputeGap.IO.Parquet;
using ComputeGap.IO.Tests;
using ComputeGap.Sweep.Spec;

namespace ComputeGap.Cli.Tests;

/// <summary>
/// A sweep whose output does not fit on its disk (a small tmpfs) fails with one clear line and leaves
/// only whole, readable part files that its manifest lists: no temporary files, no orphans.
/// </summary>
public sealed class FullDiskTests
{
    private const int Regions = 5;

    /// <param name="sweep">Sweep file under data/sweeps; null for the built-in default.</param>
    /// <param name="size">tmpfs size.</param>
    /// <param name="arguments">Further sweep arguments.</param>
    [TmpfsTheory]
    [InlineData(null, "3m", new[] { "--series", "--chunk-size", "2000" })] // the first part does not fit
    [InlineData(null, "3m", new[] { "--series", "--chunk-size", "500" })] // a few parts fit
    [InlineData(null, "3m", new[] { "--series", "--chunk-size", "100" })] // many parts fit
    [InlineData("v1/ree-shock.json", "32k", new[] { "--output", "aggregate" })] // the aggregate's tables do not fit
    [InlineData("v1/ree-shock.json", "48k", new[] { "--output", "aggregate" })] // they fit, the manifest update does not
    public Task SweepThatDoesNotFitFailsWithOneLineAndLeavesOnlyWholeListedParts(string? sweep, string size, string[] arguments) =>
        Tmpfs.WithAsync(size, async dir =>
        {
            string[] args = ["sweep", .. sweep is null ? Array.Empty<string>() : [Cli.SweepFile(sweep)], "--out", dir, "--backend", "cpu", "-q", .. arguments];
            var run = await Cli.InvokeAsync(args);
            var listing = string.Join(", ", Directory.GetFiles(dir).Select(f => $"{Path.GetFileName(f)} ({new FileInfo(f).Length:N0} B)"));

            // Every rule is checked and every breach reported together.
            var problems = new List<string>();
            void Check(bool holds, string problem)
            {
                if (!holds)
                {
                    problems.Add(problem);
                }
            }

            Check(run.ExitCode != 0, $"exit code {run.ExitCode}: the sweep should fail on a {size} disk");
            var lines = run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var line = lines.FirstOrDefault() ?? string.Empty;
            Check(lines.Length == 1, $"stderr should be one line, not {lines.Length}: {run.Error}");
            Check(line.StartsWith("error: ", StringComparison.Ordinal) && line.Contains("No space left on device", StringComparison.Ordinal),
                $"stderr should say 'error: ... No space left on device': {line}");
            Check(line.Contains(dir, StringComparison.Ordinal), $"stderr should name the output directory {dir}: {line}");

            var open = OpenFilesUnder(dir);
            Check(open.Length == 0, $"the failed sweep left files open (leaked handles keep the disk busy): {string.Join(", ", open)}");

            var temporaries = Directory.GetFiles(dir, "*.tmp-*").Select(Path.GetFileName).ToArray();
            Check(temporaries.Length == 0, $"temporary files remain: {string.Join(", ", temporaries)}");

            var manifests = Directory.GetFiles(dir, "*.manifest.json");
            Check(manifests.Length == 1, $"expected one manifest, found {manifests.Length}");
            var listed = new Dictionary<string, long>(StringComparer.Ordinal);
            foreach (var manifestPath in manifests)
            {
                using var manifest = JsonDocument.Parse(await File.ReadAllTextAsync(manifestPath));
                foreach (var part in manifest.RootElement.GetProperty("parts").EnumerateArray())
                {
                    foreach (var file in part.GetProperty("files").EnumerateArray())
                    {
                        listed[file.GetString()!] = part.GetProperty("count").GetInt64();
                    }
                }
            }

            var visible = Directory.GetFiles(dir, "*.parquet").Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal).ToArray();
            var orphans = visible.Where(f => !listed.ContainsKey(f)).ToArray();
            Check(orphans.Length == 0, $"part files the manifest does not list: {string.Join(", ", orphans)}");
            var lost = listed.Keys.Where(f => !visible.Contains(f)).ToArray();
            Check(lost.Length == 0, $"the manifest lists missing files: {string.Join(", ", lost)}");

            // Every visible part is a whole Parquet file, to our reader and to DuckDB, holding what the manifest says.
            foreach (var file in visible)
            {
                try
                {
                    var table = await ParquetTableReader.ReadAsync(Path.Combine(dir, file));
                    var expected = !listed.TryGetValue(file, out var count) ? -1
                        : file.EndsWith(".rows.parquet", StringComparison.Ordinal) ? count
                        : file.EndsWith(".series.parquet", StringComparison.Ordinal) ? count * MonthsOf(sweep) * Regions
                        : -1;
                    Check(expected < 0 || table.RowCount == expected, $"{file}: {table.RowCount} rows, the manifest says {expected}");
                }
                catch (Exception e) when (e is IOException or InvalidDataException or NotSupportedException)
                {
                    problems.Add($"{file} is not a readable Parquet file: {e.Message}");
                }
            }

            foreach (var kind in visible.Select(f => f[f.IndexOf('.', f.IndexOf('.', StringComparison.Ordinal) + 1)..]).Distinct(StringComparer.Ordinal))
            {
                try
                {
                    var counts = await DuckDb.QueryAsync(Path.Combine(dir, "*" + kind),
                        "SELECT parse_filename(filename) AS f, count(*) AS n FROM read_parquet({path}, filename = true) GROUP BY ALL");
                    Check(counts.Count == visible.Count(f => f.EndsWith(kind, StringComparison.Ordinal)), $"DuckDB finds rows in {counts.Count} *{kind} files");
                }
                catch (InvalidOperationException e)
                {
                    problems.Add($"DuckDB cannot read *{kind}: {e.Message}");
                }
            }

            Assert.True(problems.Count == 0,
                $"{problems.Count} problem(s) after running out of space:\n- {string.Join("\n- ", problems)}\nfiles: {listing}");
        });

    /// <summary>Files under <paramref name="dir"/> this process still holds open (from /proc/self/fd).</summary>
    private static string[] OpenFilesUnder(string dir) =>
        [.. new DirectoryInfo("/proc/self/fd").EnumerateFileSystemInfos()
            .Select(fd =>
            {
                try
                {
                    return fd.LinkTarget;
                }
                catch (IOException)
                {
                    return null; // closed meanwhile
                }
            })
            .OfType<string>()
            .Where(target => target.StartsWith(dir + "/", StringComparison.Ordinal))
            .Select(Path.GetFileName)
            .OfType<string>()];

    /// <summary>The horizon of <paramref name="sweep"/> (null: the built-in default), which the series rows follow.</summary>
    private static int MonthsOf(string? sweep) =>
        (sweep is null ? SweepSpecParser.BuiltInDefault() : SweepSpecParser.Load(Cli.SweepFile(sweep))).HorizonMonths;
}
