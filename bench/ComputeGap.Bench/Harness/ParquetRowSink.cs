using System.Text.Json;
using ComputeGap.Core;
using ComputeGap.Engine.Output;
using ComputeGap.Engine.Running;
using ComputeGap.IO.Parquet;
using ComputeGap.IO.Reports;

namespace ComputeGap.Bench.Harness;

/// <summary>
/// Writes a sweep's row output to one Parquet file, a row group per chunk: <c>scenario</c>, one
/// column per axis (the float32 value the model saw), then the outcome columns (month columns as
/// int32). The harness times it; the real sink belongs to the CLI's writer.
/// </summary>
internal sealed class ParquetRowSink : IChunkSink, IAsyncDisposable
{
    private readonly ParquetTableWriter _writer;
    private readonly RowColumns _columns;

    private ParquetRowSink(ParquetTableWriter writer, RowColumns columns)
    {
        _writer = writer;
        _columns = columns;
    }

    public static async Task<ParquetRowSink> CreateAsync(string path, SweepPlan plan, string backend, ParquetCompression compression)
    {
        var columns = new RowColumns(plan);

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
        var writer = await ParquetTableWriter.CreateAsync(path, columns.Specs, metadata, compression).ConfigureAwait(false);
        return new ParquetRowSink(writer, columns);
    }

    public Task WriteAsync(SweepPlan plan, ChunkBuffers chunk, CancellationToken cancellationToken) =>
        _writer.WriteRowGroupAsync(_columns.For(chunk), chunk.Count, cancellationToken);

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

    private static void Require(bool ok, string what)
    {
        if (!ok)
        {
            throw new InvalidDataException($"Parquet round trip failed: {what}.");
        }
    }
}
