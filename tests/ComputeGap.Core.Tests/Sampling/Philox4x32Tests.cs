using ComputeGap.Core.Sampling;

namespace ComputeGap.Core.Tests.Sampling;

/// <summary><see cref="Philox4x32"/> against Random123's known-answer vectors (kat_vectors, philox4x32, 10 rounds).</summary>
public sealed class Philox4x32Tests
{
    /// <summary>Counter c0 … c3, key k0, k1, and the block x0 … x3, from Random123's kat_vectors.</summary>
    public static TheoryData<uint, uint, uint, uint, uint, uint, uint, uint, uint, uint> KnownAnswers => new()
    {
        { 0x00000000u, 0x00000000u, 0x00000000u, 0x00000000u, 0x00000000u, 0x00000000u, 0x6627e8d5u, 0xe169c58du, 0xbc57ac4cu, 0x9b00dbd8u },
        { 0xffffffffu, 0xffffffffu, 0xffffffffu, 0xffffffffu, 0xffffffffu, 0xffffffffu, 0x408f276du, 0x41c83b0eu, 0xa20bc7c6u, 0x6d5451fdu },
        { 0x243f6a88u, 0x85a308d3u, 0x13198a2eu, 0x03707344u, 0xa4093822u, 0x299f31d0u, 0xd16cfe09u, 0x94fdccebu, 0x5001e420u, 0x24126ea1u },
    };

    [Theory]
    [MemberData(nameof(KnownAnswers))]
    public void BlockMatchesRandom123KnownAnswers(uint c0, uint c1, uint c2, uint c3, uint k0, uint k1, uint x0, uint x1, uint x2, uint x3)
    {
        var block = Philox4x32.Block(c0, c1, c2, c3, k0, k1);

        Assert.Equal((x0, x1, x2, x3), (block.X0, block.X1, block.X2, block.X3));
    }

    [Fact]
    public void UnitIsStrictlyInsideTheUnitIntervalAtBothEnds()
    {
        var low = Philox4x32.Unit(0);
        var high = Philox4x32.Unit(uint.MaxValue);

        // 23 bits plus a half cell: 2^-24 and 1 - 2^-24, both exact floats.
        Assert.Equal(1f / 16777216f, low);
        Assert.Equal(1f - (1f / 16777216f), high);
        Assert.True(low > 0f && high < 1f, $"{low:R} .. {high:R}");
    }

    [Fact]
    public void UnitIsTheCentreOfTheTop23BitsCell()
    {
        // 0x80000000 >> 9 = 2^22: (2^22 + 1/2)·2^-23 = 1/2 + 2^-24.
        Assert.Equal(0.5f + (1f / 16777216f), Philox4x32.Unit(0x80000000u));

        // The low 9 bits do not matter.
        Assert.Equal(Philox4x32.Unit(0x12345600u), Philox4x32.Unit(0x123457FFu));
    }

    [Fact]
    public void ConsecutiveCountersGiveUniformUnits()
    {
        // 2^16 draws into 16 bins: each holds 4096 ± 5 σ (σ = sqrt(4096·15/16) ≈ 62).
        var bins = new int[16];
        for (var i = 0u; i < 1u << 14; i++)
        {
            var block = Philox4x32.Block(i, 0, 0, 0, 42, 7);
            foreach (var word in new[] { block.X0, block.X1, block.X2, block.X3 })
            {
                bins[(int)(Philox4x32.Unit(word) * 16)]++;
            }
        }

        Assert.All(bins, count => Assert.InRange(count, 4096 - 310, 4096 + 310));
    }
}
