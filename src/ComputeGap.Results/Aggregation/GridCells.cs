using ComputeGap.IO.Reports;
using ComputeGap.IO.Sensitivity;
using ComputeGap.IO.Statistics;

namespace ComputeGap.Engine.Aggregation;

/// <summary>
/// What a grid's exact variance decomposition needs, kept in aggregate mode for the regional shares
/// (the first <see cref="AggregateShape.Regions"/> outcomes): per outcome, the count, sum and sum of
/// squares of its finite values; per axis value, the count and sum over the scenarios taking it; per
/// cell of every pair of axes with at most <see cref="GridDecomposition.MaxValuesPerAxis"/> values
/// each, the count and sum over its scenarios. Each block adds doubles that depend on its own values
/// alone (<see cref="GridCellReducer"/>), and the cells add them with integer arithmetic, so the cells
/// are the same bits whatever the chunk size, thread count, shard split or order of arrival.
/// </summary>
/// <remarks>
/// <para>
/// A cell's sum is fixed point: 128-bit integers in units of 2^-64 (<see cref="Scale"/>), each block's
/// double rounded once to the nearest unit (ties to even). Integer addition is exact and associative,
/// and a flat array of them costs a block's hundreds of cells a few nanoseconds each, where one
/// <see cref="ExactSum"/> object per cell cost tens. Shares lie in [0, 1], so a unit is far below any
/// value that moves a mean. A block's sum beyond 2^40 in magnitude (a test function's output can be
/// anything), or a total beyond what 128 bits hold (2^63), marks the cells <see cref="OutOfRange"/>
/// instead: such cells are never kept, and the report says there is no decomposition. The block's total
/// (cell 0) is added as the two parts of a compensated sum and the sums of squares, few and unbounded,
/// are <see cref="ExactSum"/>, so the variance is computed exactly from them (<see cref="Variance"/>).
/// </para>
/// <para>
/// Per outcome, cell 0 is the outcome's total, then
/// every axis's values (<see cref="AxisCell"/>), then every kept pair's n_a × n_b cells
/// (<see cref="PairCell"/>, the second axis fastest). Pairs are taken in axis order, each kept
/// if outcomes × cells stay within <see cref="MaxEntries"/> with it. Entries are cell-major (<see cref="Entry"/>).
/// </para>
/// </remarks>
public sealed class GridCells
{
    /// <summary>Most entries (outcomes × cells) kept: two-way tables beyond it are left out.</summary>
    public const int MaxEntries = 1 << 18;

    private readonly long[] _counts;
    private readonly Int128[] _sums;
    private readonly ExactSum[] _squares;

    /// <summary>Units of a cell's fixed-point sum per 1: 2^64.</summary>
    public const double Scale = 18446744073709551616.0;

    /// <summary>Largest magnitude of a block's sum of one cell: 2^40.</summary>
    private const double MaxBlockSum = 1099511627776.0;
    private readonly int[] _axisCell;
    private readonly int[] _pairCell;

    /// <summary>
    /// The cells of <paramref name="shape"/>'s regional shares, and of the outcomes in
    /// <paramref name="more"/> (<c>sweep --decompose</c>), over its axes.
    /// </summary>
    /// <exception cref="ArgumentException">The shape is a sampled design's or has no axes, or an outcome is not one of its.</exception>
    public GridCells(AggregateShape shape, IReadOnlyList<string>? more = null)
    {
        if (shape.Evaluations != 1 || shape.Axes.Count == 0)
        {
            throw new ArgumentException("grid cells belong to a grid with at least one axis", nameof(shape));
        }

        Shape = shape;
        var kept = Enumerable.Range(0, shape.Regions).ToList();
        foreach (var name in more ?? [])
        {
            var column = shape.Outcomes.ToList().IndexOf(name);
            if (column < 0)
            {
                throw new ArgumentException($"no outcome '{name}' to decompose", nameof(more));
            }

            if (!kept.Contains(column))
            {
                kept.Add(column);
            }
        }

        Columns = kept;
        Names = [.. kept.Select(c => shape.Outcomes[c])];
        Never = [.. Names.Select(OutcomeColumns.IsMonth)];
        Outcomes = kept.Count;
        Counts = [.. shape.Axes.Select(a => a.Values.Count)];
        Strides = [.. Enumerable.Range(0, Counts.Count).Select(shape.Stride)];
        _axisCell = new int[Counts.Count];
        var cells = 1;
        for (var a = 0; a < Counts.Count; a++)
        {
            _axisCell[a] = cells;
            cells = checked(cells + Counts[a]);
        }

        var pairs = new List<(int A, int B)>();
        var pairCells = new List<int>();
        for (var a = 0; a < Counts.Count; a++)
        {
            for (var b = a + 1; b < Counts.Count; b++)
            {
                var size = Counts[a] * Counts[b];
                if (Counts[a] <= GridDecomposition.MaxValuesPerAxis && Counts[b] <= GridDecomposition.MaxValuesPerAxis
                    && (long)(cells + size) * Outcomes <= MaxEntries)
                {
                    pairs.Add((a, b));
                    pairCells.Add(cells);
                    cells += size;
                }
            }
        }

        Pairs = pairs;
        _pairCell = [.. pairCells];
        CellCount = cells;
        _counts = new long[Outcomes * cells];
        _sums = new Int128[Outcomes * cells];
        _squares = [.. Enumerable.Range(0, Outcomes).Select(_ => new ExactSum())];
    }

