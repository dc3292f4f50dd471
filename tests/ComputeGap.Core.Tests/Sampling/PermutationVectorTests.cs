using System.Numerics;
using ComputeGap.Core.Sampling;

namespace ComputeGap.Core.Tests.Sampling;

/// <summary><see cref="PermutationVector.Indices"/> gives <see cref="Permutation.Index(uint, uint, uint, uint, uint)"/>'s position for every index, however long the cycle walk of any lane.</summary>
public sealed class PermutationVectorTests
{
    [Theory]
    [InlineData(2u)]
    [InlineData(3u)]
    [InlineData(7u)]
    [InlineData(16u)]
    [InlineData(17u)]
    [InlineData(1000u)]
    [InlineData(65537u)]
    [InlineData(1u << 20)]
    [InlineData((1u << 31) + 1)]
    [InlineData(uint.MaxValue)]
    public void EveryIndexMatchesTheScalarPermutation(uint length)
    {
        var random = new Random((int)length);
        uint[] seeds = [0, 1, 0x9E3779B9, uint.MaxValue, .. Enumerable.Range(0, 8).Select(_ => (uint)random.NextInt64(1L << 32))];
        var count = (5 * Vector<uint>.Count) + 3;
        foreach (var seed in seeds)
        {
            // The first indices in order, then random ones below the length.
            var indices = Enumerable.Range(0, count).Select(j => j < length && j < 2 * Vector<uint>.Count ? (uint)j : (uint)random.NextInt64(length)).ToArray();
            var positions = new uint[count];

            PermutationVector.Indices(indices, length, seed, Permutation.Mask(length), seed % length, positions);

            for (var j = 0; j < count; j++)
            {
                Assert.Equal(Permutation.Index(indices[j], length, seed), positions[j]);
            }
        }
    }
}
