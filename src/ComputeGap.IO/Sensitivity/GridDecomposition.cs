using ComputeGap.IO.Parquet;

namespace ComputeGap.IO.Sensitivity;

/// <summary>The mean of an outcome in each cell of two axes' values.</summary>
/// <param name="First">First axis.</param>
/// <param name="Second">Second axis.</param>
/// <param name="FirstValues">Its values, ascending.</param>
/// <param name="SecondValues">The second axis's values, ascending.</param>
/// <param name="Means">Means[i][j] at FirstValues[i], SecondValues[j] (NaN for an empty cell).</param>
/// <param name="S2">The pair's interaction share of the variance: Σ w (m_ij − m_i − m_j + m)² / V.</param>
public sealed record TwoWayTable(string First, string Second, IReadOnlyList<double> FirstValues, IReadOnlyList<double> SecondValues, double[][] Means, double S2);

/// <summary>
/// Exact variance-based indices of a full grid, whose points are equally weighted: the first-order
/// index of axis a is the variance of the outcome's conditional means over a's values divided by the
/// outcome's variance, S1_a = Σ_v w_v (m_v − m)² / V; a pair's interaction index is the variance of
/// the two-way cell means left after both main effects, S2_ab = Σ w_ij (m_ij − m_i − m_j + m)² / V
/// (a decomposition of the grid's own distribution, not of any other). Two-way tables for every
/// pair of axes with at most 64 × 64 cells.
/// </summary>
/// <param name="Outcome">The outcome decomposed.</param>
/// <param name="Variance">Its variance over the grid's finite values (divisor n).</param>
/// <param name="FirstOrder">S1 per axis, in axis order.</param>
/// <param name="Pairs">Two-way tables, strongest interaction first.</param>
public sealed record GridDecomposition(string Outcome, double Variance, IReadOnlyDictionary<string, double> FirstOrder, IReadOnlyList<TwoWayTable> Pairs)
{
    /// <summary>The conditional means the first-order indices are built from, as main effects of <see cref="Outcome"/> (axis order).</summary>
    public IReadOnlyList<Statistics.AxisEffect> MainEffects { get; init; } = [];

    /// <summary>Most cells per axis in a two-way table.</summary>
    public const int MaxValuesPerAxis = 64;

    /// <summary>The decomposition of <paramref name="outcome"/> over <paramref name="axes"/> (column arrays of any numeric type by name), or null without axes.</summary>
    public static GridDecomposition? Compute(string outcome, IReadOnlyList<string> axes, Func<string, Array> column, double? never = null) =>
        Compute(outcome, axes, (names, body) => ColumnBlocks.ForEachInOrder([.. names.Select(column)], body), never);

    /// <summary>
    /// The decomposition of <paramref name="outcome"/> over <paramref name="axes"/>, or null without axes,
    /// from four passes over blocks of the columns (<see cref="IColumnSource.ForEachBlock"/>): the mean, the
    /// variance, the main effects, and every pair's cells at once. Memory holds blocks and sums, not columns.
    /// </summary>
    /// <param name="outcome">The outcome column.</param>
    /// <param name="axes">The grid's axis columns.</param>
    /// <param name="forEachBlock">Walks blocks of the named columns in row order.</param>
    /// <param name="never">An outcome value left out like a non-finite one (a month outcome's "never"), or null.</param>
    public static GridDecomposition? Compute(string outcome, IReadOnlyList<string> axes, BlockWalk forEachBlock, double? never = null)
    {
        bool Kept(double v) => double.IsFinite(v) && v != never;
        if (axes.Count == 0)
        {
            return null;
        }

        long n = 0;
        var sum = 0.0;
        forEachBlock([outcome], (_, length, blocks) =>
        {
            foreach (var v in blocks[0].AsSpan(0, length))
            {
                if (Kept(v))
                {
                    (n, sum) = (n + 1, sum + v);
                }
            }
        });

        if (n < 2)
        {
            return null;
        }

        var mean = sum / n;
        var squares = 0.0;
        forEachBlock([outcome], (_, length, blocks) =>
        {
            foreach (var v in blocks[0].AsSpan(0, length))
            {
                squares += Kept(v) ? (v - mean) * (v - mean) : 0;
            }
        });

        var variance = squares / n;
        var effects = Statistics.AxisEffects.OfBlocks(axes, outcome, forEachBlock, never);
        var levels = effects.Select(Levels).ToArray();
        var pairs = new List<PairSums>();
        for (var a = 0; a < axes.Count; a++)
        {
            for (var b = a + 1; b < axes.Count; b++)
            {
                if (levels[a].Values.Length <= MaxValuesPerAxis && levels[b].Values.Length <= MaxValuesPerAxis)
                {
                    pairs.Add(new PairSums(a, b, new double[levels[a].Values.Length, levels[b].Values.Length], new long[levels[a].Values.Length, levels[b].Values.Length]));
                }
            }
        }

        if (pairs.Count > 0)
        {
            forEachBlock([outcome, .. axes], (_, length, blocks) =>
            {
                foreach (var (a, b, cellSums, counts) in pairs)
                {
                    var (xa, xb, y) = (blocks[a + 1], blocks[b + 1], blocks[0]);
                    for (var i = 0; i < length; i++)
                    {
                        if (Kept(y[i]) && levels[a].Index.TryGetValue(xa[i], out var p) && levels[b].Index.TryGetValue(xb[i], out var q))
                        {
                            cellSums[p, q] += y[i];
                            counts[p, q]++;
                        }
                    }
                }
            });
        }

        return FromSums(outcome, axes, n, mean, variance, effects, pairs);
    }