    /// <summary>Empty cells laid out as these.</summary>
    public GridCells EmptyLike() => new(Shape, Extra);

    /// <summary>The aggregates' shape.</summary>
    public AggregateShape Shape { get; }

    /// <summary>Outcomes kept: the regional shares, then those asked for.</summary>
    public int Outcomes { get; }

    /// <summary>Each kept outcome's column among the shape's outcomes.</summary>
    public IReadOnlyList<int> Columns { get; }

    /// <summary>Each kept outcome's name.</summary>
    public IReadOnlyList<string> Names { get; }

    /// <summary>Whether each kept outcome is a month, whose −1 ("never") is left out like a non-finite value.</summary>
    public IReadOnlyList<bool> Never { get; }

    /// <summary>The kept outcomes beyond the regional shares (what <c>sweep --decompose</c> asked for).</summary>
    public IReadOnlyList<string> Extra => [.. Names.Skip(Shape.Regions)];

    /// <summary>Values of each axis.</summary>
    public IReadOnlyList<int> Counts { get; }

    /// <summary>Scenarios between consecutive values of each axis.</summary>
    public IReadOnlyList<long> Strides { get; }

    /// <summary>The pairs of axes (first &lt; second) whose cells are kept.</summary>
    public IReadOnlyList<(int A, int B)> Pairs { get; }

    /// <summary>Cells per outcome.</summary>
    public int CellCount { get; }

    /// <summary>The cell of axis <paramref name="axis"/>'s value at <paramref name="position"/>.</summary>
    public int AxisCell(int axis, int position) => _axisCell[axis] + position;

    /// <summary>The cell of kept pair <paramref name="pair"/> at positions (<paramref name="p"/>, <paramref name="q"/>).</summary>
    public int PairCell(int pair, int p, int q) => _pairCell[pair] + (p * Counts[Pairs[pair].B]) + q;

    /// <summary>Where a cell of an outcome is kept: cell-major, so a block's cells, added in cell order, are written in memory order.</summary>
    private int Entry(int outcome, int cell) => (cell * Outcomes) + outcome;

    /// <summary>
    /// True once a block's sum was beyond 2^40 in magnitude or a total beyond 128 bits: the cells no longer
    /// hold the sums, and are not kept (<see cref="AggregateState.GridCells"/>).
    /// </summary>
    public bool OutOfRange { get; private set; }

    /// <summary>Adds a block's count and sum of one cell of outcome <paramref name="outcome"/> (or marks the cells <see cref="OutOfRange"/>).</summary>
    public void Add(int outcome, int cell, long count, double sum)
    {
        var at = Entry(outcome, cell);
        _counts[at] += count;
        AddUnits(at, sum);
    }

    /// <summary>Adds a block's compensated sum (<paramref name="high"/> plus its rounding error <paramref name="low"/>) of one cell.</summary>
    public void Add(int outcome, int cell, long count, double high, double low)
    {
        Add(outcome, cell, count, high);
        AddUnits(Entry(outcome, cell), low);
    }

    private void AddUnits(int at, double sum)
    {
        if (!TryUnits(sum, out var units))
        {
            OutOfRange = true;
            return;
        }

        try
        {
            _sums[at] = checked(_sums[at] + units);
        }
        catch (OverflowException)
        {
            OutOfRange = true;
        }
    }

