using ComputeGap.Core.Sampling;

namespace ComputeGap.Core.Tests.Sampling;

/// <summary><see cref="Permutation.Index"/> is a bijection for every length and seed, and is Kensler's permutation.</summary>
public sealed class PermutationTests
{
    private static readonly uint[] Seeds = [0, 1, 7, 0x9E3779B9, 0xDEADBEEF, uint.MaxValue];

    [Theory]
    [InlineData(1u)]
    [InlineData(2u)]
    [InlineData(3u)]
    [InlineData(7u)]
    [InlineData(1000u)]
    [InlineData(4096u)]
    [InlineData(65537u)]
    public void EveryIndexAppearsExactlyOnce(uint length)
    {
        foreach (var seed in Seeds)
        {
            var seen = new bool[length];
            for (var i = 0u; i < length; i++)
            {
                var j = Permutation.Index(i, length, seed);
                Assert.True(j < length, $"length {length}, seed {seed}: {i} -> {j}");
                Assert.False(seen[j], $"length {length}, seed {seed}: {j} reached twice");
                seen[j] = true;
            }
        }
    }

    [Theory]
    [InlineData(7u)]
    [InlineData(1000u)]
    [InlineData(4096u)]
    [InlineData(65537u)]
    public void DifferentSeedsGiveDifferentPermutations(uint length)
    {
        var permutations = Seeds
            .Select(seed => string.Join(',', Enumerable.Range(0, (int)length).Select(i => Permutation.Index((uint)i, length, seed))))
            .ToArray();

        Assert.Equal(Seeds.Length, permutations.Distinct().Count());
    }

    [Fact]
    public void MatchesKenslersMemoWhereItsRotationDoesNotOverflow()
    {
        var rng = new Random(3);
        for (var n = 0; n < 20_000; n++)
        {
            var length = (uint)rng.Next(1, 1 << 20);
            var seed = (uint)rng.Next(0, int.MaxValue);
            var i = (uint)rng.Next(0, (int)length);

            Assert.Equal(KenslerMemo(i, length, seed), Permutation.Index(i, length, seed));
        }
    }

    [Fact]
    public void StaysABijectionWhereTheMemosRotationWouldWrap()
    {
        // The memo's (i + p) % l with p = 2^32 − 1, l = 3 sends both 0 and 1 to 0 (2^32 − 1 is divisible by 3).
        var memo = new[] { KenslerMemo(0, 3, uint.MaxValue), KenslerMemo(1, 3, uint.MaxValue), KenslerMemo(2, 3, uint.MaxValue) };
        var ours = new[] { Permutation.Index(0, 3, uint.MaxValue), Permutation.Index(1, 3, uint.MaxValue), Permutation.Index(2, 3, uint.MaxValue) };

        Assert.True(memo.Distinct().Count() < 3, string.Join(',', memo));
        Assert.Equal([0u, 1u, 2u], ours.Order().ToArray());
    }

    /// <summary><c>permute(i, l, p)</c> as printed in Kensler's memo (Pixar Technical Memo 13-01).</summary>
    private static uint KenslerMemo(uint i, uint l, uint p)
    {
        var w = l - 1;
        w |= w >> 1;
        w |= w >> 2;
        w |= w >> 4;
        w |= w >> 8;
        w |= w >> 16;
        do
        {
            i ^= p; i *= 0xe170893d;
            i ^= p >> 16;
            i ^= (i & w) >> 4;
            i ^= p >> 8; i *= 0x0929eb3f;
            i ^= p >> 23;
            i ^= (i & w) >> 1; i *= 1 | (p >> 27);
            i *= 0x6935fa69;
            i ^= (i & w) >> 11; i *= 0x74dcb303;
            i ^= (i & w) >> 2; i *= 0x9e501cc3;
            i ^= (i & w) >> 2; i *= 0xc860a3df;
            i &= w;
            i ^= i >> 5;
        }
        while (i >= l);
        return (i + p) % l;
    }
}
