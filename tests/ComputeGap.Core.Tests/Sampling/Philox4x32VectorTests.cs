using System.Numerics;
using ComputeGap.Core.Sampling;

namespace ComputeGap.Core.Tests.Sampling;

/// <summary><see cref="Philox4x32Vector.Blocks"/> gives <see cref="Philox4x32.Block"/>'s words for every counter, in whole vectors and in the scalar tail.</summary>
public sealed class Philox4x32VectorTests
{
    [Theory]
    [MemberData(nameof(Philox4x32Tests.KnownAnswers), MemberType = typeof(Philox4x32Tests))]
    public void EveryLaneMatchesRandom123KnownAnswers(uint c0, uint c1, uint c2, uint c3, uint k0, uint k1, uint x0, uint x1, uint x2, uint x3)
    {
        // Three whole vectors and a tail of three: every lane of each holds the same counter.
        var count = (3 * Vector<uint>.Count) + 3;
        var words = Blocks(Enumerable.Repeat(c0, count).ToArray(), Enumerable.Repeat(c1, count).ToArray(), c2, c3, k0, k1);

        Assert.All(words, block => Assert.Equal((x0, x1, x2, x3), block));
    }

    [Fact]
    public void EveryCounterMatchesTheScalarBlock()
    {
        var random = new Random(20261202);
        for (var count = 0; count <= (4 * Vector<uint>.Count) + 5; count++)
        {
            var low = Words(random, count);
            var high = Words(random, count);
            var (c2, c3, k0, k1) = ((uint)random.NextInt64(1L << 32), (uint)random.NextInt64(1L << 32), (uint)random.NextInt64(1L << 32), (uint)random.NextInt64(1L << 32));

            var words = Blocks(low, high, c2, c3, k0, k1);

            for (var j = 0; j < count; j++)
            {
                var block = Philox4x32.Block(low[j], high[j], c2, c3, k0, k1);
                Assert.Equal((block.X0, block.X1, block.X2, block.X3), words[j]);
            }
        }
    }

    private static uint[] Words(Random random, int count) => [.. Enumerable.Range(0, count).Select(_ => (uint)random.NextInt64(1L << 32))];

    private static (uint, uint, uint, uint)[] Blocks(uint[] low, uint[] high, uint c2, uint c3, uint k0, uint k1)
    {
        var count = low.Length;
        var (x0, x1, x2, x3) = (new uint[count], new uint[count], new uint[count], new uint[count]);
        Philox4x32Vector.Blocks(low, high, c2, c3, k0, k1, x0, x1, x2, x3);
        return [.. Enumerable.Range(0, count).Select(j => (x0[j], x1[j], x2[j], x3[j]))];
    }
}
