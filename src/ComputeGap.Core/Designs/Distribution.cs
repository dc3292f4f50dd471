using ComputeGap.Core.Sampling;

namespace ComputeGap.Core.Designs;

/// <summary>A distribution as a sweep file gives it; <see cref="Constants"/> turns it into <see cref="DistributionTable"/>'s form.</summary>
/// <param name="Kind">The family.</param>
/// <param name="Parameters">uniform, log_uniform: from, to; triangular: min, mode, max; normal: mean, sd, min, max (±∞ when absent); choice: empty.</param>
/// <param name="Values">Choice values (empty otherwise).</param>
/// <param name="Weights">Choice weights, parallel to <paramref name="Values"/>.</param>
public sealed record Distribution(DistributionKind Kind, IReadOnlyList<double> Parameters, IReadOnlyList<double> Values, IReadOnlyList<double> Weights)
{
    /// <summary>Uniform on [<paramref name="from"/>, <paramref name="to"/>].</summary>
    public static Distribution Uniform(double from, double to) => new(DistributionKind.Uniform, [from, to], [], []);

    /// <summary>The lowest and highest values it can take.</summary>
    public (double Low, double High) Bounds => Kind switch
    {
        DistributionKind.Uniform or DistributionKind.LogUniform => (Parameters[0], Parameters[1]),
        DistributionKind.Triangular => (Parameters[0], Parameters[2]),
        DistributionKind.Normal => (Parameters[2], Parameters[3]),
        _ => (Values.Min(), Values.Max()),
    };

    /// <summary>The <see cref="DistributionTable.Width"/> float constants, with choice lists starting at <paramref name="choiceOffset"/>.</summary>
    public float[] Constants(int choiceOffset)
    {
        var c = new double[DistributionTable.Width];
        var p = Parameters;
        switch (Kind)
        {
            case DistributionKind.Uniform:
                (c[0], c[1]) = (p[0], p[1] - p[0]);
                break;
            case DistributionKind.LogUniform:
                (c[0], c[1]) = (Math.Log(p[0]), Math.Log(p[1]) - Math.Log(p[0]));
                break;
            case DistributionKind.Triangular:
                (c[0], c[1], c[2]) = (p[0], p[2], p[1]);
                c[3] = p[2] > p[0] ? (p[1] - p[0]) / (p[2] - p[0]) : 0;
                break;
            case DistributionKind.Normal:
                var low = NormalQuantile.Cdf((p[2] - p[0]) / p[1]);
                var high = NormalQuantile.Cdf((p[3] - p[0]) / p[1]);
                (c[0], c[1], c[2], c[3], c[4], c[5]) = (p[0], p[1], low, high - low, p[2], p[3]);
                break;
            default:
                (c[0], c[1]) = (choiceOffset, Values.Count);
                break;
        }

        return [.. c.Select(v => (float)v)];
    }

    /// <summary>Cumulative weights, normalised so the last is exactly 1.</summary>
    public float[] CumulativeWeights()
    {
        var total = Weights.Sum();
        var cumulative = new float[Weights.Count];
        var running = 0.0;
        for (var i = 0; i < cumulative.Length; i++)
        {
            running += Weights[i];
            cumulative[i] = i == cumulative.Length - 1 ? 1f : (float)(running / total);
        }

        return cumulative;
    }
}
