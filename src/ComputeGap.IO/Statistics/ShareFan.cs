namespace ComputeGap.IO.Statistics;

/// <summary>Quantiles of a share in one month over every scenario of a run (fractions, 0 to 1).</summary>
public readonly record struct FanQuantiles(double P5, double P25, double P50, double P75, double P95);

/// <summary>A fan chart: one region's share in each month of the horizon, as quantiles over the scenarios.</summary>
/// <param name="Region">The region.</param>
/// <param name="Months">One entry per month, month 0 first (the run's start month).</param>
public sealed record ShareFan(string Region, IReadOnlyList<FanQuantiles> Months);
