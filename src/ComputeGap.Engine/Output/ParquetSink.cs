using ComputeGap.Engine.Running;
using ComputeGap.IO.Parquet;

namespace ComputeGap.Engine.Output;

/// <summary>
/// One part of row output: one Parquet row per scenario (scenario, the axis values used, every
/// outcome); with a series, a second file in long form (scenario, month, region, share). Files appear
/// under their final names only on <see cref="CommitAsync"/>.
/// </summary>
public sealed class ParquetSink : IChunkSink, IAsyncDisposable
{
    private readonly ParquetTableWriter _rows;
    private readonly ParquetTableWriter? _series;
    private readonly RowColumns _columns;

    private ParquetSink(RowColumns columns, ParquetTableWriter rows, ParquetTableWriter? series)
    {
        _columns = columns;
        _rows = rows;
        _series = series;
    }

    /// <param name="columns">The plan's row columns; their scratch arrays are reused by every part.</param>
    public static async Task<ParquetSink> CreateAsync(
        RowColumns columns, string rowsPath, string? seriesPath, IReadOnlyDictionary<string, string> metadata, ParquetCompression compression, CancellationToken cancellationToken)
    {
        var rows = await ParquetTableWriter.CreateAsync(rowsPath, columns.Specs, metadata, compression, cancellationToken).ConfigureAwait(false);
        ParquetTableWriter? series = null;
        try
        {
            if (seriesPath is not null)
            {
                series = await ParquetTableWriter.CreateAsync(seriesPath, columns.SeriesSpecs, metadata, compression, cancellationToken).ConfigureAwait(false);
            }
        }
        catch
        {
            await rows.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        return new ParquetSink(columns, rows, series);
    }

    /// <summary>Series rows per row group (about 2^20).</summary>
    public const int SeriesRowGroup = 1 << 20;

    public async Task WriteAsync(SweepPlan plan, ChunkBuffers chunk, CancellationToken cancellationToken)
    {
        await _rows.WriteRowGroupAsync(_columns.For(chunk), chunk.Count, cancellationToken).ConfigureAwait(false);
        if (_series is not null && chunk.Series is { } shares)
        {
            // Row groups of about a million series rows: a chunk's whole series (tens of millions of rows)
            // built and encoded at once took 2.1 GB for the default sweep's 36,750 scenarios.
            var perScenario = plan.Shape.Months * plan.Shape.Regions;
            var scenarios = Math.Max(1, SeriesRowGroup / perScenario);
            for (var start = 0; start < chunk.Count; start += scenarios)
            {
                var series = _columns.SeriesFor(chunk, shares, start, Math.Min(scenarios, chunk.Count - start), out var rows);
                await _series.WriteRowGroupAsync(series, rows, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Finishes and atomically publishes the files, the series first, so visible rows imply a visible series.</summary>
    public async Task CommitAsync(CancellationToken cancellationToken)
    {
        if (_series is not null)
        {
            await _series.CommitAsync(cancellationToken).ConfigureAwait(false);
        }

        await _rows.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Deletes whatever was not committed.</summary>
    public async ValueTask DisposeAsync()
    {
        try
        {
            await _rows.DisposeAsync().ConfigureAwait(false);
        }
        finally
        {
            if (_series is not null)
            {
                await _series.DisposeAsync().ConfigureAwait(false);
            }
        }
    }
}
