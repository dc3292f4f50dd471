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
/// <see cref="ExactSum"/> object per cell cost tens. The shares kept lie in [0, 1], so a unit is below
/// 10^-19 of any value that moves a mean; a block's sum must stay under 2^50 in magnitude (a share
/// beyond that is refused), which bounds a cell's total by 2^114 · 2^-64 over 2^64 blocks. The sums of
/// squares are few and unbounded: they stay <see cref="ExactSum"/>.
/// </para>
/// <para>
/// Per outcome, cell 0 is the outcome's total, then
/// every axis's values (<see cref="AxisCell"/>), then every kept pair's n_a × n_b cells
/// (<see cref="PairCell"/>, the second axis fastest). Pairs are kept in axis order while
/// outcomes × cells stay within <see cref="MaxEntries"/>. Entries are cell-major (<see cref="Entry"/>).
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

    /// <summary>Largest magnitude of a block's sum of one cell: 2^50.</summary>
    private const double MaxBlockSum = 1125899906842624.0;
    private readonly int[] _axisCell;
    private readonly int[] _pairCell;

    /// <summary>The cells of <paramref name="shape"/>'s regional shares over its axes.</summary>
    /// <exception cref="ArgumentException">The shape is a sampled design's, or has no axes.</exception>
    public GridCells(AggregateShape shape)
    {
        if (shape.Evaluations != 1 || shape.Axes.Count == 0)
        {
            throw new ArgumentException("grid cells belong to a grid with at least one axis", nameof(shape));
        }

        Shape = shape;
        Outcomes = shape.Regions;
        Counts = [.. shape.Axes.Select(a => a.Values.Count)];
        Strides = [.. Enumerable.Range(0, Counts.Count).Select(a => Counts.Skip(a + 1).Aggregate(1L, (s, n) => s * n))];
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

    /// <summary>The aggregates' shape.</summary>
    public AggregateShape Shape { get; }

    /// <summary>Outcomes kept: the first this many of the shape's (the regional shares).</summary>
    public int Outcomes { get; }

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

    /// <summary>Adds a block's count and sum of one cell of outcome <paramref name="outcome"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The sum is not finite or beyond 2^50 in magnitude.</exception>
    public void Add(int outcome, int cell, long count, double sum)
    {
        var at = Entry(outcome, cell);
        _counts[at] += count;
        _sums[at] += ToUnits(sum);
    }

    /// <summary>A block's sum in units of 2^-64, rounded to nearest (ties to even): exact scaling, one rounding.</summary>
    public static Int128 ToUnits(double sum)
    {
        if (!(Math.Abs(sum) < MaxBlockSum))
        {
            throw new ArgumentOutOfRangeException(nameof(sum), sum, "a grid cell's block sum must be finite and below 2^50 in magnitude (the cells keep shares)");
        }

        return (Int128)Math.Round(sum * Scale, MidpointRounding.ToEven);
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

        for (var i = 0; i < _counts.Length; i++)
        {
            _counts[i] += other._counts[i];
            _sums[i] += other._sums[i];
        }

        for (var o = 0; o < _squares.Length; o++)
        {
            _squares[o].Add(other._squares[o]);
        }
    }

    /// <summary>True when <paramref name="other"/>'s cells are laid out as these (same axes' lengths and outcomes).</summary>
    public bool SameLayout(GridCells other) => other.Outcomes == Outcomes && other.CellCount == CellCount && other.Counts.SequenceEqual(Counts);

    /// <summary>True when every count and exact sum equals <paramref name="other"/>'s.</summary>
    public bool ExactlyEquals(GridCells other) =>
        SameLayout(other)
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
        var o = Shape.Outcomes.Take(Outcomes).ToList().IndexOf(name);
        if (o < 0)
        {
            return null;
        }

        var n = Count(o, 0);
        if (n < 2)
        {
            return null;
        }

        // The sums are exact; the variance is E[y²] − m² of their roundings (shares: relative error near 1e-15).
        var mean = ToDouble(Sum(o, 0)) / n;
        var variance = Math.Max(0, (Squares(o).Round() / n) - (mean * mean));
        var levels = Shape.Axes.Select(Levels).ToArray();
        var effects = Shape.Axes.Select((axis, a) => Effect(o, a, axis.Column, levels[a])).ToArray();
        var pairs = Pairs.Select((pair, k) => PairSums(o, k, levels[pair.A], levels[pair.B])).ToArray();
        return GridDecomposition.FromSums(name, [.. Shape.Axes.Select(a => a.Column)], n, mean, variance, effects, pairs);
    }

    /// <summary>An axis's distinct values ascending, and the level of each of its positions.</summary>
    private static (double[] Values, int[] LevelOf) Levels(AggregateAxis axis)
    {
        var values = axis.Values.Select(v => (double)v).Distinct().Order().ToArray();
        return (values, [.. axis.Values.Select(v => Array.IndexOf(values, (double)v))]);
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
