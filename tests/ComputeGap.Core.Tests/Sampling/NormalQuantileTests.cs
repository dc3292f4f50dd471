using ComputeGap.Core.Sampling;

namespace ComputeGap.Core.Tests.Sampling;

/// <summary>
/// <see cref="NormalQuantile.Cdf"/> against 40-digit reference values, and
/// <see cref="NormalQuantile.InverseCdf"/> against the exact quantile of the float it is given.
/// </summary>
/// <remarks>
/// Reference values: mpmath 1.2.1 (<c>mp.ncdf</c> at 50 digits, quantiles by <c>mp.findroot</c> on it),
/// rounded to double. MathNet.Numerics is not referenced by this test project, so it is not the oracle here.
/// </remarks>
public sealed class NormalQuantileTests
{
    /// <summary>Φ(x) to double precision; the left column is exact.</summary>
    public static TheoryData<double, double> CdfValues => new()
    {
        { -37.0, 5.725571222524577e-300 },
        { -30.0, 4.906713927148187e-198 },
        { -20.0, 2.7536241186062337e-89 },
        { -10.0, 7.619853024160525e-24 },
        { -8.0, 6.220960574271784e-16 },
        { -6.0, 9.86587645037698e-10 },
        { -5.5, 1.8989562465887718e-08 },
        { -5.0, 2.866515718791939e-07 },
        { -4.0, 3.1671241833119924e-05 },
        { -3.0, 0.0013498980316300946 },
        { -2.0, 0.02275013194817921 },
        { -1.0, 0.15865525393145705 },
        { -0.7, 0.24196365222307303 },
        { -0.5, 0.3085375387259869 },
        { -0.001, 0.49960105778608893 },
        { 0.0, 0.5 },
        { 0.3, 0.6179114221889527 },
        { 0.6, 0.7257468822499265 },
        { 0.7, 0.758036347776927 },
        { 1.0, 0.8413447460685429 },
        { 2.0, 0.9772498680518208 },
        { 3.0, 0.9986501019683699 },
        { 5.0, 0.9999997133484281 },
        { 6.0, 0.9999999990134123 },
        { 8.0, 0.9999999999999993 },
    };

    /// <summary>The exact quantile of each float p (p printed as the float's exact value).</summary>
    public static TheoryData<float, double> QuantileValues => new()
    {
        { 1.1754943508222875e-38f, -12.949952701187204 },
        { 9.999999682655225e-21f, -9.262340093185976 },
        { 5.960464477539063e-08f, -5.294704084854598 },
        { 9.999999974752427e-07f, -4.7534243093331225 },
        { 0.0010000000474974513f, -3.090232292061434 },
        { 0.02500000037252903f, -1.9599639781660516 },
        { 0.10000000149011612f, -1.2815515570538296 },
        { 0.30000001192092896f, -0.5244004784222137 },
        { 0.5f, 0.0 },
        { 0.699999988079071f, 0.5244004784222137 },
        { 0.8999999761581421f, 1.2815514296922788 },
        { 0.9750000238418579f, 1.959964392476387 },
        { 0.9990000128746033f, 3.0902361298491052 },
        { 0.9999989867210388f, 4.7507577546030335 },
        { 0.9999999403953552f, 5.294704084854598 },
    };

    [Theory]
    [MemberData(nameof(CdfValues))]
    public void CdfIsWithin1e15RelativeOfTheReference(double x, double expected)
    {
        var got = NormalQuantile.Cdf(x);

        Assert.True(Math.Abs(got - expected) <= 1e-15 * expected, $"Φ({x}) = {got:R}, expected {expected:R}");
    }

    [Fact]
    public void CdfHandlesTheEnds()
    {
        Assert.Equal(0.0, NormalQuantile.Cdf(-40));
        Assert.Equal(0.0, NormalQuantile.Cdf(double.NegativeInfinity));
        Assert.Equal(1.0, NormalQuantile.Cdf(40));
        Assert.Equal(1.0, NormalQuantile.Cdf(double.PositiveInfinity));
        Assert.True(double.IsNaN(NormalQuantile.Cdf(double.NaN)));
    }

    [Theory]
    [MemberData(nameof(QuantileValues))]
    public void InverseCdfIsWithin2e6OfTheReference(float p, double expected)
    {
        var got = NormalQuantile.InverseCdf(p);

        Assert.True(Math.Abs(got - expected) <= 2e-6, $"Φ⁻¹({p:R}) = {got:R}, expected {expected:R}");
    }

