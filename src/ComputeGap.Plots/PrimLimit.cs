namespace ComputeGap.Plots;

/// <summary>What a PRIM box keeps of one input it restricts.</summary>
/// <param name="Input">The input column.</param>
/// <param name="Min">Smallest value kept (NaN for a categorical input).</param>
/// <param name="Max">Largest value kept (NaN for a categorical input).</param>
/// <param name="Kept">Categories kept (empty for an ordered input).</param>
/// <param name="QuasiP">The restriction's quasi-p value (binomial chance of a density this high without it), or null when discover gave none.</param>
public sealed record PrimLimit(string Input, double Min, double Max, IReadOnlyList<string> Kept, double? QuasiP);
