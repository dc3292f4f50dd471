using System.Numerics;
using ComputeGap.Core.Reduction;
using ComputeGap.Engine.Running;
using ComputeGap.IO.Parquet;
using ComputeGap.IO.Reports;

namespace ComputeGap.Engine.Aggregation;

/// <summary>
/// Aggregates of a sweep (or a shard of one) in mergeable form: counts as integers, sums exactly
/// (<see cref="ExactSum"/>), minima and maxima, quantile-sketch counts, per-axis-value main effects,
/// threshold counts and the k best and worst focus shares. Adding block records (<see cref="Add"/>)
/// and merging states (<see cref="Merge"/>) are exact and commutative, so the result is bit-identical
/// whatever the chunk size, thread count, shard split or order of arrival.
/// </summary>
/// <remarks>Not thread-safe: give each thread its own state and merge them.</remarks>
public sealed partial class AggregateState : IOutcomeTotals
{
    private readonly long[] _finite;
    private readonly ExactSum[] _sums;
    private readonly double[] _min;
    private readonly double[] _max;
    private readonly long[] _sketch;
    private readonly long[] _effectCount;
    private readonly long[] _effectFinite;
    private readonly ExactSum[] _effectSums;
    private readonly long[] _thresholds;
    private readonly ExtremeList _best;
    private readonly ExtremeList _worst;
    private readonly string _shapeKey;

    /// <summary>An empty state for a sweep's block records.</summary>
    public AggregateState(SweepPlan plan, PartialLayout layout)
        : this(AggregateShape.From(plan, layout))
    {
    }

    /// <summary>An empty state of the given shape.</summary>
    public AggregateState(AggregateShape shape)
    {
        Shape = shape;
        _shapeKey = shape.ToJson();
        var outcomes = shape.Outcomes.Count;
        var values = shape.Layout.AxisValues;
        _finite = new long[outcomes];
        _sums = [.. Enumerable.Range(0, outcomes).Select(_ => new ExactSum())];
        _min = [.. Enumerable.Repeat(double.PositiveInfinity, outcomes)];
        _max = [.. Enumerable.Repeat(double.NegativeInfinity, outcomes)];
        _sketch = new long[outcomes * QuantileSketch.Length];
        _thresholds = new long[shape.Thresholds.Count];
        _effectCount = new long[values];
        _effectFinite = new long[values * outcomes];
        _effectSums = [.. Enumerable.Range(0, values * outcomes).Select(_ => new ExactSum())];
        _best = new ExtremeList(shape.Layout.Extremes, highest: true);
        _worst = new ExtremeList(shape.Layout.Extremes, highest: false);
    }

    /// <summary>What the state aggregates.</summary>
    public AggregateShape Shape { get; }

    /// <summary>Fan charts of the monthly series columns, when the sweep kept them (<c>--series</c>), else null.</summary>
    public FanState? Fans { get; private set; }

    /// <summary>Sobol or Morris sums, when the sweep's design has them, else null.</summary>
    public SensitivityState? Sensitivity { get; private set; }

    /// <summary>
    /// The cells of the grid's variance decomposition, when every chunk and state added kept them (a
    /// grid's aggregates written by this version); null otherwise, and for sampled designs.
    /// </summary>
    public GridCells? GridCells { get; private set; }

    /// <summary>Set once scenarios without grid cells were added: the cells would describe part of the grid.</summary>
    private bool _gridCellsIncomplete;

    /// <summary>
    /// Takes in added scenarios' grid cells, or notes that they came without (<paramref name="cells"/> null,
    /// or out of range); <paramref name="before"/> is how many scenarios the state held before them.
    /// </summary>
    private void AddGridCells(GridCells? cells, bool hasScenarios, long before)
    {
        if (!hasScenarios && cells is null)
        {
            return;
        }

        if (cells is null || cells.OutOfRange || _gridCellsIncomplete || (GridCells is null && before > 0)
            || (GridCells is not null && !GridCells.SameLayout(cells)))
        {
            _gridCellsIncomplete = true;
            GridCells = null;
            return;
        }

        (GridCells ??= cells.EmptyLike()).Merge(cells);
        if (GridCells.OutOfRange)
        {
            // A total beyond 128 bits: the sums no longer hold the grid.
            _gridCellsIncomplete = true;
            GridCells = null;
        }
    }

