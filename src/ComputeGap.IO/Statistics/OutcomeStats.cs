using MathNet.Numerics.Statistics;

namespace ComputeGap.IO.Statistics;

/// <summary>
/// Distribution of one outcome over the scenarios of a sweep: count, mean, quantiles, min and max of
/// its finite values.
/// </summary>
/// <remarks>
/// Quantiles follow Hyndman and Fan's definition 7 (R's default type 7, numpy's default "linear",
/// DuckDB's <c>quantile_cont</c>): for n sorted values x₀…xₙ₋₁, h = (n − 1)·p and the quantile is
/// x⌊h⌋ + (h − ⌊h⌋)·(x⌊h⌋₊₁ − x⌊h⌋); computed with MathNet.Numerics
/// <c>SortedArrayStatistics.QuantileCustom(…, QuantileDefinition.R7)</c>. Non-finite values (NaN, ±∞)
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
    public static OutcomeStats Compute(string name, ReadOnlySpan<double> values, double? neverSentinel = null)
    {
        var kept = new double[values.Length];
        long count = 0, nonFinite = 0, never = 0;
        foreach (var value in values)
        {
            if (!double.IsFinite(value))
            {
                nonFinite++;
            }
            else if (neverSentinel is { } sentinel && value == sentinel)
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

        Array.Resize(ref kept, (int)count);
        Array.Sort(kept);
        return new OutcomeStats(name, count, nonFinite, never,
            ArrayStatistics.Mean(kept),
            Quantile(kept, 0.05), Quantile(kept, 0.25), Quantile(kept, 0.50), Quantile(kept, 0.75), Quantile(kept, 0.95),
            kept[0], kept[^1]);
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
    public static double Quantile(double[] sorted, double probability) =>
        SortedArrayStatistics.QuantileCustom(sorted, probability, QuantileDefinition.R7);
}