    /// <summary>One pair of axes' cells: the sum and count of the outcome's kept values at each pair of levels.</summary>
    /// <param name="A">The first axis (its index among the axes).</param>
    /// <param name="B">The second axis.</param>
    /// <param name="Sums">Sums[i, j] at the first axis's level i and the second's level j (the main effects' level order).</param>
    /// <param name="Counts">Counts, alike.</param>
    public sealed record PairSums(int A, int B, double[,] Sums, long[,] Counts);

    /// <summary>
    /// The decomposition from its sums, the one definition rows and aggregates share: the first-order
    /// index of each axis from its main effect, each pair's table and interaction index from its cells.
    /// </summary>
    /// <param name="outcome">The outcome.</param>
    /// <param name="axes">The axes, in order.</param>
    /// <param name="n">Kept values.</param>
    /// <param name="mean">Their mean.</param>
    /// <param name="variance">Their variance (divisor n).</param>
    /// <param name="effects">Each axis's main effect (levels ascending).</param>
    /// <param name="pairs">The pairs' cells, in the effects' level order.</param>
    public static GridDecomposition FromSums(string outcome, IReadOnlyList<string> axes, long n, double mean, double variance,
        IReadOnlyList<Statistics.AxisEffect> effects, IReadOnlyList<PairSums> pairs)
    {
        var first = new Dictionary<string, double>(StringComparer.Ordinal);
        var conditional = new double[axes.Count][];
        for (var a = 0; a < axes.Count; a++)
        {
            var means = effects[a].Levels.Select(l => l.Count == 0 ? mean : l.Mean).ToArray();
            conditional[a] = means;
            first[axes[a]] = variance > 0 ? effects[a].Levels.Select((l, v) => l.Count * (means[v] - mean) * (means[v] - mean)).Sum() / n / variance : 0;
        }

        var tables = pairs.Select(pair => Table(axes[pair.A], axes[pair.B], [.. effects[pair.A].Levels.Select(l => l.Value)], [.. effects[pair.B].Levels.Select(l => l.Value)],
            pair.Sums, pair.Counts, conditional[pair.A], conditional[pair.B], mean, variance, n));
        return new GridDecomposition(outcome, variance, first, [.. tables.OrderByDescending(p => p.S2)]) { MainEffects = effects };
    }

    /// <summary>A pair's two-way table and interaction index from its cells' sums and counts.</summary>
    private static TwoWayTable Table(string a, string b, double[] va, double[] vb, double[,] sums, long[,] counts,
        double[] conditionalA, double[] conditionalB, double mean, double variance, long n)
    {
        var means = new double[va.Length][];
        var interaction = 0.0;
        for (var p = 0; p < va.Length; p++)
        {
            means[p] = new double[vb.Length];
            for (var q = 0; q < vb.Length; q++)
            {
                means[p][q] = counts[p, q] == 0 ? double.NaN : sums[p, q] / counts[p, q];
                if (counts[p, q] > 0)
                {
                    var residual = means[p][q] - conditionalA[p] - conditionalB[q] + mean;
                    interaction += counts[p, q] * residual * residual;
                }
            }
        }

        return new TwoWayTable(a, b, va, vb, means, variance > 0 ? interaction / n / variance : 0);
    }

    /// <summary>An axis's distinct values, ascending (its main effect's levels), and each one's position.</summary>
    private static (double[] Values, Dictionary<double, int> Index) Levels(Statistics.AxisEffect effect)
    {
        var values = effect.Levels.Select(l => l.Value).ToArray();
        return (values, values.Select((v, i) => (v, i)).ToDictionary(p => p.v, p => p.i));
    }
}
