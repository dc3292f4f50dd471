using ComputeGap.Core.Designs;

namespace ComputeGap.Core.Tests.Designs;

/// <summary>What each design promises about its points, checked on the decoded values.</summary>
public class DesignPointTests
{
    private static SampledDesign Uniform(DesignKind kind, long samples, int dimensions, uint seed = 11, bool secondOrder = false, int levels = 4) =>
        new(kind, samples, seed, secondOrder, levels, [.. Enumerable.Range(0, dimensions).Select(k => new UncertainParam(k, Distribution.Uniform(0, 1)))]);

    [Fact]
    public void LatinHypercubePutsOnePointInEveryStratumOfEveryParameter()
    {
        const int n = 1000;
        var design = Uniform(DesignKind.Lhs, n, 4);
        for (var k = 0; k < 4; k++)
        {
            var strata = Enumerable.Range(0, n).Select(e => (int)(design.Value(e, k) * n)).Order().ToArray();
            Assert.Equal(Enumerable.Range(0, n), strata);
        }
    }

    [Fact]
    public void LatinHypercubeShufflesEachParameterDifferently()
    {
        var design = Uniform(DesignKind.Lhs, 256, 2);
        var first = Enumerable.Range(0, 256).Select(e => (int)(design.Value(e, 0) * 256)).ToArray();
        var second = Enumerable.Range(0, 256).Select(e => (int)(design.Value(e, 1) * 256)).ToArray();
        Assert.NotEqual(first, second);
        Assert.NotEqual(Enumerable.Range(0, 256), first);
    }

    [Fact]
    public void ScrambledSobolPointsFillEveryDyadicIntervalOncePerPowerOfTwo()
    {
        var design = Uniform(DesignKind.Sobol, 1024, 5);
        for (var k = 0; k < 5; k++)
        {
            var cells = Enumerable.Range(0, 1024).Select(e => (int)(design.Value(e, k) * 1024)).Order().ToArray();
            Assert.Equal(Enumerable.Range(0, 1024), cells);
        }
    }

    [Fact]
    public void MonteCarloDrawsLookUniformAndIndependent()
    {
        const int n = 200_000;
        var design = Uniform(DesignKind.MonteCarlo, n, 6);
        for (var k = 0; k < 6; k++)
        {
            var values = Enumerable.Range(0, n).Select(e => (double)design.Value(e, k)).ToArray();
            Assert.InRange(values.Average(), 0.5 - 0.003, 0.5 + 0.003);
            Assert.InRange(values.Average(v => v * v), (1.0 / 3) - 0.003, (1.0 / 3) + 0.003);
            Assert.All(values, v => Assert.InRange(v, double.Epsilon, 1 - 1e-9));
        }

        var correlation = Enumerable.Range(0, n).Average(e => (design.Value(e, 0) - 0.5) * (design.Value(e, 5) - 0.5)) * 12;
        Assert.InRange(correlation, -0.01, 0.01);
    }

    [Fact]
    public void TheSameSeedGivesTheSameValuesAndAnotherSeedOthers()
    {
        var a = Uniform(DesignKind.MonteCarlo, 100, 2, seed: 1);
        var b = Uniform(DesignKind.MonteCarlo, 100, 2, seed: 1);
        var c = Uniform(DesignKind.MonteCarlo, 100, 2, seed: 2);
        Assert.Equal(a.Value(57, 1), b.Value(57, 1));
        Assert.NotEqual(a.Value(57, 1), c.Value(57, 1));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void SaltelliRowsFollowSalibOrder(bool secondOrder)
    {
        const int d = 3;
        var design = Uniform(DesignKind.Saltelli, 8, d, secondOrder: secondOrder);
        var group = secondOrder ? (2 * d) + 2 : d + 2;
        Assert.Equal(group, design.Header.Group);
        Assert.Equal(8L * group, design.Evaluations);
        for (var j = 0; j < 8; j++)
        {
            float[] Row(int r) => [.. Enumerable.Range(0, d).Select(k => design.Value((j * group) + r, k))];
            var a = Row(0);
            var b = Row(group - 1);
            Assert.All(Enumerable.Range(0, d), k => Assert.NotEqual(a[k], b[k]));
            for (var i = 0; i < d; i++)
            {
                var ab = Row(1 + i);
                Assert.Equal([.. Enumerable.Range(0, d).Select(k => k == i ? b[k] : a[k])], ab);
                if (secondOrder)
                {
                    var ba = Row(1 + d + i);
                    Assert.Equal([.. Enumerable.Range(0, d).Select(k => k == i ? a[k] : b[k])], ba);
                }
            }
        }
    }

    [Fact]
    public void SaltelliBaseSamplesAreTheFirstHalfAndSecondHalfOfOneSobolSequenceIn2dDimensions()
    {
        const int d = 2;
        var saltelli = Uniform(DesignKind.Saltelli, 16, d, seed: 5);
        var sobol = Uniform(DesignKind.Sobol, 16, 2 * d, seed: 5);
        for (var j = 0; j < 16; j++)
        {
            for (var k = 0; k < d; k++)
            {
                Assert.Equal(sobol.Value(j, k), saltelli.Value(j * (d + 2), k));
                Assert.Equal(sobol.Value(j, d + k), saltelli.Value((j * (d + 2)) + d + 1, k));
            }
        }
    }

    [Fact]
    public void MorrisTrajectoriesMoveOneParameterByDeltaPerStepOnTheGrid()
    {
        const int d = 5;
        const int levels = 6;
        var design = Uniform(DesignKind.Morris, 40, d, levels: levels);
        var delta = levels / (2.0 * (levels - 1));
        for (var t = 0; t < 40; t++)
        {
            var moved = new HashSet<int>();
            for (var m = 0; m < d; m++)
            {
                var before = Enumerable.Range(0, d).Select(k => (double)design.Value((t * (d + 1)) + m, k)).ToArray();
                var after = Enumerable.Range(0, d).Select(k => (double)design.Value((t * (d + 1)) + m + 1, k)).ToArray();
                var changed = Enumerable.Range(0, d).Where(k => before[k] != after[k]).ToArray();
                Assert.Single(changed);
                Assert.Equal(delta, Math.Abs(after[changed[0]] - before[changed[0]]), 6);
                Assert.True(moved.Add(changed[0]));
                Assert.All(after, v => Assert.Equal(0, (v * (levels - 1)) - Math.Round(v * (levels - 1)), 4));
            }
        }
    }
}
