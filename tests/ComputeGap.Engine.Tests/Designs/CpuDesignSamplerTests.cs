using ComputeGap.Core.Designs;
using ComputeGap.Core.Models;
using ComputeGap.Engine.Backends;

namespace ComputeGap.Engine.Tests.Designs;

/// <summary>The CPU's shortcuts (shared blocks, whole runs in vector lanes, Gray-code steps, per-group caches, cached derived constants) give exactly the bits of the kernels' row-by-row decoding.</summary>
public sealed class CpuDesignSamplerTests
{
    /// <summary>One parameter of every distribution kind, and a sixth uniform one, so a second Philox block holds two parameters.</summary>
    private static readonly UncertainParam[] Uncertain =
    [
        new(0, Distribution.Uniform(-1, 2)),
        new(1, new Distribution(DistributionKind.Triangular, [0, 0.3, 1], [], [])),
        new(2, new Distribution(DistributionKind.LogUniform, [1e3, 1e6], [], [])),
        new(3, new Distribution(DistributionKind.Normal, [0.5, 0.2, 0, 1], [], [])),
        new(4, new Distribution(DistributionKind.Choice, [], [-1, 12, 24], [1, 2, 3])),
        new(5, Distribution.Uniform(0, 1)),
    ];

    private static readonly Transform?[] DerivedTransforms = [null, Transform.MonthlyFactor, null, Transform.MonthlyDecline, null, Transform.Halving];

    public static TheoryData<int, long> Designs => new()
    {
        { (int)DesignKind.MonteCarlo, 5000 },
        { (int)DesignKind.Lhs, 5000 },
        { (int)DesignKind.Sobol, 4096 },
        { (int)DesignKind.Saltelli, 256 },
        { (int)DesignKind.Morris, 300 },
    };

    /// <summary>The designs decoded a whole run at once; more than 2^32 samples puts the counters' high word to work.</summary>
    public static TheoryData<int, long> RandomDesigns => new()
    {
        { (int)DesignKind.MonteCarlo, 5000 },
        { (int)DesignKind.Lhs, 5000 },
        { (int)DesignKind.Lhs, 1 },
        { (int)DesignKind.MonteCarlo, (1L << 33) + 7 },
        { (int)DesignKind.Lhs, (1L << 33) + 7 },
    };

    [Fact]
    public void EveryDistributionKindIsCovered() =>
        Assert.Equal(Enum.GetValues<DistributionKind>().Order(), Uncertain.Select(u => u.Distribution.Kind).Distinct().Order());

    [Theory]
    [MemberData(nameof(Designs))]
    public void EveryValueEqualsTheRowByRowDecoding(int kind, long samples)
    {
        var design = Design(kind, samples);
        var sampler = new CpuDesignSampler(design, DerivedTransforms);

        // Walk the ensemble in runs of odd lengths, then jump around, as workers do.
        var starts = new List<(long Start, int Count)>();
        for (long e = 0; e < design.Evaluations; e += 13)
        {
            starts.Add((e, (int)Math.Min(13, design.Evaluations - e)));
        }

        starts.Add((design.Evaluations - 3, 7));
        starts.Add((design.Evaluations / 2, 16));
        starts.Add((1, 5));
        foreach (var (start, count) in starts)
        {
            AssertRun(design, sampler, start, count, 16);
        }
    }

    [Theory]
    [MemberData(nameof(RandomDesigns))]
    public void RunsOfEveryLengthEqualTheRowByRowDecoding(int kind, long samples)
    {
        var design = Design(kind, samples);
        var sampler = new CpuDesignSampler(design, DerivedTransforms);
        var evaluations = design.Evaluations;

        // Every count up to two and a half vectors of 16, from the start, across 2^32, and wrapping at the end.
        foreach (var width in new[] { 16, 40 })
        {
            for (var count = 1; count <= width; count++)
            {
                AssertRun(design, sampler, 0, count, width);
                AssertRun(design, sampler, (1L << 32) % evaluations, count, width);
                AssertRun(design, sampler, ((1L << 32) - (count / 2)) % evaluations, count, width);
                AssertRun(design, sampler, evaluations - 1 - (count / 2 % evaluations), count, width);
            }
        }
    }

    private static SampledDesign Design(int kind, long samples) =>
        new((DesignKind)kind, samples, 77, secondOrder: true, levels: 6, Uncertain);

    /// <summary>Fills evaluations <paramref name="start"/> … + <paramref name="count"/> − 1 and compares every value and derived constant with the row-by-row decoding.</summary>
    private static void AssertRun(SampledDesign design, CpuDesignSampler sampler, long start, int count, int width)
    {
        var lanes = new float[Uncertain.Length * width];
        var derived = new float[Uncertain.Length * width];
        var fill = Math.Min(count, width);
        sampler.Fill(start, fill, lanes, width, derived);
        for (var j = 0; j < fill; j++)
        {
            var e = (start + j) % design.Evaluations;
            for (var k = 0; k < Uncertain.Length; k++)
            {
                Assert.Equal(design.Value(e, k), lanes[(k * width) + j]);
                if (DerivedTransforms[k] is { } transform)
                {
                    Assert.Equal(Transforms.Apply(transform, design.Value(e, k)), derived[(k * width) + j]);
                }
            }
        }
    }
}
