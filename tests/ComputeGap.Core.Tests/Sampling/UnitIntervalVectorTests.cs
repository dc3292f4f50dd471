using System.Numerics;
using ComputeGap.Core.Sampling;

namespace ComputeGap.Core.Tests.Sampling;

/// <summary><see cref="UnitIntervalVector.Open(ReadOnlySpan{uint}, Span{float})"/> gives <see cref="UnitInterval.Open"/>'s float for every word.</summary>
public sealed class UnitIntervalVectorTests
{
    [Fact]
    public void EveryWordMatchesTheScalarMapping()
    {
        var random = new Random(7);
        uint[] words = [0, 1, 511, 512, 0x80000000u, uint.MaxValue - 511, uint.MaxValue, .. Enumerable.Range(0, (6 * Vector<uint>.Count) + 2).Select(_ => (uint)random.NextInt64(1L << 32))];
        var units = new float[words.Length];

        UnitIntervalVector.Open(words, units);

        Assert.Equal(words.Select(UnitInterval.Open), units);
    }
}
