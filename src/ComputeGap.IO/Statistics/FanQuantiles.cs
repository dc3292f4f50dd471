namespace ComputeGap.IO.Statistics;

/// <summary>Quantiles of a series value in one month over every scenario of a run, in the column's stored unit (shares as fractions, 0 to 1).</summary>
public readonly record struct FanQuantiles(double P5, double P25, double P50, double P75, double P95);
