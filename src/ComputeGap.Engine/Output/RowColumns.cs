using ComputeGap.Core.Designs;
using ComputeGap.Core.Model;
using ComputeGap.Core.Models;
using ComputeGap.Engine.Running;
using ComputeGap.IO.Parquet;

namespace ComputeGap.Engine.Output;

/// <summary>
/// The Parquet columns of row output for a plan, and the arrays that hold one chunk of them. The
/// scratch arrays (scenario index, axis values, whole months) are kept and reused chunk after chunk;
/// float outcome columns are the chunk's own buffers, not copies.
/// </summary>
public sealed class RowColumns
{
    private readonly SweepPlan _plan;
    private readonly int[] _monthColumns;
    private long[] _scenario = [];
    private float[][] _axes = [];
    private float[][] _sampled = [];
    private int[][] _months = [];
    private long[] _seriesScenario = [];
    private int[] _seriesMonth = [];
    private string[] _seriesRegion = [];
    private float[][] _seriesValues = [];

    public RowColumns(SweepPlan plan)
    {
        _plan = plan;
        _monthColumns = [.. Enumerable.Range(0, plan.OutcomeCount).Where(c => plan.Outcomes[c].Kind == OutcomeKind.Month)];
        var specs = new List<ColumnSpec> { new("scenario", ColumnType.Int64) };
        specs.AddRange(plan.Spec.Axes.Select(a => new ColumnSpec(a.Column, ColumnType.Float32)));
        specs.AddRange(plan.Spec.Uncertain.Select(u => new ColumnSpec(u.Column, ColumnType.Float32)));
        for (var c = 0; c < plan.OutcomeCount; c++)
        {
            specs.Add(new ColumnSpec(plan.OutcomeNames[c], plan.Outcomes[c].Kind == OutcomeKind.Month ? ColumnType.Int32 : ColumnType.Float32));
        }

        Specs = specs;
        SeriesSpecs =
        [
            new("scenario", ColumnType.Int64), new("month", ColumnType.Int32), new("region", ColumnType.String),
            .. plan.Model.SeriesColumns.Select(c => new ColumnSpec(c.Name, ColumnType.Float32)),
        ];
    }

    /// <summary>Row file columns: scenario, one per axis (or lever), one per uncertain parameter, every outcome (months as int32).</summary>
    public IReadOnlyList<ColumnSpec> Specs { get; }

    /// <summary>
    /// Series file columns, long form: one row per scenario, month and region, with the model's series
    /// columns (a world value such as the price repeats on every region's row).
    /// </summary>
    public IReadOnlyList<ColumnSpec> SeriesSpecs { get; }

    /// <summary>The row columns of <paramref name="chunk"/> (its first <c>Count</c> entries are the rows).</summary>
    public IReadOnlyList<Array> For(ChunkBuffers chunk)
    {
        var n = chunk.Count;
        if (_scenario.Length < chunk.Capacity)
        {
            _scenario = new long[chunk.Capacity];
            _axes = [.. _plan.AxisSlots.Select(_ => new float[chunk.Capacity])];
            _sampled = [.. _plan.Spec.Uncertain.Select(_ => new float[chunk.Capacity])];
            _months = [.. _monthColumns.Select(_ => new int[chunk.Capacity])];
        }

        for (var i = 0; i < n; i++)
        {
            _scenario[i] = chunk.First + i;
        }

        var columns = new List<Array>(Specs.Count) { _scenario };
        for (var a = 0; a < _axes.Length; a++)
        {
            FillAxis(_axes[a], chunk.First, n, a);
            columns.Add(_axes[a]);
        }

        if (_plan.Design is { } design)
        {
            FillSampled(design, chunk.First, n);
            columns.AddRange(_sampled);
        }

        for (var c = 0; c < _plan.OutcomeCount; c++)
        {
            var m = Array.IndexOf(_monthColumns, c);
            if (m < 0)
            {
                columns.Add(chunk.Outcomes[c]);
                continue;
            }

            var source = chunk.Outcomes[c];
            for (var i = 0; i < n; i++)
            {
                _months[m][i] = (int)source[i];
            }

            columns.Add(_months[m]);
        }

        return columns;
    }

    /// <summary>
    /// The series columns of the chunk's scenarios <paramref name="start"/> to <paramref name="start"/> +
    /// <paramref name="count"/> − 1 (positions in the chunk) from its series buffer ([scenario][month][value]);
    /// <paramref name="rows"/> gets count × months × regions. The arrays are reused from call to call.
    /// </summary>
    public IReadOnlyList<Array> SeriesFor(ChunkBuffers chunk, float[] values, int start, int count, out int rows)
    {
        var (months, regions, width) = (_plan.Shape.Months, _plan.Shape.Regions, _plan.SeriesWidth);
        var columns = _plan.Model.SeriesColumns;
        // Each column's first observer index and whether it steps by region, taken once from the layout (this loop runs per series row).
        var layout = _plan.Model.Series(regions);
        var starts = Enumerable.Range(0, columns.Count).Select(c => layout.Index(c, 0)).ToArray();
        var perRegion = columns.Select(c => c.PerRegion).ToArray();
        rows = count * months * regions;
        if (_seriesScenario.Length < rows)
        {
            var length = rows;
            _seriesScenario = new long[length];
            _seriesMonth = new int[length];
            _seriesRegion = new string[length];
            _seriesValues = [.. columns.Select(_ => new float[length])];
        }

        var names = _plan.Spec.Regions;
        var k = 0;
        for (var i = start; i < start + count; i++)
        {
            for (var t = 0; t < months; t++)
            {
                var month = ((i * months) + t) * width;
                for (var r = 0; r < regions; r++, k++)
                {
                    _seriesScenario[k] = chunk.First + i;
                    _seriesMonth[k] = t;
                    _seriesRegion[k] = names[r];
                    for (var c = 0; c < columns.Count; c++)
                    {
                        _seriesValues[c][k] = values[month + starts[c] + (perRegion[c] ? r : 0)];
                    }
                }
            }
        }

        return [_seriesScenario, _seriesMonth, _seriesRegion, .. _seriesValues];
    }

    /// <summary>
    /// The uncertain parameters' columns for rows <c>[first, first + count)</c>: the values the backends
    /// decoded, decoded again by the CPU backend's sampler (the kernels' bits), in parallel blocks.
    /// </summary>
    private void FillSampled(SampledDesign design, long first, int count)
    {
        const int Block = 4096;
        var evaluations = design.Evaluations;
        Parallel.For(0, (count + Block - 1) / Block, () => (new Backends.CpuDesignSampler(design), new float[_sampled.Length * Block]), (b, _, worker) =>
        {
            var (sampler, lanes) = worker;
            var start = b * Block;
            var n = Math.Min(count - start, Block);
            sampler.Fill((first + start) % evaluations, n, lanes, Block);
            for (var k = 0; k < _sampled.Length; k++)
            {
                Array.Copy(lanes, k * Block, _sampled[k], start, n);
            }

            return worker;
        },
        _ => { });
    }

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
}
