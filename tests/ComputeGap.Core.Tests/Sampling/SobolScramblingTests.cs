using ComputeGap.Core.Sampling;

namespace ComputeGap.Core.Tests.Sampling;

/// <summary><see cref="SobolDirections.Scrambled"/>: LMS + shift exactly as documented, and the net property kept.</summary>
public sealed class SobolScramblingTests
{
    private static readonly int[] Dimensions = [0, 1, 2, 5, 63, 500, 1023];

    [Theory]
    [InlineData(0u)]
    [InlineData(1u)]
    [InlineData(0xC0FFEEu)]
    [InlineData(uint.MaxValue)]
    public void ScrambledPointsStillFillEveryStratumOnce(uint seed)
    {
        var (directions, shifts) = SobolDirections.Scrambled(JoeKuoTable.MaxDimensions, seed);
        var table = new ArrayTable(directions);
        foreach (var d in Dimensions)
        {
            SobolAssert.OnePointPerStratum(i => Sobol.Bits(table, d, i, shifts[d]), maxLog2: 12, $"seed {seed}, dimension {d}");
        }
    }

    [Fact]
    public void ScrambleIsTheDocumentedMatrixTimesEachDirectionNumber()
    {
        const uint Seed = 20240601;
        var plain = SobolDirections.Unscrambled(64);
        var (directions, shifts) = SobolDirections.Scrambled(64, Seed);
        foreach (var d in new[] { 0, 1, 17, 63 })
        {
            // L[r, c] for digits r, c (0 = most significant): random below the diagonal, 1 on it, 0 above;
            // row r's random bits are Philox X0 of counter (d, r, 0, 0) under key (seed, "Sobo"), bit 31 − c.
            var l = new bool[32, 32];
            for (var r = 0; r < 32; r++)
            {
                var word = Philox4x32.Block((uint)d, (uint)r, 0, 0, Seed, 0x536F626F).X0;
                for (var c = 0; c < r; c++)
                {
                    l[r, c] = ((word >> (31 - c)) & 1) != 0;
                }

                l[r, r] = true;
            }

            for (var j = 0; j < 32; j++)
            {
                var v = plain[(d * 32) + j];
                var expected = 0u;
                for (var r = 0; r < 32; r++)
                {
                    var digit = false;
                    for (var c = 0; c < 32; c++)
                    {
                        digit ^= l[r, c] && ((v >> (31 - c)) & 1) != 0;
                    }

                    expected |= digit ? 1u << (31 - r) : 0;
                }

                Assert.Equal(expected, directions[(d * 32) + j]);
            }

            Assert.Equal(Philox4x32.Block((uint)d, 32, 0, 0, Seed, 0x536F626F).X0, shifts[d]);
        }
    }

    [Fact]
    public void SeedsGiveDifferentScramblesAndADimensionDoesNotDependOnHowManyAreBuilt()
    {
        var (a, shiftsA) = SobolDirections.Scrambled(8, 1);
        var (b, shiftsB) = SobolDirections.Scrambled(8, 2);
        var (wide, shiftsWide) = SobolDirections.Scrambled(300, 1);
        var plain = SobolDirections.Unscrambled(8);

        for (var d = 1; d < 8; d++)
        {
            var span = (d * 32)..((d + 1) * 32);
            Assert.NotEqual(a[span], b[span]);
            Assert.NotEqual(a[span], plain[span]);
            Assert.Equal(a[span], wide[span]);
        }

        Assert.NotEqual(shiftsA, shiftsB);
        Assert.Equal(shiftsA, shiftsWide[..8]);
    }

    [Fact]
    public void ScrambledFirstPointIsTheShiftAndItsCoordinatesAverageOneHalf()
    {
        // Over 64 seeds, the mean of 1024 scrambled points of a dimension is 1/2 within a few
        // standard errors; the unscrambled first point is 0 for every dimension, the scrambled one is the shift.
        var sum = 0.0;
        for (var seed = 0u; seed < 64; seed++)
        {
            var (directions, shifts) = SobolDirections.Scrambled(4, seed);
            var table = new ArrayTable(directions);
            Assert.Equal(shifts[3], Sobol.Bits(table, 3, 0, shifts[3]));
            for (var i = 0u; i < 1024; i++)
            {
                sum += Sobol.Unit(Sobol.Bits(table, 3, i, shifts[3]));
            }
        }

        // A scrambled net's mean over 2^10 points has variance far below 1/(12·2^10); 64 replicates
        // of independent-uniform means would have standard error 1.1e-3, so 0.005 is a loose bound.
        Assert.InRange(sum / (64 * 1024), 0.495, 0.505);
    }
}
