using ComputeGap.IO.Statistics;

namespace ComputeGap.IO.Tests;

public sealed class MainEffectsTests
{
    // a:    0.5  0.5  0.5  1.0  1.0  1.0
    // b:    1    2    3    1    2    3
    // out:  0.1  0.2  0.3  0.2  0.4  NaN
    private static readonly double[] A = [0.5, 0.5, 0.5, 1.0, 1.0, 1.0];
    private static readonly double[] B = [3, 2, 1, 3, 2, 1];
    private static readonly double[] Outcome = [0.3, 0.2, 0.1, double.NaN, 0.4, 0.2];

    [Fact]
    public void Each_axis_value_gets_the_mean_of_the_finite_outcomes_at_that_value_in_ascending_order()
    {
        var a = AxisEffects.Compute("a", A, Outcome);
        var b = AxisEffects.Compute("b", B, Outcome);

        Assert.Equal([0.5, 1.0], a.Levels.Select(l => l.Value));
        Assert.Equal(0.2, a.Levels[0].Mean, 1e-12);
        Assert.Equal(0.3, a.Levels[1].Mean, 1e-12);
        Assert.Equal([3L, 2L], a.Levels.Select(l => l.Count));
        Assert.Equal(0.1, a.Swing, 1e-12);

        Assert.Equal([1.0, 2.0, 3.0], b.Levels.Select(l => l.Value));
        Assert.Equal(0.15, b.Levels[0].Mean, 1e-12);
        Assert.Equal(0.30, b.Levels[1].Mean, 1e-12);
        Assert.Equal(0.30, b.Levels[2].Mean, 1e-12);
        Assert.Equal(1, b.Levels[2].Count);
        Assert.Equal(0.15, b.Swing, 1e-12);
    }

    [Fact]
    public void Axes_are_ranked_by_swing_largest_first()
    {
        var ranked = AxisEffects.RankBySwing([AxisEffects.Compute("a", A, Outcome), AxisEffects.Compute("b", B, Outcome)]);

        Assert.Equal(["b", "a"], ranked.Select(e => e.Axis));
    }

    [Fact]
    public void A_single_valued_axis_has_no_swing()
    {
        var effect = AxisEffects.Compute("c", [2.0, 2.0], [0.1, 0.3]);

        Assert.Single(effect.Levels);
        Assert.Equal(0.2, effect.Levels[0].Mean, 1e-12);
        Assert.Equal(0, effect.Swing);
    }
}
