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

    /// <summary>The decomposition of <paramref name="outcome"/> over <paramref name="axes"/> (columns by name), or null without axes.</summary>
    public static GridDecomposition? Compute(string outcome, IReadOnlyList<string> axes, Func<string, double[]> column)
    {
        if (axes.Count == 0)
        {
            return null;
        }

        var y = column(outcome);

        // Two passes over the finite values, without copying them (a copy is 400 MB at 50 M rows).
        long n = 0;
        var sum = 0.0;
        foreach (var v in y)
        {
            if (double.IsFinite(v))
            {
                (n, sum) = (n + 1, sum + v);
            }
        }

        if (n < 2)
        {
            return null;
        }

        var mean = sum / n;
        var squares = 0.0;
        foreach (var v in y)
        {
            squares += double.IsFinite(v) ? (v - mean) * (v - mean) : 0;
        }

        var variance = squares / n;
        var levels = axes.ToDictionary(a => a, a => Levels(column(a)), StringComparer.Ordinal);
        var first = new Dictionary<string, double>(StringComparer.Ordinal);
        var conditional = new Dictionary<string, double[]>(StringComparer.Ordinal);
        var effects = new List<Statistics.AxisEffect>();
        foreach (var axis in axes)
        {
            var (values, index) = levels[axis];
            var sums = new double[values.Length];
            var counts = new long[values.Length];
            var x = column(axis);
            for (var i = 0; i < y.Length; i++)
            {
                if (double.IsFinite(y[i]) && index.TryGetValue(x[i], out var at))
                {
                    sums[at] += y[i];
                    counts[at]++;
                }
            }

            var means = sums.Select((s, v) => counts[v] == 0 ? mean : s / counts[v]).ToArray();
            conditional[axis] = means;
            effects.Add(new Statistics.AxisEffect(axis,
                [.. values.Select((v, k) => new Statistics.AxisLevel(v, counts[k] == 0 ? double.NaN : sums[k] / counts[k], counts[k]))]));
            first[axis] = variance > 0 ? means.Select((m, v) => counts[v] * (m - mean) * (m - mean)).Sum() / n / variance : 0;
        }

        var pairs = new List<TwoWayTable>();
        for (var a = 0; a < axes.Count; a++)
        {
            for (var b = a + 1; b < axes.Count; b++)
            {
                var (va, ia) = levels[axes[a]];
                var (vb, ib) = levels[axes[b]];
                if (va.Length > MaxValuesPerAxis || vb.Length > MaxValuesPerAxis)
                {
                    continue;
                }

                pairs.Add(Pair(axes[a], axes[b], va, ia, vb, ib, column, y, conditional, mean, variance, n));
            }
        }

        return new GridDecomposition(outcome, variance, first, [.. pairs.OrderByDescending(p => p.S2)]) { MainEffects = effects };
    }

    private static TwoWayTable Pair(
        string a, string b, double[] va, Dictionary<double, int> ia, double[] vb, Dictionary<double, int> ib,
        Func<string, double[]> column, double[] y, Dictionary<string, double[]> conditional, double mean, double variance, long n)
    {
        var xa = column(a);
        var xb = column(b);
        var sums = new double[va.Length, vb.Length];
        var counts = new long[va.Length, vb.Length];
        for (var i = 0; i < y.Length; i++)
        {
            if (double.IsFinite(y[i]) && ia.TryGetValue(xa[i], out var p) && ib.TryGetValue(xb[i], out var q))
            {
                sums[p, q] += y[i];
                counts[p, q]++;
            }
        }

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
                    var residual = means[p][q] - conditional[a][p] - conditional[b][q] + mean;
                    interaction += counts[p, q] * residual * residual;
                }
            }
        }

        return new TwoWayTable(a, b, va, vb, means, variance > 0 ? interaction / n / variance : 0);
    }

    /// <summary>An axis column's distinct values, ascending, and each one's position.</summary>
    private static (double[] Values, Dictionary<double, int> Index) Levels(double[] x)
    {
        var values = x.Where(v => !double.IsNaN(v)).Distinct().Order().ToArray();
        return (values, values.Select((v, i) => (v, i)).ToDictionary(p => p.v, p => p.i));
    }
}
