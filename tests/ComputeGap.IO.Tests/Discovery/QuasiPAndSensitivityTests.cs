using ComputeGap.IO.Discovery;

namespace ComputeGap.IO.Tests.Discovery;

public sealed class QuasiPAndSensitivityTests
{
    [Fact]
    public void Quasi_p_is_the_binomial_upper_tail_worked_by_hand()
    {
        // P(X >= 8) for X ~ Bin(10, 0.5) = (C(10,8) + C(10,9) + C(10,10)) / 2^10 = (45 + 10 + 1) / 1024.
        Assert.Equal(56.0 / 1024, PrimQuasiP.Value(10, 8, 0.5), 12);

        // P(X >= 1) for X ~ Bin(3, 0.2) = 1 - 0.8^3.
        Assert.Equal(1 - 0.512, PrimQuasiP.Value(3, 1, 0.2), 12);
        Assert.Equal(1, PrimQuasiP.Value(5, 0, 0.3));
    }

    [Fact]
    public void Kolmogorov_p_value_matches_the_published_distribution()
    {
        // P(K > 1) = 0.2700 and P(K > 1.3581) = 0.0500 for the Kolmogorov distribution (large samples:
        // the small-sample correction of λ vanishes as nₑ grows).
        Assert.Equal(0.27000, RegionalSensitivity.KolmogorovPValue(1 / Math.Sqrt(1e12), 1e12), 4);
        Assert.Equal(0.05, RegionalSensitivity.KolmogorovPValue(1.3581 / Math.Sqrt(1e12), 1e12), 4);
        Assert.Equal(1, RegionalSensitivity.KolmogorovPValue(0, 100));
    }

    [Fact]
    public void Kolmogorov_distance_worked_by_hand()
    {
        // Cases of interest at values {1, 2, 2, 3}, the rest at {2, 3, 3, 4}: the CDFs after 1, 2, 3, 4
        // are 1/4, 3/4, 1, 1 and 0, 1/4, 3/4, 1, so D = max(1/4, 1/2, 1/4, 0) = 1/2.
        double[] values = [1, 2, 2, 3, 2, 3, 3, 4];
        bool[] flags = [true, true, true, true, false, false, false, false];
        var data = new PrimData([ColumnCoder.Code("v", values), ColumnCoder.Code("w", new double[] { 0, 1, 0, 1, 0, 1, 0, 1 })], flags);
        var ranked = RegionalSensitivity.Rank(data);
        Assert.Equal("v", ranked[0].Name);
        Assert.Equal(0.5, ranked[0].Distance, 12);
        Assert.Equal("w", ranked[1].Name);
        Assert.Equal(0, ranked[1].Distance, 12);
    }

    [Fact]
    public void Codes_are_ranks_of_distinct_values_and_bins_keep_equal_values_together()
    {
        var small = ColumnCoder.Code("s", [0.5, -1, 0.5, 3, -0.0, 0]);
        Assert.True(small.Exact);
        Assert.Equal([2, 0, 2, 3, 1, 1], small.Codes.Select(c => (int)c));
        Assert.Equal([-1, 0, 0.5, 3], small.Low);

        // 200,000 distinct values become 65,536 bins of about equal counts, each a contiguous value range.
        var random = new Random(4);
        var values = Enumerable.Range(0, 200_000).Select(_ => random.NextDouble()).Append(0.25).Append(0.25).ToArray();
        var binned = ColumnCoder.Code("b", values);
        Assert.False(binned.Exact);
        Assert.True(binned.CodeCount > 60_000, $"{binned.CodeCount} bins");
        Assert.Equal(binned.Codes[^1], binned.Codes[^2]);
        for (var c = 1; c < binned.CodeCount; c++)
        {
            Assert.True(binned.Low[c] > binned.High[c - 1], $"bin {c}");
        }

        for (var i = 0; i < values.Length; i++)
        {
            Assert.InRange(values[i], binned.Low[binned.Codes[i]], binned.High[binned.Codes[i]]);
        }
    }
}
