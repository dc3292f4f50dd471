using ComputeGap.Core.Model;
using ComputeGap.Engine.Running;
using ComputeGap.IO.Parquet;

namespace ComputeGap.Engine.Output;

/// <summary>
/// Writes row output: one Parquet row per scenario (scenario, the axis values used, every outcome),
/// one row group per chunk; with a series, a second file in long form (scenario, month, region, share).
/// Files appear under their final names only on <see cref="CommitAsync"/>.
/// </summary>
public sealed class ParquetSink : IChunkSink, IAsyncDisposable
{
    private readonly ParquetTableWriter _rows;
    private readonly ParquetTableWriter? _series;
    private readonly SweepPlan _plan;
    private long[] _scenario = [];
    private float[][] _axes = [];
    private int[][] _months = [];
    private long[] _seriesScenario = [];
    private int[] _seriesMonth = [];
    private string[] _seriesRegion = [];

    private ParquetSink(SweepPlan plan, ParquetTableWriter rows, ParquetTableWriter? series)
    {
        _plan = plan;
        _rows = rows;
        _series = series;
    }

    /// <summary>Path the row file will have once committed.</summary>
    public string RowsPath => _rows.Path;

    /// <summary>Path the series file will have once committed, if any.</summary>
    public string? SeriesPath => _series?.Path;

    /// <summary>Column layout of the row file.</summary>
    public static IReadOnlyList<ColumnSpec> RowColumns(SweepPlan plan)
    {
        var columns = new List<ColumnSpec> { new("scenario", ColumnType.Int64) };
        columns.AddRange(plan.Spec.Axes.Select(a => new ColumnSpec(a.Column, ColumnType.Float32)));
        var regions = plan.Shape.Regions;
        for (var c = 0; c < plan.OutcomeCount; c++)
        {
            columns.Add(new ColumnSpec(plan.OutcomeNames[c], OutcomeColumns.IsMonth(c, regions) ? ColumnType.Int32 : ColumnType.Float32));
        }

        return columns;
    }

    public static async Task<ParquetSink> CreateAsync(
        SweepPlan plan, string rowsPath, string? seriesPath, IReadOnlyDictionary<string, string> metadata, ParquetCompression compression, CancellationToken cancellationToken)
    {
        var rows = await ParquetTableWriter.CreateAsync(rowsPath, RowColumns(plan), metadata, compression, cancellationToken).ConfigureAwait(false);
        ParquetTableWriter? series = null;
        try
        {
            if (seriesPath is not null)
            {
                ColumnSpec[] seriesColumns =
                [
                    new("scenario", ColumnType.Int64), new("month", ColumnType.Int32), new("region", ColumnType.String), new("share", ColumnType.Float32),
                ];
                series = await ParquetTableWriter.CreateAsync(seriesPath, seriesColumns, metadata, compression, cancellationToken).ConfigureAwait(false);
            }
        }
        catch
        {
            await rows.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        return new ParquetSink(plan, rows, series);
    }

    public async Task WriteAsync(SweepPlan plan, ChunkBuffers chunk, CancellationToken cancellationToken)
    {
        var n = chunk.Count;
        EnsureScratch(chunk.Capacity);
        for (var i = 0; i < n; i++)
        {
            _scenario[i] = chunk.First + i;
        }

        var columns = new List<Array>(1 + _axes.Length + plan.OutcomeCount) { _scenario };
        for (var a = 0; a < _axes.Length; a++)
        {
            var axis = _axes[a];
            for (var i = 0; i < n; i++)
            {
                axis[i] = plan.AxisValue(a, chunk.First + i);
            }

            columns.Add(axis);
        }

        var regions = plan.Shape.Regions;
        var month = 0;
        for (var c = 0; c < plan.OutcomeCount; c++)
        {
            if (OutcomeColumns.IsMonth(c, regions))
            {
                var target = _months[month++];
                var source = chunk.Outcomes[c];
                for (var i = 0; i < n; i++)
                {
                    target[i] = (int)source[i];
                }

                columns.Add(target);
            }
            else
            {
                columns.Add(chunk.Outcomes[c]);
            }
        }

        await _rows.WriteRowGroupAsync(columns, n, cancellationToken).ConfigureAwait(false);
        if (_series is not null && chunk.Series is { } shares)
        {
            await WriteSeriesAsync(chunk, shares, cancellationToken).ConfigureAwait(false);
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

    private async Task WriteSeriesAsync(ChunkBuffers chunk, float[] shares, CancellationToken cancellationToken)
    {
        var (months, regions) = (_plan.Shape.Months, _plan.Shape.Regions);
        var length = chunk.Count * months * regions;
        if (_seriesScenario.Length < shares.Length)
        {
            _seriesScenario = new long[shares.Length];
            _seriesMonth = new int[shares.Length];
            _seriesRegion = new string[shares.Length];
        }

        var names = _plan.Spec.Regions;
        var k = 0;
        for (var i = 0; i < chunk.Count; i++)
        {
            for (var t = 0; t < months; t++)
            {
                for (var r = 0; r < regions; r++, k++)
                {
                    _seriesScenario[k] = chunk.First + i;
                    _seriesMonth[k] = t;
                    _seriesRegion[k] = names[r];
                }
            }
        }

        await _series!.WriteRowGroupAsync([_seriesScenario, _seriesMonth, _seriesRegion, shares], length, cancellationToken).ConfigureAwait(false);
    }

    private void EnsureScratch(int capacity)
    {
        if (_scenario.Length >= capacity)
        {
            return;
        }

        _scenario = new long[capacity];
        _axes = [.. _plan.Spec.Axes.Select(_ => new float[capacity])];
        var monthColumns = Enumerable.Range(0, _plan.OutcomeCount).Count(c => OutcomeColumns.IsMonth(c, _plan.Shape.Regions));
        _months = [.. Enumerable.Range(0, monthColumns).Select(_ => new int[capacity])];
    }
}