    /// <summary>A block's sum in units of 2^-64, rounded to nearest (ties to even): exact scaling, one rounding; false beyond 2^40 or not finite.</summary>
    public static bool TryUnits(double sum, out Int128 units)
    {
        units = Math.Abs(sum) < MaxBlockSum ? Whole(Math.Round(sum * Scale, MidpointRounding.ToEven)) : 0;
        return Math.Abs(sum) < MaxBlockSum;
    }

    /// <summary>
    /// A whole-number double below 2^114 in magnitude as an <see cref="Int128"/>: its 53-bit significand
    /// shifted by its exponent. The same value as the <c>(Int128)</c> conversion, which .NET does in
    /// software and which cost a block's hundreds of cells more than their sums.
    /// </summary>
    public static Int128 Whole(double value)
    {
        if (Math.Abs(value) < 9.2233720368547758E18)
        {
            return (long)value;
        }

        var bits = BitConverter.DoubleToInt64Bits(value);
        var significand = (bits & ((1L << 52) - 1)) | (1L << 52);
        var magnitude = (Int128)significand << (int)(((bits >> 52) & 0x7FF) - 1075);
        return bits < 0 ? -magnitude : magnitude;
    }

    /// <summary>A fixed-point sum as a double (rounded once).</summary>
    public static double ToDouble(Int128 units) => (double)units / Scale;

    /// <summary>Adds a block's sum of squares of outcome <paramref name="outcome"/>.</summary>
    public void AddSquares(int outcome, double squares) => _squares[outcome].Add(squares);

    /// <summary>The count of a cell.</summary>
    public long Count(int outcome, int cell) => _counts[Entry(outcome, cell)];

    /// <summary>The fixed-point sum of a cell, in units of 2^-64.</summary>
    public Int128 Sum(int outcome, int cell) => _sums[Entry(outcome, cell)];

    /// <summary>The exact sum of squares of an outcome (not a copy: do not change it).</summary>
    public ExactSum Squares(int outcome) => _squares[outcome];

    /// <summary>Replaces one cell (reading a file).</summary>
    internal void Set(int outcome, int cell, long count, Int128 sum)
    {
        _counts[Entry(outcome, cell)] = count;
        _sums[Entry(outcome, cell)] = sum;
    }

    /// <summary>Replaces an outcome's sum of squares (reading a file).</summary>
    internal void SetSquares(int outcome, ExactSum squares) => _squares[outcome] = squares;

    /// <summary>Empties every cell.</summary>
    public void Clear()
    {
        Array.Clear(_counts);
        Array.Clear(_sums);
        OutOfRange = false;

        foreach (var squares in _squares)
        {
            squares.Clear();
        }
    }

    /// <summary>Adds another state's cells of the same shape.</summary>
    /// <exception cref="ArgumentException">The cells are laid out differently.</exception>
    public void Merge(GridCells other)
    {
        if (!SameLayout(other))
        {
            throw new ArgumentException("grid cells of different grids cannot be merged", nameof(other));
        }

        // Counts are always added (they stay right whatever the sums do); sums only while they are in range.
        OutOfRange |= other.OutOfRange;
        for (var i = 0; i < _counts.Length; i++)
        {
            _counts[i] += other._counts[i];
            if (OutOfRange)
            {
                continue;
            }

            try
            {
                _sums[i] = checked(_sums[i] + other._sums[i]);
            }
            catch (OverflowException)
            {
                OutOfRange = true;
            }
        }

        for (var o = 0; o < _squares.Length; o++)
        {
            _squares[o].Add(other._squares[o]);
        }
    }

    /// <summary>True when <paramref name="other"/>'s cells are laid out as these (same axes' lengths and outcomes).</summary>
    public bool SameLayout(GridCells other) =>
        other.Outcomes == Outcomes && other.CellCount == CellCount && other.Counts.SequenceEqual(Counts) && other.Columns.SequenceEqual(Columns);

    /// <summary>True when every count and exact sum equals <paramref name="other"/>'s.</summary>
    public bool ExactlyEquals(GridCells other) =>
        SameLayout(other)
        && OutOfRange == other.OutOfRange
        && _counts.AsSpan().SequenceEqual(other._counts)
        && _sums.AsSpan().SequenceEqual(other._sums)
        && _squares.Zip(other._squares).All(p => p.First.ExactlyEquals(p.Second));