    [Fact]
    public void InverseCdfIsWithin2e6OfTheExactQuantileOverAFineGrid()
    {
        // 200 000 evenly spaced p, 99 points per decade from 1e-7 up on both sides, and both float
        // neighbours of PPND7's branch points (|p − 1/2| = 0.425, and r = sqrt(−ln p) = 5 at p = e^−25).
        // The quantile of the float p itself is the truth: the float nearest 1 − 1e-6 is 1e-8 away
        // from it, worth 2e-3 in z.
        var grid = new List<float>();
        for (var k = 1; k < 200_000; k++)
        {
            grid.Add(k / 200_000f);
        }

        for (var decade = 1e-6; decade < 0.5; decade *= 10)
        {
            for (var m = 1; m < 100; m++)
            {
                grid.Add((float)(decade * m / 10));
                grid.Add(1f - (float)(decade * m / 10));
            }
        }

        foreach (var edge in new[] { 0.075f, 0.925f, (float)Math.Exp(-25) })
        {
            grid.Add(MathF.BitDecrement(edge));
            grid.Add(edge);
            grid.Add(MathF.BitIncrement(edge));
        }

        // Also relative: PPND7's ~1e-7 plus float rounding of ln and z; measured worst 3.6e-7·max(1, |z|).
        var worst = 0.0;
        foreach (var p in grid)
        {
            var exact = ExactQuantile(p);
            var error = Math.Abs(NormalQuantile.InverseCdf(p) - exact);
            Assert.True(error <= 2e-6, $"Φ⁻¹({p:R}): error {error:E2}");
            Assert.True(error <= 6e-7 * Math.Max(1, Math.Abs(exact)), $"Φ⁻¹({p:R}) = {exact:R}: relative error {error / Math.Max(1, Math.Abs(exact)):E2}");
            worst = Math.Max(worst, error);
        }

        Assert.True(worst > 0, "a float quantile cannot be exact everywhere: the reference is not being used");
    }

    [Fact]
    public void CdfOfInverseCdfGivesPBack()
    {
        // Φ(Φ⁻¹(p)) − p ≈ φ(z)·(error in z); relative to min(p, 1 − p) that is about |z|·(error in z)
        // (Mills' ratio), so 1e-5 covers PPND7's ~1e-7 relative error and the float rounding of z.
        for (var k = 1; k < 10_000; k++)
        {
            var p = k / 10_000f;
            var back = NormalQuantile.Cdf(NormalQuantile.InverseCdf(p));
            Assert.True(Math.Abs(back - p) <= 1e-5 * Math.Min(p, 1 - (double)p), $"p = {p:R}: Φ(Φ⁻¹(p)) = {back:R}");
        }

        foreach (var p in new[] { 1e-6f, 1e-5f, 1e-4f, 1f - 1e-4f, 1f - 1e-5f })
        {
            var back = NormalQuantile.Cdf(NormalQuantile.InverseCdf(p));
            Assert.True(Math.Abs(back - p) <= 1e-5 * Math.Min(p, 1 - (double)p), $"p = {p:R}: Φ(Φ⁻¹(p)) = {back:R}");
        }
    }

    [Fact]
    public void InverseCdfIsOddAboutOneHalfAndHandlesTheEnds()
    {
        for (var k = 1; k < 1 << 12; k++)
        {
            var p = k / 8192f;
            Assert.Equal(-NormalQuantile.InverseCdf(p), NormalQuantile.InverseCdf(1f - p));
        }

        Assert.Equal(0f, NormalQuantile.InverseCdf(0.5f));
        Assert.Equal(float.NegativeInfinity, NormalQuantile.InverseCdf(0f));
        Assert.Equal(float.PositiveInfinity, NormalQuantile.InverseCdf(1f));
        Assert.Equal(float.NegativeInfinity, NormalQuantile.InverseCdf(-0.25f));
        Assert.True(float.IsNaN(NormalQuantile.InverseCdf(float.NaN)));
    }

    [Fact]
    public void InverseCdfIsNonDecreasingOverEveryCellCentre()
    {
        // All 2^23 values UnitInterval.Open can return, in order: sorted uniforms stay sorted, also
        // across PPND7's branch points.
        var previous = float.NegativeInfinity;
        for (var k = 0u; k < 1u << 23; k++)
        {
            var z = NormalQuantile.InverseCdf(UnitInterval.Open(k << 9));
            if (z < previous)
            {
                Assert.Fail($"cell {k}: {z:R} after {previous:R}");
            }

            previous = z;
        }
    }

    [Fact]
    public void InverseCdfOfTheOuterCellCentresIsFiniteAt5Point29()
    {
        // The open mapping's extremes, 2^-24 and 1 - 2^-24: |z| = 5.29.
        Assert.Equal(-5.2947, NormalQuantile.InverseCdf(Sobol.UnitCentred(0)), 3);
        Assert.Equal(5.2947, NormalQuantile.InverseCdf(Sobol.UnitCentred(uint.MaxValue)), 3);
    }

    /// <summary>Φ⁻¹(p) in double by bisection on <see cref="NormalQuantile.Cdf"/> (itself checked above to 1e-15).</summary>
    private static double ExactQuantile(double p)
    {
        double low = -40, high = 40;
        for (var i = 0; i < 200 && high - low > 1e-13; i++)
        {
            var mid = 0.5 * (low + high);
            if (NormalQuantile.Cdf(mid) < p)
            {
                low = mid;
            }
            else
            {
                high = mid;
            }
        }

        return 0.5 * (low + high);
    }
}
