using System.Runtime.Intrinsics;
using ComputeGap.Core.Sampling;

namespace ComputeGap.Core.Tests.Sampling;

/// <summary><see cref="Philox4x32Vector"/> gives <see cref="Philox4x32.Block"/>'s words for every counter, at every vector width, in whole steps and in the scalar tail.</summary>
public sealed class Philox4x32VectorTests
{
    private delegate void BlocksOf(ReadOnlySpan<uint> low, ReadOnlySpan<uint> high, uint c2, uint c3, uint k0, uint k1, Span<uint> x0, Span<uint> x1, Span<uint> x2, Span<uint> x3);

    /// <summary>The dispatching entry and each vector width, whether or not this machine accelerates it.</summary>
    private static readonly BlocksOf[] Widths = [Philox4x32Vector.Blocks, Philox4x32Vector.Blocks<WordLanes>, Philox4x32Vector.Blocks<WordLanes512>];

    [Theory]
    [MemberData(nameof(Philox4x32Tests.KnownAnswers), MemberType = typeof(Philox4x32Tests))]
    public void EveryLaneMatchesRandom123KnownAnswers(uint c0, uint c1, uint c2, uint c3, uint k0, uint k1, uint x0, uint x1, uint x2, uint x3)
    {
        // Three whole 512-bit steps and a tail of three: every lane of each holds the same counter.
        var count = (3 * Vector512<uint>.Count) + 3;
        foreach (var blocks in Widths)
        {
            var words = Blocks(blocks, Enumerable.Repeat(c0, count).ToArray(), Enumerable.Repeat(c1, count).ToArray(), c2, c3, k0, k1);

            Assert.All(words, block => Assert.Equal((x0, x1, x2, x3), block));
        }
    }

    [Fact]
    public void EveryCounterMatchesTheScalarBlock()
    {
        var random = new Random(20261202);
        for (var count = 0; count <= (4 * Vector512<uint>.Count) + 5; count++)
        {
            var low = Words(random, count);
            var high = Words(random, count);
            var (c2, c3, k0, k1) = ((uint)random.NextInt64(1L << 32), (uint)random.NextInt64(1L << 32), (uint)random.NextInt64(1L << 32), (uint)random.NextInt64(1L << 32));
            foreach (var blocks in Widths)
            {
                var words = Blocks(blocks, low, high, c2, c3, k0, k1);

                for (var j = 0; j < count; j++)
                {
                    var block = Philox4x32.Block(low[j], high[j], c2, c3, k0, k1);
                    Assert.Equal((block.X0, block.X1, block.X2, block.X3), words[j]);
                }
            }
        }
    }

    private static uint[] Words(Random random, int count) => [.. Enumerable.Range(0, count).Select(_ => (uint)random.NextInt64(1L << 32))];

    private static (uint, uint, uint, uint)[] Blocks(BlocksOf blocks, uint[] low, uint[] high, uint c2, uint c3, uint k0, uint k1)
    {
        var count = low.Length;
        var (x0, x1, x2, x3) = (new uint[count], new uint[count], new uint[count], new uint[count]);
        blocks(low, high, c2, c3, k0, k1, x0, x1, x2, x3);
        return [.. Enumerable.Range(0, count).Select(j => (x0[j], x1[j], x2[j], x3[j]))];
    }
}
