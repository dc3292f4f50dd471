using ComputeGap.Core.Designs;
using ComputeGap.Core.Models;
using ComputeGap.Engine.Backends;

namespace ComputeGap.Engine.Tests.Designs;

/// <summary>The CPU's shortcuts (shared blocks, Gray-code steps, per-group caches, cached derived constants) give exactly the bits of the kernels' row-by-row decoding.</summary>
public sealed class CpuDesignSamplerTests
{
    public static TheoryData<int, long> Designs => new()
    {
        { (int)DesignKind.MonteCarlo, 5000 },
        { (int)DesignKind.Lhs, 5000 },
        { (int)DesignKind.Sobol, 4096 },
        { (int)DesignKind.Saltelli, 256 },
        { (int)DesignKind.Morris, 300 },
    };

    [Theory]
    [MemberData(nameof(Designs))]
    public void EveryValueEqualsTheRowByRowDecoding(int kind, long samples)
    {
        UncertainParam[] uncertain =
        [
            new(0, Distribution.Uniform(-1, 2)),
            new(1, new Distribution(DistributionKind.Triangular, [0, 0.3, 1], [], [])),
            new(2, new Distribution(DistributionKind.LogUniform, [1e3, 1e6], [], [])),
            new(3, new Distribution(DistributionKind.Normal, [0.5, 0.2, 0, 1], [], [])),
            new(4, new Distribution(DistributionKind.Choice, [], [-1, 12, 24], [1, 2, 3])),
            new(5, Distribution.Uniform(0, 1)),
        ];
        var design = new SampledDesign((DesignKind)kind, samples, 77, secondOrder: true, levels: 6, uncertain);
        Transform?[] transforms = [null, Transform.MonthlyFactor, null, Transform.MonthlyDecline, null, Transform.Halving];
        var sampler = new CpuDesignSampler(design, transforms);
        const int width = 16;
        var lanes = new float[uncertain.Length * width];
        var derived = new float[uncertain.Length * width];

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
            var fill = Math.Min(count, width);
            sampler.Fill(start, fill, lanes, width, derived);
            for (var j = 0; j < fill; j++)
            {
                var e = (start + j) % design.Evaluations;
                for (var k = 0; k < uncertain.Length; k++)
                {
                    Assert.Equal(design.Value(e, k), lanes[(k * width) + j]);
                    if (transforms[k] is { } transform)
                    {
                        Assert.Equal(Transforms.Apply(transform, design.Value(e, k)), derived[(k * width) + j]);
                    }
                }
            }
        }
    }
}
