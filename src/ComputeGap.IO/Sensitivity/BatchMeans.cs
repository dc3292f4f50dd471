using MathNet.Numerics.Distributions;

namespace ComputeGap.IO.Sensitivity;

/// <summary>Confidence half-widths from independent batch estimates.</summary>
public static class BatchMeans
{
    /// <summary>t(0.975, B − 1) · sd / √B over the <paramref name="estimates"/> of B batches (NaN with fewer than two).</summary>
    public static double HalfWidth(IReadOnlyList<double> estimates) => HalfWidthOfMean(estimates.Count, estimates.Sum(), estimates.Sum(e => e * e));

    /// <summary>The 95 % half-width of a mean of <paramref name="n"/> values with sum <paramref name="sum"/> and sum of squares <paramref name="squares"/>.</summary>
    public static double HalfWidthOfMean(long n, double sum, double squares)
    {
        if (n < 2)
        {
            return double.NaN;
        }

        var mean = sum / n;
        var variance = Math.Max(0, (squares - (n * mean * mean)) / (n - 1));
        return StudentT.InvCDF(0, 1, n - 1, 0.975) * Math.Sqrt(variance / n);
    }
}
