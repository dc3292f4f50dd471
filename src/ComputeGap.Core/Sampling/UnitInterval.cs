namespace ComputeGap.Core.Sampling;

/// <summary>
/// The two ways a 32-bit random or quasi-random word becomes a float in the unit interval; every
/// sampler maps bits through here, so "which bits, which grid" has one home.
/// </summary>
/// <remarks>
/// A float has a 24-bit significand, so a grid of 2^24 points cannot also be centred: the last centre,
/// (2^24 − 1/2)·2^−24 = 1 − 2^−25, is not a float and rounds (to even) to exactly 1. The open mapping
/// therefore keeps 23 bits, whose centres (k + 1/2)·2^−23 are all exact. Device safe: integer shifts and
/// one float multiply.
/// </remarks>
public static class UnitInterval
{
    /// <summary>2^−24, the spacing of <see cref="HalfOpen"/>.</summary>
    public const float HalfOpenStep = 1f / 16777216f;

    /// <summary>2^−23, the spacing of <see cref="Open"/>.</summary>
    public const float OpenStep = 1f / 8388608f;

    /// <summary>
    /// The top 24 bits as a float in [0, 1): <c>(bits &gt;&gt; 8)·2^−24</c>, exact. 0 maps to 0 and
    /// <see cref="uint.MaxValue"/> to 1 − 2^−24. Keeps the binary digits of the word, so a digital net stays
    /// stratified to 2^24 points.
    /// </summary>
    public static float HalfOpen(uint bits) => (bits >> 8) * HalfOpenStep;

    /// <summary>
    /// The top 23 bits as the centre of their cell, a float strictly inside (0, 1):
    /// <c>((bits &gt;&gt; 9) + 1/2)·2^−23</c>, exact. 0 maps to 2^−24 and <see cref="uint.MaxValue"/> to
    /// 1 − 2^−24; the grid is symmetric (u is on it exactly when 1 − u is), which suits inverse CDFs.
    /// </summary>
    public static float Open(uint bits) => ((bits >> 9) + 0.5f) * OpenStep;
}
