namespace ComputeGap.IO.Statistics;

/// <summary>A fan chart: one region's share in each month of the horizon, as quantiles over the scenarios.</summary>
/// <param name="Region">The region.</param>
/// <param name="Months">One entry per month, month 0 first (the run's start month).</param>
public sealed record ShareFan(string Region, IReadOnlyList<FanQuantiles> Months);
