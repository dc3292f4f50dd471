namespace ComputeGap.Core.Sampling;

/// <summary>
/// One line "d s a m_1 … m_s" of Joe and Kuo's direction-number file (see data/sobol/README.md):
/// the primitive polynomial and initial direction numbers of one Sobol dimension.
/// </summary>
/// <param name="Dimension">d: the dimension, 1-based as in the file (the file starts at 2; dimension 1 is van der Corput's).</param>
/// <param name="Degree">s: the degree of the dimension's primitive polynomial over GF(2), at least 1.</param>
/// <param name="Coefficients">
/// a: the polynomial's interior coefficients a_1 … a_(s−1) as bits, a_1 the most significant; below 2^(s−1).
/// </param>
/// <param name="InitialNumbers">m_1 … m_s: m_i is odd and below 2^i.</param>
public sealed record JoeKuoEntry(int Dimension, int Degree, uint Coefficients, IReadOnlyList<uint> InitialNumbers);
