using System.Numerics;
using ComputeGap.Core.Sampling;

namespace ComputeGap.Core.Designs;

/// <summary>
/// The random designs' decoding for a run of evaluations at once, <see cref="Vector{T}"/> lanes at a time:
/// the CPU's form of <see cref="MonteCarloBlock"/>, <see cref="JitterBlock"/> and <see cref="StratumUnit"/>,
/// giving the same bits for every evaluation. The kernels call the single-evaluation forms.
/// </summary>
public static partial class DesignPoint
{
    /// <summary>
    /// <see cref="MonteCarloBlock"/>(e, <paramref name="quad"/>) for each evaluation e = <paramref name="low"/>[j]
    /// + 2^32 · <paramref name="high"/>[j], its words into <paramref name="x0"/>[j] … <paramref name="x3"/>[j].
    /// </summary>
    public static void MonteCarloBlocks(
        in DesignHeader design, ReadOnlySpan<uint> low, ReadOnlySpan<uint> high, int quad,
        Span<uint> x0, Span<uint> x1, Span<uint> x2, Span<uint> x3) =>
        Philox4x32Vector.Blocks(low, high, (uint)quad, 0, design.Seed, MonteCarloKey, x0, x1, x2, x3);

    /// <summary>
    /// <see cref="JitterBlock"/>(e, <paramref name="quad"/>) for each evaluation e = <paramref name="low"/>[j]
    /// + 2^32 · <paramref name="high"/>[j], its words into <paramref name="x0"/>[j] … <paramref name="x3"/>[j].
    /// </summary>
    public static void JitterBlocks(
        in DesignHeader design, ReadOnlySpan<uint> low, ReadOnlySpan<uint> high, int quad,
        Span<uint> x0, Span<uint> x1, Span<uint> x2, Span<uint> x3) =>
        Philox4x32Vector.Blocks(low, high, (uint)quad, 0, design.Seed, JitterKey, x0, x1, x2, x3);

    /// <summary>
    /// <paramref name="units"/>[j] = <see cref="StratumUnit"/>(<paramref name="samples"/>, <paramref name="strata"/>[j],
    /// <paramref name="jitter"/>[j]): (stratum + jitter) / N in double lanes, rounded to float and kept below 1.
    /// </summary>
    /// <param name="samples">N, the number of strata.</param>
    /// <param name="strata">Each lane's stratum, below N.</param>
    /// <param name="jitter">Each lane's random word, at least as long as <paramref name="strata"/>.</param>
    /// <param name="units">Receives the unit values, at least as long as <paramref name="strata"/>.</param>
    public static void StratumUnits(long samples, ReadOnlySpan<uint> strata, ReadOnlySpan<uint> jitter, Span<float> units)
    {
        var j = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var n = new Vector<double>(samples);
            var belowOne = new Vector<float>(LargestBelowOne);
            for (; j + Vector<uint>.Count <= strata.Length; j += Vector<uint>.Count)
            {
                var stratum = new Vector<uint>(strata[j..]);
                var within = UnitIntervalVector.Open(new Vector<uint>(jitter[j..]));
                var lower = (Vector.ConvertToDouble(Vector.WidenLower(stratum)) + Vector.WidenLower(within)) / n;
                var upper = (Vector.ConvertToDouble(Vector.WidenUpper(stratum)) + Vector.WidenUpper(within)) / n;
                var value = Vector.Narrow(lower, upper);
                Vector.ConditionalSelect(Vector.LessThan(value, Vector<float>.One), value, belowOne).CopyTo(units[j..]);
            }
        }

        for (; j < strata.Length; j++)
        {
            units[j] = StratumUnit(samples, strata[j], jitter[j]);
        }
    }
}
