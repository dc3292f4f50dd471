using System.Numerics;
using ComputeGap.Core.Designs;
using ComputeGap.Core.Sampling;

namespace ComputeGap.Core.Tests.Designs;

/// <summary>The random designs' decoding of a run of evaluations at once gives the single-evaluation forms' bits, lane by lane.</summary>
public sealed class DesignPointRunsTests
{
    private static readonly int Count = (3 * Vector<uint>.Count) + 5;

    [Fact]
    public void MonteCarloAndJitterBlocksMatchTheSingleEvaluationBlocks()
    {
        var design = new SampledDesign(DesignKind.MonteCarlo, 1L << 40, 99, false, 4, [new UncertainParam(0, Distribution.Uniform(0, 1))]).Header;

        // Evaluations from below 2^32 to above it, so the counter's high word changes inside a vector.
        var evaluations = Enumerable.Range(0, Count).Select(j => (1L << 32) - 9 + j).ToArray();
        var low = evaluations.Select(e => (uint)e).ToArray();
        var high = evaluations.Select(e => (uint)(e >> 32)).ToArray();
        var words = new uint[4 * Count];
        for (var quad = 0; quad < 3; quad++)
        {
            DesignPoint.MonteCarloBlocks(design, low, high, quad, words.AsSpan(0, Count), words.AsSpan(Count, Count), words.AsSpan(2 * Count, Count), words.AsSpan(3 * Count, Count));
            AssertWords(words, evaluations.Select(e => DesignPoint.MonteCarloBlock(design, e, quad)));

            DesignPoint.JitterBlocks(design, low, high, quad, words.AsSpan(0, Count), words.AsSpan(Count, Count), words.AsSpan(2 * Count, Count), words.AsSpan(3 * Count, Count));
            AssertWords(words, evaluations.Select(e => DesignPoint.JitterBlock(design, e, quad)));
        }
    }

    [Theory]
    [InlineData(1L)]
    [InlineData(2L)]
    [InlineData(3L)]
    [InlineData(1000L)]
    [InlineData((1L << 24) + 1)]
    [InlineData(1L << 30)]
    [InlineData((1L << 33) + 3)]
    public void StratumUnitsMatchTheScalarUnit(long samples)
    {
        var random = new Random((int)samples);
        var top = (uint)Math.Min(samples, uint.MaxValue);

        // The top stratum with the top jitter first: for a large N it rounds to 1 and must be kept below.
        var strata = Enumerable.Range(0, Count).Select(j => j == 0 ? top - 1 : (uint)random.NextInt64(top)).ToArray();
        var jitter = Enumerable.Range(0, Count).Select(j => j == 0 ? uint.MaxValue : (uint)random.NextInt64(1L << 32)).ToArray();
        var units = new float[Count];

        DesignPoint.StratumUnits(samples, strata, jitter, units);

        Assert.Equal(Enumerable.Range(0, Count).Select(j => DesignPoint.StratumUnit(samples, strata[j], jitter[j])), units);
        Assert.All(units, unit => Assert.True(unit < 1f, $"{unit:R}"));
    }

    [Fact]
    public void QuantilesMatchTheScalarQuantileForEveryKind()
    {
        UncertainParam[] uncertain =
        [
            new(0, Distribution.Uniform(-1, 2)),
            new(1, new Distribution(DistributionKind.LogUniform, [1e3, 1e6], [], [])),
            new(2, new Distribution(DistributionKind.Triangular, [0, 0.3, 1], [], [])),
            new(3, new Distribution(DistributionKind.Normal, [0.5, 0.2, 0, 1], [], [])),
            new(4, new Distribution(DistributionKind.Choice, [], [-1, 12, 24], [1, 2, 3])),
        ];
        Assert.Equal(Enum.GetValues<DistributionKind>().Length, uncertain.Length);
        var tables = new SampledDesign(DesignKind.MonteCarlo, 100, 5, false, 4, uncertain).Tables;
        var random = new Random(3);
        for (var k = 0; k < uncertain.Length; k++)
        {
            float[] probabilities = [1f / 16777216f, 0.5f, 1f - (1f / 16777216f), .. Enumerable.Range(0, Count).Select(_ => random.NextSingle())];
            var values = probabilities.ToArray();

            DistributionTable.Quantiles(tables, k, values);

            Assert.Equal(probabilities.Select(u => DistributionTable.Quantile(tables, k, u)), values);
        }
    }

    private static void AssertWords(uint[] words, IEnumerable<Philox4> blocks) =>
        Assert.Equal(blocks.Select(b => (b.X0, b.X1, b.X2, b.X3)), Enumerable.Range(0, Count).Select(j => (words[j], words[Count + j], words[(2 * Count) + j], words[(3 * Count) + j])));
}
