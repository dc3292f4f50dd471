using ComputeGap.Core.Designs;
using ComputeGap.Core.Model;
using ComputeGap.Core.Models;
using ComputeGap.Engine.Running;
using ComputeGap.IO.Parquet;
using ComputeGap.IO.Reports;
using ColumnNames = ComputeGap.IO.Reports.OutcomeColumns;

namespace ComputeGap.Engine.Output;

/// <summary>
/// The Parquet columns of row output for a plan (<see cref="RowSchema.Current"/>), and the arrays that hold
/// one chunk of them. The scratch arrays (scenario index, axis values, whole months, dates) are kept and
/// reused chunk after chunk; float outcome columns are the chunk's own buffers, not copies.
/// </summary>
/// <remarks>
/// Axis columns are doubles holding the values as the sweep file writes them (<see cref="SweepPlan.AxisWritten"/>),
/// though the model computes with their float32. A month outcome is a nullable int32 whose −1 ("never") the
/// writer turns into NULL (<see cref="ColumnTypes.NullInt32"/>), followed by its calendar date column.
/// </remarks>
public sealed class RowColumns
{
    private readonly SweepPlan _plan;
    private readonly int[] _monthColumns;
    private readonly DateOnly[] _monthDates;
    private long[] _scenario = [];
    private double[][] _axes = [];
    private float[][] _sampled = [];
    private int[][] _months = [];
    private DateOnly[][] _dates = [];
    private long[] _seriesScenario = [];
    private int[] _seriesMonth = [];
    private DateOnly[] _seriesDate = [];
    private string[] _seriesRegion = [];
    private float[][] _seriesValues = [];

    public RowColumns(SweepPlan plan)
    {
        _plan = plan;
        _monthColumns = [.. Enumerable.Range(0, plan.OutcomeCount).Where(c => plan.Outcomes[c].Kind == OutcomeKind.Month)];
        _monthDates = CalendarMonth.Dates(CalendarMonth.Parse(plan.Spec.Baseline.StartMonth), plan.Shape.Months);
        var specs = new List<ColumnSpec> { new(ColumnNames.Scenario, ColumnType.Int64) };
        specs.AddRange(plan.Spec.Axes.Select(a => new ColumnSpec(a.Column, ColumnType.Float64)));
        specs.AddRange(plan.Spec.Uncertain.Select(u => new ColumnSpec(u.Column, ColumnType.Float32)));
        for (var c = 0; c < plan.OutcomeCount; c++)
        {
            var name = plan.OutcomeNames[c];
            if (plan.Outcomes[c].Kind != OutcomeKind.Month)
            {
                specs.Add(new ColumnSpec(name, ColumnType.Float32));
                continue;
            }

            specs.Add(new ColumnSpec(name, ColumnType.Int32, Nullable: true));
            specs.Add(new ColumnSpec(CalendarMonth.DateColumn(name), ColumnType.Date, Nullable: true));
        }

        Specs = specs;
        SeriesSpecs =
        [
            new(ColumnNames.Scenario, ColumnType.Int64), new(SeriesMonth, ColumnType.Int32), new(SeriesDate, ColumnType.Date),
            new(SeriesRegion, ColumnType.String), .. plan.Model.SeriesColumns.Select(c => new ColumnSpec(c.Name, ColumnType.Float32)),
        ];
    }

    /// <summary>The series files' month index column.</summary>
    public const string SeriesMonth = "month";

    /// <summary>The series files' calendar month column (the first day of <see cref="SeriesMonth"/>).</summary>
    public const string SeriesDate = "date";

    /// <summary>The series files' region column.</summary>
    public const string SeriesRegion = "region";

    /// <summary>
    /// Row file columns: scenario, one per axis (or lever) as written, one per uncertain parameter, every outcome
    /// (a month as a nullable int32 followed by its date).
    /// </summary>
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
            _axes = [.. _plan.AxisSlots.Select(_ => new double[chunk.Capacity])];
            _sampled = [.. _plan.Spec.Uncertain.Select(_ => new float[chunk.Capacity])];
            _months = [.. _monthColumns.Select(_ => new int[chunk.Capacity])];
            _dates = [.. _monthColumns.Select(_ => new DateOnly[chunk.Capacity])];
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
            var (months, dates) = (_months[m], _dates[m]);
            for (var i = 0; i < n; i++)
            {
                var month = (int)source[i];
                months[i] = month;
                dates[i] = month == ColumnNames.NeverMonth ? ColumnTypes.NullDate : DateOf(month);
            }

            columns.Add(months);
            columns.Add(dates);
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
            _seriesDate = new DateOnly[length];
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
                    _seriesDate[k] = _monthDates[t];
                    _seriesRegion[k] = names[r];
                    for (var c = 0; c < columns.Count; c++)
                    {
                        _seriesValues[c][k] = values[month + starts[c] + (perRegion[c] ? r : 0)];
                    }
                }
            }
        }

        return [_seriesScenario, _seriesMonth, _seriesDate, _seriesRegion, .. _seriesValues];
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

    /// <summary>The calendar date of month index <paramref name="month"/> (from the table of the run's months when inside it).</summary>
    private DateOnly DateOf(int month) =>
        (uint)month < (uint)_monthDates.Length ? _monthDates[month] : CalendarMonth.DateOf(_monthDates[0], month);

    /// <summary>An axis column for rows <c>[first, first + count)</c>, filled run by run (one value per stride) instead of dividing per row.</summary>
    private void FillAxis(double[] column, long first, int count, int axis)
    {
        var stride = _plan.AxisStrides[axis];
        var length = _plan.AxisCounts[axis];
        var values = _plan.AxisWritten.AsSpan(_plan.AxisOffsets[axis], length);
        var position = ScenarioDesign.Position(_plan.Decoder, axis, first);
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
