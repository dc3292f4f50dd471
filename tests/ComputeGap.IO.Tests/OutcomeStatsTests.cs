using ComputeGap.IO.Statistics;

namespace ComputeGap.IO.Tests;

public sealed class OutcomeStatsTests
{
    private const double Tolerance = 1e-12;

    [Fact]
    public void Quantiles_of_1_to_100_follow_definition_R7()
    {
        var values = Enumerable.Range(1, 100).Select(i => (double)i).Reverse().ToArray();

        var stats = OutcomeStats.Compute("x", values);

        // h = (n - 1) p, interpolate between x[floor h] and the next value (1-based data 1..100).
        Assert.Equal(100, stats.Count);
        Assert.Equal(50.5, stats.Mean, Tolerance);
        Assert.Equal(5.95, stats.P5, Tolerance);
        Assert.Equal(25.75, stats.P25, Tolerance);
        Assert.Equal(50.5, stats.P50, Tolerance);
        Assert.Equal(75.25, stats.P75, Tolerance);
        Assert.Equal(95.05, stats.P95, Tolerance);
        Assert.Equal(1, stats.Min);
        Assert.Equal(100, stats.Max);
        Assert.Equal(0, stats.NonFiniteCount);
    }

    [Fact]
    public void NaN_and_infinities_are_left_out_and_counted()
    {
        double[] values = [3, double.NaN, 1, double.PositiveInfinity, 2, double.NegativeInfinity, 4];

        var stats = OutcomeStats.Compute("x", values);

        Assert.Equal(4, stats.Count);
        Assert.Equal(3, stats.NonFiniteCount);
        Assert.Equal(2.5, stats.Mean, Tolerance);
        Assert.Equal(1.15, stats.P5, Tolerance);
        Assert.Equal(1.75, stats.P25, Tolerance);
        Assert.Equal(2.5, stats.P50, Tolerance);
        Assert.Equal(3.25, stats.P75, Tolerance);
        Assert.Equal(3.85, stats.P95, Tolerance);
        Assert.Equal(1, stats.Min);
        Assert.Equal(4, stats.Max);
    }

    [Fact]
    public void The_never_sentinel_of_month_outcomes_is_left_out_and_counted()
    {
        double[] months = [-1, 5, -1, 7, double.NaN];

        var stats = OutcomeStats.Compute("focus_target_month", months, neverSentinel: -1);

        Assert.Equal(2, stats.Count);
        Assert.Equal(2, stats.NeverCount);
        Assert.Equal(1, stats.NonFiniteCount);
        Assert.Equal(6, stats.Mean, Tolerance);
        Assert.Equal(5, stats.Min);
    }

    [Fact]
    public void With_no_finite_value_every_statistic_is_NaN()
    {
        var stats = OutcomeStats.Compute("x", [double.NaN, double.PositiveInfinity]);

        Assert.Equal(0, stats.Count);
        Assert.Equal(2, stats.NonFiniteCount);
        Assert.All(OutcomeStats.StatisticNames.Skip(3), s => Assert.True(double.IsNaN(stats.Get(s))));
    }

    [Fact]
    public void Quantiles_match_a_plain_R7_loop_on_random_data()
    {
        var random = new Random(42);
        var values = Enumerable.Range(0, 1001).Select(_ => random.NextDouble() * 10 - 3).ToArray();
        var sorted = values.Order().ToArray();

        var stats = OutcomeStats.Compute("x", values);

        foreach (var (p, actual) in new[] { (0.05, stats.P5), (0.25, stats.P25), (0.5, stats.P50), (0.75, stats.P75), (0.95, stats.P95) })
        {
            var h = (sorted.Length - 1) * p;
            var low = (int)Math.Floor(h);
            var expected = sorted[low] + (h - low) * (sorted[Math.Min(low + 1, sorted.Length - 1)] - sorted[low]);
            Assert.Equal(expected, actual, 1e-12);
        }

        Assert.Equal(values.Average(), stats.Mean, 1e-12);
    }
}
