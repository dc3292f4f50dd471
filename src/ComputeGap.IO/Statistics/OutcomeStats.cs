using System.Numerics;

namespace ComputeGap.IO.Statistics;

/// <summary>
/// Distribution of one outcome over the scenarios of a sweep: count, mean, quantiles, min and max of
/// its finite values.
/// </summary>
/// <remarks>
/// Quantiles follow Hyndman and Fan's definition 7 (R's default type 7, numpy's default "linear",
/// DuckDB's <c>quantile_cont</c>): for n sorted values x₀…xₙ₋₁, h = (n − 1)·p and the quantile is
/// x⌊h⌋ + (h − ⌊h⌋)·(x⌊h⌋₊₁ − x⌊h⌋); computed as MathNet.Numerics'
/// <c>SortedArrayStatistics.QuantileCustom(…, QuantileDefinition.R7)</c> computes it, but over the column's
/// own type (a test holds the two bit-equal). Non-finite values (NaN, ±∞)
/// and, for month outcomes, the "never" sentinel are left out of every statistic and counted apart.
/// With no value left, every statistic is NaN. The record may also be filled from statistics
/// computed elsewhere (a GPU reduction, DuckDB), as long as they use the same definitions.
/// </remarks>
/// <param name="Name">Outcome column name.</param>
/// <param name="Count">Finite values included in the statistics.</param>
/// <param name="NonFiniteCount">Values left out for being NaN or ±∞.</param>
/// <param name="NeverCount">Values left out for being the "never" sentinel (−1 in month outcomes); 0 otherwise.</param>
/// <param name="Mean">Arithmetic mean.</param>
/// <param name="P5">5th percentile .</param>
/// <param name="P25">25th percentile .</param>
/// <param name="P50">Median .</param>
/// <param name="P75">75th percentile .</param>
/// <param name="P95">95th percentile .</param>
/// <param name="Min">Smallest value.</param>
/// <param name="Max">Largest value.</param>
public sealed record OutcomeStats(
    string Name,
    long Count,
    long NonFiniteCount,
    long NeverCount,
    double Mean,
    double P5,
    double P25,
    double P50,
    double P75,
    double P95,
    double Min,
    double Max)
{
    /// <summary>The statistic names in report order, as used in JSON and CSV output.</summary>
    public static IReadOnlyList<string> StatisticNames { get; } =
        ["count", "non_finite", "never", "mean", "p5", "p25", "p50", "p75", "p95", "min", "max"];

    /// <summary>Computes the statistics of <paramref name="values"/>.</summary>
    /// <param name="name">Outcome name.</param>
    /// <param name="values">One value per scenario.</param>
    /// <param name="neverSentinel">A value meaning "never" (e.g. −1 for month outcomes) to leave out and count; null for none.</param>
    public static OutcomeStats Compute(string name, ReadOnlySpan<double> values, double? neverSentinel = null) =>
        Compute<double>(name, values, neverSentinel, into: null);

    /// <summary>
    /// Computes the statistics of a column array (<c>double[]</c>, <c>float[]</c>, <c>int[]</c> or
    /// <c>long[]</c>) in its own type: the sorted copy the quantiles need is as wide as the column (a
    /// float32 column of 50 M rows sorts in 200 MB, not 400 MB), and the statistics are the same, since
    /// widening to double is exact and keeps the order.
    /// </summary>
    /// <param name="name">Outcome name.</param>
    /// <param name="values">One value per scenario.</param>
    /// <param name="neverSentinel">A value meaning "never" to leave out and count; null for none.</param>
    /// <param name="reorder">True when <paramref name="values"/> is the caller's own copy, which may then be sorted in place instead of copied.</param>
    /// <exception cref="ArgumentException">The array is not a numeric column.</exception>
    public static OutcomeStats OfColumn(string name, Array values, double? neverSentinel = null, bool reorder = false) => values switch
    {
        double[] d => Compute<double>(name, d, neverSentinel, reorder ? d : null),
        float[] f => Compute<float>(name, f, neverSentinel, reorder ? f : null),
        int[] n => Compute<int>(name, n, neverSentinel, reorder ? n : null),
        long[] l => Compute<long>(name, l, neverSentinel, reorder ? l : null),
        _ => throw new ArgumentException($"a {values.GetType().Name} is not a numeric column", nameof(values)),
    };

    /// <summary>The statistics, the kept values gathered into <paramref name="into"/> (which may be <paramref name="values"/>' own array: the gathering never overtakes the reading) or a new array.</summary>
    private static OutcomeStats Compute<T>(string name, ReadOnlySpan<T> values, double? neverSentinel, T[]? into)
        where T : unmanaged, INumber<T>
    {
        var kept = into ?? new T[values.Length];
        long nonFinite = 0, never = 0;
        var count = 0;
        foreach (var value in values)
        {
            var wide = double.CreateTruncating(value);
            if (!double.IsFinite(wide))
            {
                nonFinite++;
            }
            else if (neverSentinel is { } sentinel && wide == sentinel)
            {
                never++;
            }
            else
            {
                kept[count++] = value;
            }
        }

        if (count == 0)
        {
            return new OutcomeStats(name, 0, nonFinite, never,
                double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN);
        }

        var sorted = kept.AsSpan(0, count);
        sorted.Sort();
        return new OutcomeStats(name, count, nonFinite, never,
            RunningMean<T>(sorted),
            Quantile<T>(sorted, 0.05), Quantile<T>(sorted, 0.25), Quantile<T>(sorted, 0.50), Quantile<T>(sorted, 0.75), Quantile<T>(sorted, 0.95),
            double.CreateTruncating(sorted[0]), double.CreateTruncating(sorted[^1]));
    }

    /// <summary>The value of the statistic named <paramref name="statistic"/> (one of <see cref="StatisticNames"/>).</summary>
    public double Get(string statistic) => statistic switch
    {
        "count" => Count,
        "non_finite" => NonFiniteCount,
        "never" => NeverCount,
        "mean" => Mean,
        "p5" => P5,
        "p25" => P25,
        "p50" => P50,
        "p75" => P75,
        "p95" => P95,
        "min" => Min,
        "max" => Max,
        _ => throw new ArgumentOutOfRangeException(nameof(statistic), statistic, "Unknown statistic."),
    };

    /// <summary>R-7 quantile of already sorted finite values.</summary>
    public static double Quantile(double[] sorted, double probability) => Quantile<double>(sorted, probability);

    /// <summary>
    /// R-7 quantile of sorted values of any width, in doubles, computed as MathNet's
    /// <c>SortedArrayStatistics.QuantileCustom(…, QuantileDefinition.R7)</c> computes it (1-based h =
    /// (n − 1)·p + 1), so that a float32 column gives the bits its doubles gave; a test holds them equal.
    /// </summary>
    private static double Quantile<T>(ReadOnlySpan<T> sorted, double probability)
        where T : unmanaged, INumber<T>
    {
        var h = ((sorted.Length - 1) * probability) + 1d;
        var below = (int)h;
        var lower = double.CreateTruncating(sorted[Math.Max(below - 1, 0)]);
        var upper = double.CreateTruncating(sorted[Math.Min(below, sorted.Length - 1)]);
        return lower + ((h - below) * (upper - lower));
    }

    /// <summary>The running mean MathNet's <c>ArrayStatistics.Mean</c> computes (mean += (x − mean) / i), in doubles.</summary>
    private static double RunningMean<T>(ReadOnlySpan<T> values)
        where T : unmanaged, INumber<T>
    {
        var mean = 0d;
        ulong m = 0;
        foreach (var value in values)
        {
            mean += (double.CreateTruncating(value) - mean) / ++m;
        }

        return mean;
    }
}
