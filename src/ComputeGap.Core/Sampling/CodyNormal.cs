namespace ComputeGap.Core.Sampling;

/// <summary>
/// Cody's normal CDF (ANORM, ACM TOMS 715), the host implementation behind
/// <see cref="NormalQuantile.Cdf"/>: three rational approximations, for |x| ≤ 0.66291, up to √32, and
/// beyond, with exp(−x²/2) split as exp(−x₀²/2)·exp(−(x − x₀)(x + x₀)/2), x₀ = x truncated to 1/16, so the
/// far tail keeps full relative precision.
/// </summary>
internal static class CodyNormal
{
    private const double Threshold = 0.66291;
    private const double Root32 = 5.656854249492380195206754896838;
    private const double InverseSqrt2Pi = 0.398942280401432677939946059934;

    /// <summary>Below −38.5 the lower tail is under 1e-324 and is 0 in double.</summary>
    private const double Underflow = 38.5;

    private static readonly double[] A = [2.2352520354606839287, 161.02823106855587881, 1067.6894854603709582, 18154.981253343561249, 0.065682337918207449113];
    private static readonly double[] B = [47.20258190468824187, 976.09855173777669322, 10260.932208618978205, 45507.789335026729956];
    private static readonly double[] C = [0.39894151208813466764, 8.8831497943883759412, 93.506656132177855979, 597.27027639480026226, 2494.5375852903726711, 6848.1904505362823326, 11602.651437647350124, 9842.7148383839780218, 1.0765576773720192317e-8];
    private static readonly double[] D = [22.266688044328115691, 235.38790178262499861, 1519.377599407554805, 6485.558298266760755, 18615.571640885098091, 34900.952721145977266, 38912.003286093271411, 19685.429676859990727];
    private static readonly double[] P = [0.21589853405795699, 0.1274011611602473639, 0.022235277870649807, 0.001421619193227893466, 2.9112874951168792e-5, 0.02307344176494017303];
    private static readonly double[] Q = [1.28426009614491121, 0.468238212480865118, 0.0659881378689285515, 0.00378239633202758244, 7.29751555083966205e-5];

    public static double Cdf(double x)
    {
        if (double.IsNaN(x))
        {
            return double.NaN;
        }

        var y = Math.Abs(x);
        if (y <= Threshold)
        {
            var xsq = x * x;
            var xnum = A[4] * xsq;
            var xden = xsq;
            for (var i = 0; i < 3; i++)
            {
                xnum = (xnum + A[i]) * xsq;
                xden = (xden + B[i]) * xsq;
            }

            return 0.5 + (x * (xnum + A[3]) / (xden + B[3]));
        }

        var lowerTail = y >= Underflow ? 0.0 : GaussianFactor(y) * (y <= Root32 ? Middle(y) : Far(y));
        return x < 0 ? lowerTail : 1.0 - lowerTail;
    }

    /// <summary>Φ(−y)·exp(y²/2) for 0.66291 &lt; y ≤ √32.</summary>
    private static double Middle(double y)
    {
        var xnum = C[8] * y;
        var xden = y;
        for (var i = 0; i < 7; i++)
        {
            xnum = (xnum + C[i]) * y;
            xden = (xden + D[i]) * y;
        }

        return (xnum + C[7]) / (xden + D[7]);
    }

    /// <summary>Φ(−y)·exp(y²/2) for y &gt; √32: an asymptotic rational in 1/y².</summary>
    private static double Far(double y)
    {
        var xsq = 1.0 / (y * y);
        var xnum = P[5] * xsq;
        var xden = xsq;
        for (var i = 0; i < 4; i++)
        {
            xnum = (xnum + P[i]) * xsq;
            xden = (xden + Q[i]) * xsq;
        }

        var temp = xsq * (xnum + P[4]) / (xden + Q[4]);
        return (InverseSqrt2Pi - temp) / y;
    }

    /// <summary>exp(−y²/2) in two factors (see the class summary).</summary>
    private static double GaussianFactor(double y)
    {
        var y0 = Math.Truncate(y * 16) / 16;
        var del = (y - y0) * (y + y0);
        return Math.Exp(-y0 * y0 * 0.5) * Math.Exp(-del * 0.5);
    }
}
