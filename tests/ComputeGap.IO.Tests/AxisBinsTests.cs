using ComputeGap.IO.Statistics;

namespace ComputeGap.IO.Tests;

public sealed class AxisBinsTests
{
    private static AxisEffect Axis(int values) =>
        new("quota", [.. Enumerable.Range(0, values).Select(i => new AxisLevel(i, i, 1))]);

    [Fact]
    public void A_thousand_value_axis_falls_into_twelve_groups_of_neighbouring_values()
    {
        var bins = AxisBins.Group(Axis(1000));

        // 1000 = 12 * 83 + 4: the first four groups take 84 values, the other eight 83.
        Assert.Equal(12, bins.Count);
        Assert.Equal([84, 84, 84, 84, 83, 83, 83, 83, 83, 83, 83, 83], bins.Select(b => b.Values));
        Assert.Equal(new AxisBin(0, 83, 41.5, 84, 84), bins[0]);
        Assert.Equal(new AxisBin(336, 418, 377, 83, 83), bins[4]);
        Assert.Equal(new AxisBin(917, 999, 958, 83, 83), bins[^1]);
        Assert.Equal(1000, bins.Sum(b => b.Count));
    }

    [Fact]
    public void A_group_mean_is_the_mean_over_its_scenarios_not_over_its_values()
    {
        // Values 0 and 1 in one group: 3 scenarios at mean 1, 1 scenario at mean 5 -> (3 + 5) / 4 = 2.
        var effect = new AxisEffect("a", [new AxisLevel(0, 1, 3), new AxisLevel(1, 5, 1), new AxisLevel(2, 7, 2), new AxisLevel(3, double.NaN, 0)]);

        var bins = AxisBins.Group(effect, maxGroups: 2);

        Assert.Equal(new AxisBin(0, 1, 2, 4, 2), bins[0]);
        Assert.Equal(new AxisBin(2, 3, 7, 2, 2), bins[1]);
    }

    [Fact]
    public void An_axis_of_at_most_twelve_values_keeps_one_group_per_value()
    {
        var bins = AxisBins.Group(Axis(12));

        Assert.Equal(Enumerable.Range(0, 12).Select(i => new AxisBin(i, i, i, 1, 1)), bins);
    }
}
