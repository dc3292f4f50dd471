using ComputeGap.Engine.Aggregation;
using ComputeGap.Engine.Backends;
using ComputeGap.Engine.Output;
using ComputeGap.Engine.Running;
using ComputeGap.IO.Tests;
using ComputeGap.Sweep.Spec;

namespace ComputeGap.Engine.Tests;

/// <summary>Whole runs through <see cref="SweepJob"/>: an aggregate run ends its progress at 100 % with nothing left to write (also after its last commit), and fans are never drawn from part of a run.</summary>
public sealed class RunReadingTests
{
    private static SweepSpec Spec() => SweepSpecParser.Load(Path.Combine(AppContext.BaseDirectory, "data", "sweeps", "ree-shock.json"));

    [Fact]
    public async Task An_aggregate_run_ends_with_a_report_of_everything_done_and_nothing_left_to_write()
    {
        using var directory = new TempDirectory();
        var reports = new List<SweepProgress>();
        using var devices = new Devices();

        await SweepJob.RunAsync(
            new SweepRequest(Spec(), directory.Path, BackendChoice.Cpu, ChunkSize: 4096, Output: OutputMode.Aggregate),
            devices, progress: new InlineProgress(p => { lock (reports) { reports.Add(p); } }));

        var last = reports[^1];
        Assert.Equal((last.Total, 0L), (last.Done, last.Writing));
    }

    [Fact]
    public async Task Fans_of_a_row_run_whose_parts_lack_some_series_files_are_refused_naming_the_first()
    {
        using var directory = new TempDirectory();
        using (var devices = new Devices())
        {
            await SweepJob.RunAsync(new SweepRequest(Spec(), directory.Path, BackendChoice.Cpu, Series: true, ChunkSize: 64, Output: OutputMode.Rows), devices);
        }

        var series = Directory.GetFiles(directory.Path, "*" + SummaryLoader.SeriesSuffix).Order(StringComparer.Ordinal).ToArray();
        Assert.True(series.Length >= 2);
        Assert.NotEmpty((await SummaryLoader.LoadAsync(directory.Path, CancellationToken.None, seriesFans: true)).Fans);
        File.Delete(series[1]);

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => SummaryLoader.LoadAsync(directory.Path, CancellationToken.None, seriesFans: true));

        Assert.Contains($"1 of {series.Length} row parts have no series file (first: {series[1]})", error.Message, StringComparison.Ordinal);
        Assert.Empty((await SummaryLoader.LoadAsync(directory.Path, CancellationToken.None)).Fans);
    }
}