    /// <summary>Starts keeping the sensitivity sums of <paramref name="design"/>: chunks then carry their records (<see cref="AggregateChunk.Sensitivity"/>).</summary>
    public void KeepSensitivity(IO.Reports.DesignInfo design) =>
        Sensitivity ??= new SensitivityState(design, Shape.GridSize / Shape.Evaluations, Shape.Outcomes);

    /// <summary>The bitmap of <c>sweep --where</c>, when the sweep keeps one, else null.</summary>
    public WhereBits? Where { get; private set; }

    /// <summary>The grid's bitmap of the kept condition, with the grid's axes (a grid's aggregates only).</summary>
    /// <exception cref="InvalidDataException">No bitmap, a sampled design, or a bitmap that does not cover the grid.</exception>
    public IO.Discovery.GridBitmap Bitmap()
    {
        if (Where is null)
        {
            throw new InvalidDataException("these aggregates keep no bitmap: run the sweep with --where EXPR (or write rows)");
        }

        if (Shape.Evaluations != 1)
        {
            throw new InvalidDataException("a sampled design's aggregates have no grid to search; write rows and run discover on them");
        }

        return new IO.Discovery.GridBitmap(
            [.. Shape.Axes.Select(a => a.Column)],
            [.. Shape.Axes.Select(a => a.Values.Select(v => (double)v).ToArray())],
            Where.ToWords(Shape.GridSize));
    }

    /// <summary>Starts keeping the bitmap of <paramref name="condition"/> (on this state's outcomes).</summary>
    /// <exception cref="ArgumentException">The condition reads a column that is not an outcome.</exception>
    public void KeepWhere(IO.Discovery.WhereExpression condition) => Where ??= new WhereBits(condition, Shape.Outcomes);

    /// <summary>Starts keeping fan charts of <paramref name="columns"/> (the model's series columns) over <paramref name="months"/> months.</summary>
    public void KeepFans(int months, IReadOnlyList<Core.Models.SeriesColumn> columns) => Fans ??= new FanState(months, Shape.Regions, columns);

