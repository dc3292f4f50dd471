namespace ComputeGap.IO.Sensitivity;

/// <summary>First-order and total Sobol indices of one parameter, with 95 % confidence half-widths.</summary>
public readonly record struct SobolIndex(double S1, double S1Conf, double ST, double STConf);

/// <summary>The second-order index of parameters <paramref name="First"/> and <paramref name="Second"/> (indices into the design's parameters).</summary>
public readonly record struct SecondOrderIndex(int First, int Second, double S2, double S2Conf);

/// <summary>Sobol indices of one outcome.</summary>
/// <param name="Samples">Base samples they were estimated from.</param>
/// <param name="Batches">Batches of consecutive base samples whose estimates give the half-widths (batch means).</param>
/// <param name="Indices">Per uncertain parameter, in design order.</param>
/// <param name="SecondOrder">Per pair i &lt; j (empty without second order).</param>
public sealed record SobolIndices(long Samples, int Batches, IReadOnlyList<SobolIndex> Indices, IReadOnlyList<SecondOrderIndex> SecondOrder);
