using ComputeGap.Engine.Output;
using ComputeGap.IO.Reports;
using ComputeGap.IO.Tests;

namespace ComputeGap.Cli.Tests;

/// <summary>
/// A run written in an older row schema is not resumed into a mix of old and new parts (which no reader
/// accepts): <c>--resume</c> starts it afresh and says why.
/// </summary>
public sealed class ResumeSchemaTests
{
    [Fact]
    public async Task Resuming_a_run_whose_manifest_records_an_older_row_schema_starts_afresh_and_says_why()
    {
        using var directory = new TempDirectory();
        var sweep = Cli.SweepFile("v1/ree-shock.json");
        string[] args = ["sweep", sweep, "--out", directory.Path, "--backend", "cpu", "--chunk-size", "64", "--output", "rows"];
        Assert.Equal(0, (await Cli.InvokeAsync([.. args, "-q"])).ExitCode);
        var path = Directory.GetFiles(directory.Path, "*.manifest.json").Single();
        var written = RunManifest.Load(path)!;
        Assert.Equal(RowSchema.Current, written.RowSchema);

        // The manifest as a tool before row schema 2 wrote it: no row_schema, sealed.
        var old = new RunManifest
        {
            SweepSha256 = written.SweepSha256,
            BaselineSha256 = written.BaselineSha256,
            ModelVersion = written.ModelVersion,
            Output = written.Output,
            Created = written.Created,
            First = written.First,
            Count = written.Count,
            Parts = [.. written.Parts.Take(2)],
        }.At(path);
        old.Save();
        Assert.Null(RunManifest.Load(path)!.RowSchema);

        var resumed = await Cli.InvokeAsync([.. args, "--resume"]);

        Assert.Equal(0, resumed.ExitCode);
        Assert.Contains("resume: the earlier run's parts are in row schema 1, and this tool writes 2; starting afresh", resumed.Error, StringComparison.Ordinal);
        var after = RunManifest.Load(path)!;
        Assert.Equal((RowSchema.Current, after.Count), (after.RowSchema, after.Done));
        Assert.Equal(0, (await Cli.InvokeAsync("summarize", directory.Path, "--format", "json")).ExitCode);
    }
}