    /// <summary>Key-value metadata of the files it was read from (empty for a state built in memory).</summary>
    public IReadOnlyDictionary<string, string> Metadata { get; internal set; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>Scenarios aggregated.</summary>
    public long Scenarios { get; private set; }

    /// <summary>The k highest focus shares, highest first (ties: lower scenario first).</summary>
    public IReadOnlyList<ExtremeScenario> Best => _best.Items;

    /// <summary>The k lowest focus shares, lowest first (ties: lower scenario first).</summary>
    public IReadOnlyList<ExtremeScenario> Worst => _worst.Items;

    /// <summary>Every outcome's statistics are kept.</summary>
    public bool Keeps(int outcome) => true;

    /// <summary>Scenarios whose outcome <paramref name="outcome"/> is finite.</summary>
    public long FiniteCount(int outcome) => _finite[outcome];

    /// <summary>The exact sum of outcome <paramref name="outcome"/>'s finite values (a copy).</summary>
    public ExactSum SumOf(int outcome) => _sums[outcome].Clone();

    /// <summary>Least finite value of the outcome (+∞ when none).</summary>
    public double Min(int outcome) => _min[outcome];

    /// <summary>Greatest finite value of the outcome (−∞ when none).</summary>
    public double Max(int outcome) => _max[outcome];

    /// <summary>The outcome's quantile-sketch counts, <see cref="QuantileSketch.Length"/> slots.</summary>
    public ReadOnlySpan<long> Sketch(int outcome) => _sketch.AsSpan(outcome * QuantileSketch.Length, QuantileSketch.Length);

    /// <summary>Scenarios taking axis value <paramref name="value"/> (position in the concatenated value list).</summary>
    public long EffectCount(int value) => _effectCount[value];

    /// <summary>Scenarios taking axis value <paramref name="value"/> whose outcome is finite.</summary>
    public long EffectFinite(int value, int outcome) => _effectFinite[(value * Shape.Outcomes.Count) + outcome];

    /// <summary>The exact sum of the outcome's finite values over scenarios taking the axis value (a copy).</summary>
    public ExactSum EffectSumOf(int value, int outcome) => _effectSums[(value * Shape.Outcomes.Count) + outcome].Clone();

    /// <summary>Scenarios meeting threshold test <paramref name="threshold"/> of <see cref="AggregateShape.Thresholds"/>.</summary>
    public long ThresholdCount(int threshold) => _thresholds[threshold];

    /// <summary>Adds the block records and sketch counts of one chunk.</summary>
    /// <exception cref="ArgumentException">The arrays do not fit the layout, or a record is malformed.</exception>
    public void Add(AggregateChunk chunk)
    {
        var layout = Shape.Layout;
        var outcomes = Shape.Outcomes.Count;
        if (chunk.Sensitivity is { } unitRecords && Sensitivity is not null)
        {
            // Before anything of the chunk is added.
            Sensitivity.Check(unitRecords, chunk.FirstBlock * PartialLayout.BlockSize, chunk.Count);
        }

        if (chunk.Blocks < 0 || chunk.Partials.Length < (long)chunk.Blocks * layout.Length || chunk.Sketch.Length != _sketch.Length)
        {
            throw new ArgumentException(
                $"A chunk of {chunk.Blocks} blocks needs {(long)chunk.Blocks * layout.Length} partials and {_sketch.Length} sketch counts, " +
                $"not {chunk.Partials.Length} and {chunk.Sketch.Length}.", nameof(chunk));
        }

        var finiteBefore = (long[])_finite.Clone();
        var scenariosBefore = Scenarios;
        for (var b = 0; b < chunk.Blocks; b++)
        {
            var part = chunk.Partials.AsSpan(b * layout.Length, layout.Length);
            var count = Count(part[PartialLayout.Count], chunk.FirstBlock + b);
            if (count == 0)
            {
                continue;
            }

            Scenarios += count;
            for (var o = 0; o < outcomes; o++)
            {
                _finite[o] += Count(part[PartialLayout.Finite(o)], chunk.FirstBlock + b);
                _sums[o].Add(part[layout.Sum(o)]);
                _min[o] = Math.Min(_min[o], part[layout.Min(o)]);
                _max[o] = Math.Max(_max[o], part[layout.Max(o)]);
            }

            for (var v = 0; v < layout.AxisValues; v++)
            {
                var members = Count(part[layout.EffectCount(v)], chunk.FirstBlock + b);
                if (members == 0)
                {
                    // Most axis values take no scenario of a block (all but one of a slow axis's):
                    // their slots hold zeros, and adding zeros would cost an exact addition each.
                    RequireEmpty(part, v, chunk.FirstBlock + b);
                    continue;
                }

                _effectCount[v] += members;
                for (var o = 0; o < outcomes; o++)
                {
                    _effectFinite[(v * outcomes) + o] += Count(part[layout.EffectFinite(v, o)], chunk.FirstBlock + b);
                    _effectSums[(v * outcomes) + o].Add(part[layout.EffectSum(v, o)]);
                }
            }

            for (var j = 0; j < _thresholds.Length; j++)
            {
                _thresholds[j] += Count(part[layout.Threshold(j)], chunk.FirstBlock + b);
            }

            AddExtremes(part, chunk.FirstBlock + b);
        }

        // A backend that was handed cells must have reduced every block into them: each share's total count is
        // its finite values, which the block records count too.
        // (A month outcome's cells leave its "never" out, which the records count: those are not compared.)
        for (var o = 0; o < (chunk.GridCells?.Outcomes ?? 0); o++)
        {
            var column = chunk.GridCells!.Columns[o];
            if (!chunk.GridCells.Never[o] && chunk.GridCells.Count(o, 0) != _finite[column] - finiteBefore[column])
            {
                throw new ArgumentException($"the chunk's grid cells count {chunk.GridCells.Count(o, 0)} finite values of {Shape.Outcomes[column]}, its blocks {_finite[column] - finiteBefore[column]}", nameof(chunk));
            }
        }

        AddGridCells(chunk.GridCells, chunk.Blocks > 0, scenariosBefore);
        AddAll(_sketch, chunk.Sketch);
        if (chunk.Fans is { } fans)
        {
            if (Fans is null)
            {
                throw new ArgumentException("this state keeps no fan charts; call KeepFans first", nameof(chunk));
            }

            Fans.Add(fans);
        }

        if (chunk.Sensitivity is { } records)
        {
            if (Sensitivity is null)
            {
                throw new ArgumentException("this state keeps no sensitivity sums; call KeepSensitivity first", nameof(chunk));
            }

            Sensitivity.Add(records, chunk.FirstBlock * PartialLayout.BlockSize, chunk.Count);
        }
        else if (Sensitivity is not null && chunk.Blocks > 0)
        {
            throw new ArgumentException("this state keeps sensitivity sums and needs the chunk's sensitivity records", nameof(chunk));
        }

        if (chunk.Outcomes is { } columns)
        {
            if (Where is null && Policies is null)
            {
                throw new ArgumentException("this state keeps neither a bitmap nor a policy comparison; call KeepWhere or KeepPolicies first", nameof(chunk));
            }

            Where?.Add(columns, chunk.FirstBlock * PartialLayout.BlockSize, chunk.Count);
            Policies?.Add(columns, chunk.FirstBlock * PartialLayout.BlockSize, chunk.Count);
        }
        else if (Policies is not null && chunk.Blocks > 0)
        {
            throw new ArgumentException("this state compares policies and needs the chunk's outcome columns", nameof(chunk));
        }
    }

    /// <summary>Checks that an axis value no scenario of the block took has nothing in its main-effect slots.</summary>
    private void RequireEmpty(ReadOnlySpan<double> part, int value, long block)
    {
        var layout = Shape.Layout;
        for (var o = 0; o < Shape.Outcomes.Count; o++)
        {
            if (part[layout.EffectFinite(value, o)] != 0 || part[layout.EffectSum(value, o)] != 0)
            {
                throw new ArgumentException($"block {block}: axis value {value} has no scenarios but non-zero main-effect sums", nameof(part));
            }
        }
    }

    /// <summary>Adds another state of the same shape (another thread's or shard's).</summary>
    /// <exception cref="ArgumentException">The shapes differ.</exception>
    public void Merge(AggregateState other)
    {
        if (!string.Equals(_shapeKey, other._shapeKey, StringComparison.Ordinal))
        {
            throw new ArgumentException("Aggregates of different shapes (outcomes, axes, focus or layout) cannot be merged.", nameof(other));
        }

        AddGridCells(other.GridCells, other.Scenarios > 0, Scenarios);
        AddPolicies(other.Policies, other.Scenarios > 0, Scenarios);
        Scenarios += other.Scenarios;
        for (var o = 0; o < _finite.Length; o++)
        {
            _finite[o] += other._finite[o];
            _sums[o].Add(other._sums[o]);
            _min[o] = Math.Min(_min[o], other._min[o]);
            _max[o] = Math.Max(_max[o], other._max[o]);
        }

        AddAll(_sketch, other._sketch);
        AddAll(_effectCount, other._effectCount);
        AddAll(_effectFinite, other._effectFinite);
        for (var i = 0; i < _effectSums.Length; i++)
        {
            _effectSums[i].Add(other._effectSums[i]);
        }

        AddAll(_thresholds, other._thresholds);
        _best.Merge(other._best);
        _worst.Merge(other._worst);
        if (other.Sensitivity is { } sensitivity)
        {
            KeepSensitivity(sensitivity.Design);
            Sensitivity!.Merge(sensitivity);
        }

        if (other.Where is { } where)
        {
            KeepWhere(where.Condition);
            Where!.Merge(where);
        }

        if (other.Fans is { } fans)
        {
            KeepFans(fans.Months, fans.Layout.Columns);
            Fans!.Merge(fans);
        }

        if (Metadata.Count == 0)
        {
            Metadata = other.Metadata;
        }
    }

    /// <summary>True when both states hold exactly the same aggregates (metadata aside).</summary>
    public bool ExactlyEquals(AggregateState other) =>
        string.Equals(_shapeKey, other._shapeKey, StringComparison.Ordinal)
        && Scenarios == other.Scenarios
        && _finite.AsSpan().SequenceEqual(other._finite)
        && _min.AsSpan().SequenceEqual(other._min)
        && _max.AsSpan().SequenceEqual(other._max)
        && _sketch.AsSpan().SequenceEqual(other._sketch)
        && _effectCount.AsSpan().SequenceEqual(other._effectCount)
        && _effectFinite.AsSpan().SequenceEqual(other._effectFinite)
        && _thresholds.AsSpan().SequenceEqual(other._thresholds)
        && Best.SequenceEqual(other.Best)
        && Worst.SequenceEqual(other.Worst)
        && _sums.Zip(other._sums).All(p => p.First.ExactlyEquals(p.Second))
        && _effectSums.Zip(other._effectSums).All(p => p.First.ExactlyEquals(p.Second))
        && (Fans is null ? other.Fans is null : other.Fans is not null && Fans.ExactlyEquals(other.Fans))
        && (Sensitivity is null ? other.Sensitivity is null : other.Sensitivity is not null && Sensitivity.ExactlyEquals(other.Sensitivity))
        && (GridCells is null ? other.GridCells is null : other.GridCells is not null && GridCells.ExactlyEquals(other.GridCells))
        && (Where is null ? other.Where is null : other.Where is not null && Where.ExactlyEquals(other.Where))
        && (Policies is null ? other.Policies is null : other.Policies is not null && Policies.ExactlyEquals(other.Policies));

    /// <summary>The report <c>summarize</c> prints, from the aggregates (see <see cref="AggregateSummary"/>).</summary>
    /// <param name="metadata">Metadata naming the focus, rivals, axes…; null uses <see cref="Metadata"/>.</param>
    public SummaryData ToSummary(IReadOnlyDictionary<string, string>? metadata = null) =>
        AggregateSummary.From(this, metadata ?? Metadata);

    /// <summary>Writes the aggregate tables as <c>&lt;stem&gt;.agg-&lt;table&gt;.parquet</c> (see <see cref="AggregateFiles"/>).</summary>
    /// <returns>The paths written.</returns>
    public Task<IReadOnlyList<string>> WriteAsync(string stem, IReadOnlyDictionary<string, string> metadata,
        ParquetCompression compression = default, CancellationToken cancellationToken = default) =>
        AggregateWriter.WriteAsync(this, stem, metadata, compression, cancellationToken);

    /// <summary>Reads and merges every aggregate part in a directory, or the parts of one stem (see <see cref="AggregateReader"/>).</summary>
    public static Task<AggregateState> ReadAsync(string directoryOrStem, CancellationToken cancellationToken = default) =>
        AggregateReader.ReadAsync(directoryOrStem, cancellationToken);

    private void AddExtremes(ReadOnlySpan<double> part, long block)
    {
        var layout = Shape.Layout;
        for (var i = 0; i < layout.Extremes; i++)
        {
            Offer(_best, part[layout.BestScenario(i)], part[layout.BestValue(i)], block);
            Offer(_worst, part[layout.WorstScenario(i)], part[layout.WorstValue(i)], block);
        }
    }

    private static void Offer(ExtremeList list, double scenario, double value, long block)
    {
        if (scenario < 0)
        {
            return;
        }

        var index = (long)scenario;
        if (index != scenario || index / PartialLayout.BlockSize != block || !double.IsFinite(value))
        {
            throw new ArgumentException($"Block {block} lists scenario {scenario} with focus share {value} among its extremes.");
        }

        list.Offer(index, value);
    }

    private static long Count(double value, long block)
    {
        var count = (long)value;
        return count == value && count >= 0 && count <= PartialLayout.BlockSize
            ? count
            : throw new ArgumentException($"Block {block} holds a count of {value}, not a whole number of scenarios in 0…{PartialLayout.BlockSize}.");
    }

    private static void AddAll(long[] target, long[] source)
    {
        var i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            for (; i <= target.Length - Vector<long>.Count; i += Vector<long>.Count)
            {
                (new Vector<long>(target, i) + new Vector<long>(source, i)).CopyTo(target, i);
            }
        }

        for (; i < target.Length; i++)
        {
            target[i] += source[i];
        }
    }
}
