using ComputeGap.Engine.Running;
using ComputeGap.IO.Parquet;

namespace ComputeGap.Engine.Output;

/// <summary>
/// Row output in parts: every chunk becomes its own part file (and series file), written under a
/// temporary name, flushed and renamed, and only then recorded in the run manifest. A reader never
/// sees a half-written part; a killed run loses at most the chunk in flight.
/// </summary>
public sealed class RowPartSink(
    RunFiles files, RunManifest manifest, bool series, IReadOnlyDictionary<string, string> metadata, ParquetCompression compression) : IChunkSink
{
    private RowColumns? _columns;

    public async Task WriteAsync(SweepPlan plan, ChunkBuffers chunk, CancellationToken cancellationToken)
    {
        var rows = files.RowsPart(chunk.First);
        var seriesPath = series ? files.SeriesPart(chunk.First) : null;
        await using (var sink = await ParquetSink.CreateAsync(_columns ??= new RowColumns(plan), rows, seriesPath, metadata, compression, cancellationToken).ConfigureAwait(false))
        {
            await sink.WriteAsync(plan, chunk, cancellationToken).ConfigureAwait(false);
            await sink.CommitAsync(cancellationToken).ConfigureAwait(false);
        }

        manifest.Record(new ScenarioRange(chunk.First, chunk.Count), seriesPath is null ? [rows] : [seriesPath, rows]);
    }
}
