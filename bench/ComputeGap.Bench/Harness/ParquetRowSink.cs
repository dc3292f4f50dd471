using System.Text.Json;
using ComputeGap.Core;
using ComputeGap.Core.Model;
using ComputeGap.Engine.Running;
using ComputeGap.IO.Parquet;
using ComputeGap.IO.Reports;
using OutcomeColumns = ComputeGap.Core.Model.OutcomeColumns;

namespace ComputeGap.Bench.Harness;

/// <summary>
/// Writes a sweep's row output to one Parquet file, a row group per chunk: <c>scenario</c>, one
/// column per axis (the float32 value the model saw), then the outcome columns (month columns as
/// int32). The harness times it; the real sink belongs to the CLI's writer.
/// </summary>
internal sealed class ParquetRowSink : IChunkSink, IAsyncDisposable
{
    private readonly ParquetTableWriter _writer;
    private readonly SweepPlan _plan;
    private readonly int[] _monthColumns;
    private long[] _scenario = [];
    private float[][] _axes = [];
    private int[][] _months = [];

    private ParquetRowSink(ParquetTableWriter writer, SweepPlan plan, int[] monthColumns)
    {
        _writer = writer;
        _plan = plan;
        _monthColumns = monthColumns;
    }

    public static async Task<ParquetRowSink> CreateAsync(string path, SweepPlan plan, string backend, ParquetCompression compression)
    {
        var regions = plan.Shape.Regions;
        var columns = new List<ColumnSpec> { new("scenario", ColumnType.Int64) };
        columns.AddRange(plan.Spec.Axes.Select(a => new ColumnSpec(a.Column, ColumnType.Float32)));
        columns.AddRange(plan.OutcomeNames.Select((name, c) =>
            new ColumnSpec(name, OutcomeColumns.IsMonth(c, regions) ? ColumnType.Int32 : ColumnType.Float32)));
        var monthColumns = Enumerable.Range(0, plan.OutcomeCount).Where(c => OutcomeColumns.IsMonth(c, regions)).ToArray();

        var spec = plan.Spec;
        var metadata = new Dictionary<string, string>
        {
            [MetadataKeys.ModelVersion] = ModelLimits.ModelVersion,
            [MetadataKeys.SweepName] = spec.Name,
            [MetadataKeys.Regions] = JsonSerializer.Serialize(spec.Regions),
            [MetadataKeys.Axes] = JsonSerializer.Serialize(spec.Axes.Select(a => a.Column).ToArray()),
            [MetadataKeys.Focus] = spec.Regions[spec.Focus],
            [MetadataKeys.Rivals] = JsonSerializer.Serialize(new[] { spec.Regions[spec.RivalA], spec.Regions[spec.RivalB] }),
            [MetadataKeys.HorizonMonths] = spec.HorizonMonths.ToString(System.Globalization.CultureInfo.InvariantCulture),
            [MetadataKeys.Backend] = backend,
        };
        var writer = await ParquetTableWriter.CreateAsync(path, columns, metadata, compression).ConfigureAwait(false);
        return new ParquetRowSink(writer, plan, monthColumns);
    }

    public async Task WriteAsync(SweepPlan plan, ChunkBuffers chunk, CancellationToken cancellationToken)
    {
        EnsureCapacity(chunk.Capacity);
        var count = chunk.Count;
        for (var i = 0; i < count; i++)
        {
            _scenario[i] = chunk.First + i;
        }

        for (var a = 0; a < _axes.Length; a++)
        {
            FillAxis(_axes[a], chunk.First, count, a);
        }

        for (var m = 0; m < _monthColumns.Length; m++)
        {
            var source = chunk.Outcomes[_monthColumns[m]];
            for (var i = 0; i < count; i++)
            {
                _months[m][i] = (int)source[i];
            }
        }

        var arrays = new List<Array>(1 + _axes.Length + chunk.Outcomes.Length) { _scenario };
        arrays.AddRange(_axes);
        for (var c = 0; c < chunk.Outcomes.Length; c++)
        {
            var m = Array.IndexOf(_monthColumns, c);
            arrays.Add(m >= 0 ? _months[m] : chunk.Outcomes[c]);
        }

        await _writer.WriteRowGroupAsync(arrays, count, cancellationToken).ConfigureAwait(false);
    }

    public Task CommitAsync() => _writer.CommitAsync();

    /// <summary>
    /// Reads <paramref name="path"/> back and checks that it holds exactly the rows of
    /// <paramref name="chunks"/>: the scenario index, every axis and every outcome, value for value.
    /// </summary>
    /// <exception cref="InvalidDataException">The file is not what was written.</exception>
    public static async Task VerifyAsync(string path, SweepPlan plan, IReadOnlyList<ChunkBuffers> chunks)
    {
        var table = await ParquetTableReader.ReadAsync(path).ConfigureAwait(false);
        var rows = chunks.Sum(c => c.Count);
        Require(table.RowCount == rows, $"{table.RowCount} rows, not {rows}");
        var scenario = table["scenario"].As<long>();
        var outcomes = plan.OutcomeNames.Select(n => table[n].ToDoubles()).ToArray();
        var axes = plan.Spec.Axes.Select(a => table[a.Column].As<float>()).ToArray();
        var row = 0;
        foreach (var chunk in chunks)
        {
            for (var i = 0; i < chunk.Count; i++, row++)
            {
                var index = chunk.First + i;
                Require(scenario[row] == index, $"row {row} holds scenario {scenario[row]}, not {index}");
                for (var a = 0; a < axes.Length; a++)
                {
                    Require(axes[a][row] == plan.AxisValue(a, index), $"row {row}: wrong {plan.Spec.Axes[a].Column}");
                }

                for (var c = 0; c < outcomes.Length; c++)
                {
                    Require(outcomes[c][row].Equals((double)chunk.Outcomes[c][i]), $"row {row}: wrong {plan.OutcomeNames[c]}");
                }
            }
        }
    }

    public ValueTask DisposeAsync() => _writer.DisposeAsync();

    /// <summary>An axis column for rows <c>[first, first + count)</c>, filled run by run (one value per stride) instead of dividing per row.</summary>
    private void FillAxis(float[] column, long first, int count, int axis)
    {
        var stride = _plan.AxisStrides[axis];
        var length = _plan.AxisCounts[axis];
        var values = _plan.AxisValues.AsSpan(_plan.AxisOffsets[axis], length);
        var position = GridPosition.Of(first, stride, length);
        var into = first % stride;
        for (var i = 0; i < count;)
        {
            var run = (int)Math.Min(stride - into, count - i);
            column.AsSpan(i, run).Fill(values[position]);
            i += run;
            into = 0;
            position = position + 1 == length ? 0 : position + 1;
        }
    }

    private static void Require(bool ok, string what)
    {
        if (!ok)
        {
            throw new InvalidDataException($"Parquet round trip failed: {what}.");
        }
    }

    private void EnsureCapacity(int capacity)
    {
        if (_scenario.Length >= capacity)
        {
            return;
        }

        _scenario = new long[capacity];
        _axes = [.. _plan.AxisSlots.Select(_ => new float[capacity])];
        _months = [.. _monthColumns.Select(_ => new int[capacity])];
    }
}
