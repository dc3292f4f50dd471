namespace ComputeGap.Core.Sampling;

/// <summary>
/// The standard normal distribution: its quantile in float for device code (turning a uniform draw
/// into a normal one) and its CDF in double for host-side checks and summaries.
/// </summary>
public static class NormalQuantile
{
    // AS241 PPND7 (M. J. Wichura, "Algorithm AS 241: The percentage points of the normal
    // distribution", Applied Statistics 37(3), 477–484, 1988), single-precision coefficients.
    private const float Split1 = 0.425f;
    private const float Split2 = 5f;
    private const float Const1 = 0.180625f;
    private const float Const2 = 1.6f;

    // Central region, |p − 1/2| ≤ 0.425.
    private const float A0 = 3.3871327179f;
    private const float A1 = 50.434271938f;
    private const float A2 = 159.29113202f;
    private const float A3 = 59.109374720f;
    private const float B1 = 17.895169469f;
    private const float B2 = 78.757757664f;
    private const float B3 = 67.187563600f;

    // Intermediate tails, r = sqrt(−ln min(p, 1 − p)) ≤ 5.
    private const float C0 = 1.4234372777f;
    private const float C1 = 2.7568153900f;
    private const float C2 = 1.3067284816f;
    private const float C3 = 0.17023821103f;
    private const float D1 = 0.73700164250f;
    private const float D2 = 0.12021132975f;

    // Far tails, r > 5 (min(p, 1 − p) below about 1.4e-11).
    private const float E0 = 6.6579051150f;
    private const float E1 = 3.0812263860f;
    private const float E2 = 0.42868294337f;
    private const float E3 = 0.017337203997f;
    private const float F1 = 0.24197894225f;
    private const float F2 = 0.012258202635f;

    /// <summary>
    /// z with Φ(z) = <paramref name="p"/>, for p in (0, 1): Wichura's AS241 PPND7, accurate to about
    /// 1 part in 10^7 (within 2e-6 absolute of the exact quantile of the float p down to p = 1e-6, tested).
    /// p ≤ 0 gives −∞, p ≥ 1 gives +∞, NaN gives NaN. Symmetric: for p ≥ 1/2, 1 − p is exact in float, so
    /// InverseCdf(1 − p) = −InverseCdf(p).
    /// </summary>
    /// <remarks>
    /// Device safe when the ILGPU context enables algorithms (<c>EnableAlgorithms()</c>, as the engine's
    /// does), which maps <see cref="MathF.Log(float)"/> and <see cref="MathF.Sqrt"/> to device code; one
    /// log and one square root, and only outside the central 85 % of probability.
    /// </remarks>
    public static float InverseCdf(float p)
    {
        var q = p - 0.5f;
        if ((q < 0f ? -q : q) <= Split1)
        {
            var r = Const1 - (q * q);
            return q * ((((((A3 * r) + A2) * r) + A1) * r) + A0) / ((((((B3 * r) + B2) * r) + B1) * r) + 1f);
        }

        var tail = q < 0f ? p : 1f - p;
        if (tail <= 0f)
        {
            return q < 0f ? float.NegativeInfinity : float.PositiveInfinity;
        }

        var s = MathF.Sqrt(-MathF.Log(tail));
        float z;
        if (s <= Split2)
        {
            s -= Const2;
            z = ((((((C3 * s) + C2) * s) + C1) * s) + C0) / ((((D2 * s) + D1) * s) + 1f);
        }
        else
        {
            s -= Split2;
            z = ((((((E3 * s) + E2) * s) + E1) * s) + E0) / ((((F2 * s) + F1) * s) + 1f);
        }

        return q < 0f ? -z : z;
    }

    /// <summary>
    /// Φ(x) = P(Z ≤ x) for a standard normal Z, in double, host only: W. J. Cody's rational Chebyshev
    /// approximation (W. J. Cody, "Rational Chebyshev approximations for the error function", Math.
    /// Comp. 23, 631–637, 1969; the ANORM routine of ACM TOMS Algorithm 715, 1993, as R's pnorm runs it).
    /// Relative error within 1e-15 of the exact value wherever the result is a normal double (x ≥ −37.5;
    /// tested against reference values), absolute error within 1e-16 near 1. NaN gives NaN.
    /// </summary>
    public static double Cdf(double x) => CodyNormal.Cdf(x);
}
