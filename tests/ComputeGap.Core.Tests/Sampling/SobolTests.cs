using System.Globalization;
using System.Numerics;
using ComputeGap.Core.Sampling;

namespace ComputeGap.Core.Tests.Sampling;

/// <summary>
/// <see cref="Sobol.Bits{TTable}"/> over <see cref="SobolDirections.Unscrambled"/>: the published first
/// points, scipy's direction numbers, an independent Gray-code generator written here, and the net property.
/// </summary>
public sealed class SobolTests
{
    private static readonly ArrayTable Table = new(SobolDirections.Unscrambled(JoeKuoTable.MaxDimensions));

    [Fact]
    public void FirstEightPointsInThreeDimensionsAreThePublishedOnes()
    {
        // Joe and Kuo's reference program and scipy.stats.qmc.Sobol(d=3, scramble=False).random(8).
        float[][] expected =
        [
            [0f, 0.5f, 0.75f, 0.25f, 0.375f, 0.875f, 0.625f, 0.125f],
            [0f, 0.5f, 0.25f, 0.75f, 0.375f, 0.875f, 0.125f, 0.625f],
            [0f, 0.5f, 0.25f, 0.75f, 0.625f, 0.125f, 0.875f, 0.375f],
        ];

        for (var d = 0; d < 3; d++)
        {
            var got = Enumerable.Range(0, 8).Select(i => Sobol.Unit(Sobol.Bits(Table, d, (uint)i, 0))).ToArray();
            Assert.Equal(expected[d], got);
        }
    }

    [Fact]
    public void DirectionNumbersMatchScipy()
    {
        // scipy 1.10.1, scipy.stats._sobol._initialize_v(v, 1024, 32) (its own copy of new-joe-kuo-6.21201).
        uint[] dimension2 =
        [
            0x80000000, 0xC0000000, 0x60000000, 0x90000000, 0xE8000000, 0x5C000000, 0x8E000000, 0xC5000000,
            0x68800000, 0x9CC00000, 0xEE600000, 0x55900000, 0x80680000, 0xC09C0000, 0x60EE0000, 0x90550000,
            0xE8808000, 0x5CC0C000, 0x8E606000, 0xC5909000, 0x6868E800, 0x9C9C5C00, 0xEEEE8E00, 0x5555C500,
            0x8000E880, 0xC0005CC0, 0x60008E60, 0x9000C590, 0xE8006868, 0x5C009C9C, 0x8E00EEEE, 0xC5005555,
        ];
        uint[] dimension1023 =
        [
            0x80000000, 0x40000000, 0xA0000000, 0xB0000000, 0x58000000, 0x84000000, 0x4A000000, 0x1D000000,
            0x83800000, 0xFEC00000, 0x52200000, 0x5AD00000, 0xF3F80000, 0x6D6C0000, 0x0BF60000, 0x75AF0000,
            0x32D48000, 0x6FFD4000, 0x036FE000, 0xECF5F000, 0xB32F7800, 0xCB945400, 0x891CFA00, 0x169A6F00,
            0xC659AB80, 0xD379C740, 0xFF2831A0, 0xAD941850, 0xA21D8208, 0xF61D3B3C, 0xB41FD1BE, 0x651DE84D,
        ];
        var all = SobolDirections.Unscrambled(JoeKuoTable.MaxDimensions);

        Assert.Equal(dimension2, all.AsSpan(2 * 32, 32).ToArray());
        Assert.Equal(dimension1023, all.AsSpan(1023 * 32, 32).ToArray());

        // Every word: h = (h XOR word)·FNV prime mod 2^64 from the FNV offset basis, row by row, as computed over scipy's table.
        var h = 0xcbf29ce484222325UL;
        foreach (var word in all)
        {
            h = (h ^ word) * 0x100000001b3UL;
        }

        Assert.Equal(0x5d99a30ed23555b3UL, h);
    }

    [Fact]
    public void BitsAgreeWithAnIndependentGrayCodeGenerator()
    {
        const int Dimensions = 20;
        const int Points = 1024;
        var lines = ReadFileLines();
        for (var d = 0; d < Dimensions; d++)
        {
            var v = ReferenceDirections(d == 0 ? null : lines[d - 1]);

            // Joe and Kuo's loop: X_0 = 0, X_i = X_(i−1) XOR V[c], c = the position of the lowest zero bit of i − 1.
            var x = 0u;
            for (var i = 0; i < Points; i++)
            {
                if (i > 0)
                {
                    x ^= v[BitOperations.TrailingZeroCount(~(uint)(i - 1))];
                }

                Assert.Equal(x, Sobol.Bits(Table, d, (uint)i, 0));
            }
        }
    }

    [Fact]
    public void FirstPowerOfTwoPointsOfEachDimensionFillEveryStratumOnce()
    {
        foreach (var d in new[] { 0, 1, 2, 7, 100, 511, 1023 })
        {
            SobolAssert.OnePointPerStratum(i => Sobol.Bits(Table, d, i, 0), maxLog2: 12, $"dimension {d}");
        }
    }

    [Fact]
    public void UnitKeeps24DigitsAndUnitCentredStaysInsideTheInterval()
    {
        Assert.Equal(0f, Sobol.Unit(0));
        Assert.Equal(1f - (1f / 16777216f), Sobol.Unit(uint.MaxValue));
        Assert.Equal(0.5f + (1f / 16777216f), Sobol.Unit(0x80000100u));
        Assert.Equal(1f / 16777216f, Sobol.UnitCentred(0));
        Assert.Equal(1f - (1f / 16777216f), Sobol.UnitCentred(uint.MaxValue));
    }

    [Fact]
    public void UnscrambledRejectsMoreDimensionsThanTheTableHolds()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => SobolDirections.Unscrambled(JoeKuoTable.MaxDimensions + 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => SobolDirections.Unscrambled(-1));
        Assert.Equal(32, SobolDirections.Unscrambled(1).Length);
    }

    /// <summary>The data lines of the embedded file, split here rather than by <see cref="JoeKuoTable.Parse"/>.</summary>
    private static string[][] ReadFileLines()
    {
        using var stream = typeof(JoeKuoTable).Assembly.GetManifestResourceStream(JoeKuoTable.ResourceName)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd()
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Skip(1)
            .Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .ToArray();
    }

    /// <summary>V[1..32] scaled by 2^32 as Joe and Kuo's sobol.cc computes them (index 0 unused there; here V[j − 1]).</summary>
    private static uint[] ReferenceDirections(string[]? line)
    {
        var v = new uint[32];
        if (line is null)
        {
            for (var i = 1; i <= 32; i++)
            {
                v[i - 1] = 1u << (32 - i);
            }

            return v;
        }

        var s = int.Parse(line[1], CultureInfo.InvariantCulture);
        var a = uint.Parse(line[2], CultureInfo.InvariantCulture);
        for (var i = 1; i <= 32; i++)
        {
            if (i <= s)
            {
                v[i - 1] = uint.Parse(line[2 + i], CultureInfo.InvariantCulture) << (32 - i);
                continue;
            }

            v[i - 1] = v[i - s - 1] ^ (v[i - s - 1] >> s);
            for (var k = 1; k <= s - 1; k++)
            {
                v[i - 1] ^= ((a >> (s - 1 - k)) & 1) * v[i - k - 1];
            }
        }

        return v;
    }
}
