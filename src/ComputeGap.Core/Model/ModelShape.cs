namespace ComputeGap.Core.Model;

/// <summary>
/// The structural, non-sweepable part of a run: horizon, region count, and which regions the
/// focus and rival outcomes refer to. Plain ints only, so it can be passed to a kernel as is.
/// </summary>
/// <param name="Months">Horizon T in months, 1 … 600.</param>
/// <param name="Regions">Region count R, 1 … 8.</param>
/// <param name="Focus">Index of the focus region.</param>
/// <param name="RivalA">Index of the first rival (numerator of <c>rival_ratio</c>).</param>
/// <param name="RivalB">Index of the second rival (denominator of <c>rival_ratio</c>).</param>
public readonly record struct ModelShape(int Months, int Regions, int Focus, int RivalA, int RivalB);
