using ComputeGap.Core.Designs;

namespace ComputeGap.Core.Tests.Designs;

/// <summary>Each distribution's quantile function against its analytic moments and probabilities, on a Latin hypercube.</summary>
public class DistributionTests
{
    private const int N = 100_000;

    private static double[] Draw(Distribution distribution)
    {
        var design = new SampledDesign(DesignKind.Lhs, N, 3, false, 0, [new UncertainParam(0, distribution)]);
        return [.. Enumerable.Range(0, N).Select(e => (double)design.Value(e, 0))];
    }

    [Fact]
    public void UniformHasItsMeanAndRange()
    {
        var x = Draw(Distribution.Uniform(2, 6));
        Assert.Equal(4, x.Average(), 3);
        Assert.InRange(x.Min(), 2, 2.001);
        Assert.InRange(x.Max(), 5.999, 6);
    }

    [Fact]
    public void LogUniformHasUniformLogarithms()
    {
        var x = Draw(new Distribution(DistributionKind.LogUniform, [1e8, 2e9], [], []));
        var logs = x.Select(v => Math.Log(v)).ToArray();
        Assert.Equal((Math.Log(1e8) + Math.Log(2e9)) / 2, logs.Average(), 3);
        Assert.InRange(x.Min(), 1e8 * 0.9999, 1e8 * 1.001);
    }

    [Fact]
    public void TriangularHasItsMeanAndMode()
    {
        var x = Draw(new Distribution(DistributionKind.Triangular, [0.4, 0.9, 1.5], [], []));
        Assert.Equal((0.4 + 0.9 + 1.5) / 3, x.Average(), 3);
        var belowMode = x.Count(v => v < 0.9) / (double)N;
        Assert.Equal((0.9 - 0.4) / (1.5 - 0.4), belowMode, 3);
    }

    [Fact]
    public void TruncatedNormalHasTheTruncatedMean()
    {
        // Normal(0.2, 0.1) on [0, 1]: the mean of the truncated law is mu + sd (phi(a) - phi(b)) / (Phi(b) - Phi(a)) (Phi tested against mpmath in the Sampling tests).
        var x = Draw(new Distribution(DistributionKind.Normal, [0.2, 0.1, 0, 1], [], []));
        static double Phi(double z) => Core.Sampling.NormalQuantile.Cdf(z);
        static double Density(double z) => Math.Exp(-z * z / 2) / Math.Sqrt(2 * Math.PI);
        var (a, b) = (-2.0, 8.0);
        var expected = 0.2 + (0.1 * (Density(a) - Density(b)) / (Phi(b) - Phi(a)));
        Assert.Equal(expected, x.Average(), 4);
        Assert.True(x.Min() >= 0);
    }

    [Fact]
    public void UntruncatedNormalHasItsMeanAndSd()
    {
        var x = Draw(new Distribution(DistributionKind.Normal, [5, 2, double.NegativeInfinity, double.PositiveInfinity], [], []));
        var mean = x.Average();
        Assert.Equal(5, mean, 3);
        Assert.Equal(2, Math.Sqrt(x.Average(v => (v - mean) * (v - mean))), 2);
    }

    [Fact]
    public void ChoiceTakesEachValueWithItsWeight()
    {
        var x = Draw(new Distribution(DistributionKind.Choice, [], [-1, 24, 36], [0.6, 0.2, 0.2]));
        Assert.Equal(0.6, x.Count(v => v == -1) / (double)N, 4);
        Assert.Equal(0.2, x.Count(v => v == 24) / (double)N, 4);
        Assert.Equal(0.2, x.Count(v => v == 36) / (double)N, 4);
    }
}
