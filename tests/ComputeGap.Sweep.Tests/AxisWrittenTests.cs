using ComputeGap.Sweep.Spec;
using Xunit;

namespace ComputeGap.Sweep.Tests;

/// <summary>Axis values as the sweep file writes them, for the row files' double axis columns.</summary>
public sealed class AxisWrittenTests
{
    private static SweepAxis Axis(string source) =>
        SweepSpecParser.Parse(TestData.J("{'axes': [{'param': 'leakage', " + source + "}]}"), TestData.File, TestData.V1Baseline).Axes[0];

    [Fact]
    public void Listed_values_are_the_decimals_written_not_their_float32()
    {
        var axis = Axis("'values': [0, 0.1, 0.26, 0.123456789]");

        Assert.Equal([0, 0.1, 0.26, 0.123456789], Enumerable.Range(0, 4).Select(axis.Written));
        Assert.NotEqual(0.26, (double)(float)0.26);
    }

    [Fact]
    public void A_range_keeps_its_ends_and_writes_its_inner_values_as_the_shortest_decimal_of_their_float32()
    {
        // 0.1 + 0.5 · 4 / 10 is 0.30000000000000004 in doubles; the model computes with 0.3f, written 0.3.
        var axis = Axis("'range': {'from': 0.1, 'to': 0.6, 'count': 11}");

        Assert.Equal(0.30000000000000004, axis.Values[4]);
        Assert.Equal([0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6], Enumerable.Range(0, 11).Select(axis.Written));
    }

    [Theory]
    [InlineData("'values': [0, 0.1, 0.26, 0.123456789, 3e-9, 0.999999999]")]
    [InlineData("'range': {'from': 0.1, 'to': 0.6, 'count': 11}")]
    [InlineData("'log_range': {'from': 0.001, 'to': 0.9, 'count': 17}")]
    public void Every_written_value_narrows_to_the_float32_the_model_uses(string source)
    {
        var axis = Axis(source);

        Assert.All(Enumerable.Range(0, axis.Values.Count), i => Assert.Equal((float)axis.Values[i], (float)axis.Written(i)));
    }
}