    /// <summary>
    /// The decomposition of outcome <paramref name="name"/> from the cells, through the definitions the
    /// rows use (<see cref="GridDecomposition.FromSums"/>), or null when it is not kept or has fewer than
    /// two finite values. Axis values that are equal as floats are one level, as in the rows.
    /// </summary>
    public GridDecomposition? Decompose(string name)
    {
        var o = Names.ToList().IndexOf(name);
        if (o < 0 || OutOfRange)
        {
            return null;
        }

        var n = Count(o, 0);
        if (n < 2)
        {
            return null;
        }

        var mean = ToDouble(Sum(o, 0)) / n;
        var variance = Variance(n, Sum(o, 0), Squares(o));
        var levels = Shape.Axes.Select(Levels).ToArray();
        var effects = Shape.Axes.Select((axis, a) => Effect(o, a, axis.Column, levels[a])).ToArray();
        var pairs = Pairs.Select((pair, k) => PairSums(o, k, levels[pair.A], levels[pair.B])).ToArray();
        return GridDecomposition.FromSums(name, [.. Shape.Axes.Select(a => a.Column)], n, mean, variance, effects, pairs);
    }

    /// <summary>
    /// The variance (divisor n) of n values from their sum (fixed point) and sum of squares (exact): the
    /// numerator n·Σy² − (Σy)² computed exactly from them and rounded once, then divided by n twice, so no
    /// cancellation, however small the spread (the sums themselves come from compensated block sums).
    /// </summary>
    public static double Variance(long n, Int128 sum, ExactSum squares)
    {
        // Σy = sum · 2^-64 and Σy² = scaled · 2^-1074, so n·Σy² − (Σy)² = (n·scaled − sum² · 2^946) · 2^-1074.
        var numerator = (n * squares.ToScaledInteger()) - ((System.Numerics.BigInteger)sum * sum << (1074 - 128));
        return Math.Max(0, ExactSum.RoundScaled(numerator) / n / n);
    }

    /// <summary>An axis's distinct values ascending, and the level of each of its positions.</summary>
    private static (double[] Values, int[] LevelOf) Levels(AggregateAxis axis)
    {
        var values = axis.Values.Select(v => (double)v).Distinct().Order().ToArray();
        var level = values.Select((v, i) => (v, i)).ToDictionary(p => p.v, p => p.i);
        return (values, [.. axis.Values.Select(v => level[v])]);
    }

    /// <summary>Axis <paramref name="a"/>'s main effect on outcome <paramref name="o"/>: each level's exact mean.</summary>
    private AxisEffect Effect(int o, int a, string column, (double[] Values, int[] LevelOf) levels)
    {
        var counts = new long[levels.Values.Length];
        var sums = new Int128[levels.Values.Length];
        for (var p = 0; p < Counts[a]; p++)
        {
            counts[levels.LevelOf[p]] += Count(o, AxisCell(a, p));
            sums[levels.LevelOf[p]] += Sum(o, AxisCell(a, p));
        }

        return new AxisEffect(column, [.. levels.Values.Select((v, l) => new AxisLevel(v, counts[l] == 0 ? double.NaN : ToDouble(sums[l]) / counts[l], counts[l]))]);
    }

    /// <summary>Pair <paramref name="k"/>'s cell counts and sums of outcome <paramref name="o"/>, by level.</summary>
    private GridDecomposition.PairSums PairSums(int o, int k, (double[] Values, int[] LevelOf) first, (double[] Values, int[] LevelOf) second)
    {
        var (a, b) = Pairs[k];
        var counts = new long[first.Values.Length, second.Values.Length];
        var sums = new Int128[first.Values.Length, second.Values.Length];
        for (var p = 0; p < Counts[a]; p++)
        {
            for (var q = 0; q < Counts[b]; q++)
            {
                var (i, j) = (first.LevelOf[p], second.LevelOf[q]);
                counts[i, j] += Count(o, PairCell(k, p, q));
                sums[i, j] += Sum(o, PairCell(k, p, q));
            }
        }

        var rounded = new double[first.Values.Length, second.Values.Length];
        for (var i = 0; i < first.Values.Length; i++)
        {
            for (var j = 0; j < second.Values.Length; j++)
            {
                rounded[i, j] = ToDouble(sums[i, j]);
            }
        }

        return new GridDecomposition.PairSums(a, b, rounded, counts);
    }
}
