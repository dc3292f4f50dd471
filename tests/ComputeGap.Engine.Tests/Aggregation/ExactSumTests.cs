using System.Numerics;
using ComputeGap.Engine.Aggregation;

namespace ComputeGap.Engine.Tests.Aggregation;

/// <summary>The exact accumulator: hand cases, a BigInteger reference, and independence from order and splitting.</summary>
public sealed class ExactSumTests
{
    [Theory]
    [InlineData(new[] { 1e100, 1.0, -1e100 }, 1.0)]
    [InlineData(new[] { 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1 }, 1.0)]
    [InlineData(new[] { 1.0, 1e-16, 1e-16 }, 1.0000000000000002)]
    [InlineData(new[] { 1e16, 1.0, 1e-16 }, 10000000000000002.0)]
    [InlineData(new[] { -0.5, 0.5 }, 0.0)]
    [InlineData(new[] { 4.9e-324, 4.9e-324, -1e-300, 1e-300 }, 1e-323)]
    [InlineData(new[] { 1.7976931348623157e308, -1.7976931348623157e308, 3.0 }, 3.0)]
    public void Hand_cases_are_exact(double[] values, double expected)
    {
        var sum = new ExactSum();
        foreach (var value in values)
        {
            sum.Add(value);
        }

        Assert.Equal(expected, sum.Round());
    }

    [Fact]
    public void A_cleared_sum_is_zero_and_sums_again_from_zero()
    {
        var sum = new ExactSum();
        sum.Add(1e300);
        sum.Add(3.5);
        sum.Clear();
        Assert.True(sum.IsZero);
        sum.Add(1e-300);
        sum.Add(2.0);
        var fresh = new ExactSum();
        fresh.Add(2.0);
        fresh.Add(1e-300);
        Assert.True(fresh.ExactlyEquals(sum));
    }

    [Fact]
    public void Rounding_goes_to_nearest_and_ties_to_even()
    {
        // 1 + 2^-53 is halfway between 1 and the next double: ties go to the even 1.
        var tie = new ExactSum();
        tie.Add(1);
        tie.Add(Math.ScaleB(1, -53));
        Assert.Equal(1.0, tie.Round());

        // A hair above halfway rounds up.
        tie.Add(Math.ScaleB(1, -200));
        Assert.Equal(Math.BitIncrement(1.0), tie.Round());

        // (1 + 2^-52) + 2^-53 is halfway to an even neighbour: rounds up to it.
        var odd = new ExactSum();
        odd.Add(Math.BitIncrement(1.0));
        odd.Add(Math.ScaleB(1, -53));
        Assert.Equal(Math.BitIncrement(Math.BitIncrement(1.0)), odd.Round());
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Random_sums_are_correctly_rounded_and_identical_in_every_order_and_split(int seed)
    {
        var rng = new Random(seed);
        var values = Enumerable.Range(0, 5000).Select(_ => RandomDouble(rng)).ToArray();
        var reference = values.Aggregate(BigInteger.Zero, (acc, v) => acc + ExactSum.Scaled(v));

        var first = Sum(values);
        AssertCorrectlyRounded(reference, first.Round());
        Assert.Equal(reference, first.ToScaledInteger());
        for (var trial = 0; trial < 5; trial++)
        {
            var shuffled = values.OrderBy(_ => rng.Next()).ToArray();
            var cut = rng.Next(shuffled.Length);
            var merged = Sum(shuffled[cut..]);
            merged.Add(Sum(shuffled[..cut]));
            Assert.Equal(BitConverter.DoubleToInt64Bits(first.Round()), BitConverter.DoubleToInt64Bits(merged.Round()));
            Assert.Equal(first.ToExactString(), merged.ToExactString());
            Assert.True(first.ExactlyEquals(merged));
        }
    }

    [Fact]
    public void Catastrophic_cancellation_keeps_the_small_terms()
    {
        var rng = new Random(11);
        var big = Enumerable.Range(0, 1000).Select(_ => rng.NextDouble() * 1e20).ToArray();
        var small = Enumerable.Range(0, 1000).Select(_ => rng.NextDouble() * 1e-3).ToArray();
        var values = big.Concat(small).Concat(big.Select(b => -b)).OrderBy(_ => rng.Next()).ToArray();
        var reference = small.Aggregate(BigInteger.Zero, (acc, v) => acc + ExactSum.Scaled(v));

        AssertCorrectlyRounded(reference, Sum(values).Round());
    }

    [Theory]
    [InlineData(0.1)]
    [InlineData(-3.5e-7)]
    [InlineData(1.7e300)]
    public void Millions_of_additions_carry_correctly_in_both_signs(double value)
    {
        const int n = 3_000_000;
        var sum = new ExactSum();
        var merged = new ExactSum();
        for (var i = 0; i < n; i++)
        {
            sum.Add(value);
            sum.Add(-value / 3);
            var part = new ExactSum();
            part.Add(value);
            merged.Add(part);
        }

        var expected = (ExactSum.Scaled(value) + ExactSum.Scaled(-value / 3)) * n;
        Assert.Equal(expected, sum.ToScaledInteger());
        Assert.Equal(ExactSum.Scaled(value) * n, merged.ToScaledInteger());
        AssertCorrectlyRounded(expected, sum.Round());
    }

    [Fact]
    public void The_canonical_text_round_trips_exactly_and_starts_with_the_rounded_sum()
    {
        var sum = Sum([1e16, 1.0, 1e-16, -3e-40, 7.5]);
        var text = sum.ToExactString();
        var parsed = ExactSum.Parse(text);

        Assert.True(parsed.ExactlyEquals(sum));
        Assert.Equal(text, parsed.ToExactString());
        Assert.Equal(sum.Round(), sum.Canonical()[0]);
        Assert.Equal("0", new ExactSum().ToExactString());
        Assert.True(ExactSum.Parse("0").IsZero);
        Assert.Throws<FormatException>(() => ExactSum.Parse("1 NaN"));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ExactSum().Add(double.PositiveInfinity));
    }

    private static ExactSum Sum(IEnumerable<double> values)
    {
        var sum = new ExactSum();
        foreach (var value in values)
        {
            sum.Add(value);
        }

        return sum;
    }

    /// <summary>Doubles over a wide range of magnitudes and both signs, some subnormal.</summary>
    private static double RandomDouble(Random rng)
    {
        var mantissa = rng.NextDouble() + 0.5;
        var exponent = rng.Next(10) == 0 ? rng.Next(-1074, -1000) : rng.Next(-60, 60);
        var value = Math.ScaleB(mantissa, exponent);
        return rng.Next(2) == 0 ? value : -value;
    }

    /// <summary>Checks <paramref name="rounded"/> against the exact value by its neighbours, without the code under test's rounding.</summary>
    private static void AssertCorrectlyRounded(BigInteger exact, double rounded)
    {
        var distance = BigInteger.Abs(exact - ExactSum.Scaled(rounded));
        foreach (var neighbour in new[] { Math.BitIncrement(rounded), Math.BitDecrement(rounded) })
        {
            var other = BigInteger.Abs(exact - ExactSum.Scaled(neighbour));
            Assert.True(distance < other || (distance == other && (BitConverter.DoubleToInt64Bits(rounded) & 1) == 0),
                $"{rounded:R} is not the nearest double to the exact sum (its neighbour {neighbour:R} is at least as near).");
        }
    }
}
