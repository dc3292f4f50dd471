using ComputeGap.IO.Parquet;
using ComputeGap.IO.Reports;
using ComputeGap.IO.Sensitivity;

namespace ComputeGap.IO.Tests;

/// <summary>A grid's variance decomposition and a sampled design's policy comparison, on tables small enough to work by hand.</summary>
public sealed class DecompositionTests
{
    /// <summary>
    /// y = a + 2b + ab on a ∈ {0, 1}, b ∈ {0, 1, 2}: values 0, 2, 4, 1, 4, 7, mean 3, variance 16/3;
    /// a's conditional means 2 and 4 (variance 1), b's 0.5, 3, 5.5 (variance 25/6), cell residuals
    /// ±0.5 or 0 (variance 1/6): S1_a = 3/16, S1_b = 25/32, S2 = 1/32, summing to 1.
    /// </summary>
    [Fact]
    public void GridIndicesMatchTheHandWorkedDecomposition()
    {
        double[] a = [0, 0, 0, 1, 1, 1];
        double[] b = [0, 1, 2, 0, 1, 2];
        var y = a.Zip(b, (x, z) => x + (2 * z) + (x * z)).ToArray();
        var columns = new Dictionary<string, double[]> { ["a"] = a, ["b"] = b, ["y"] = y };
        var grid = GridDecomposition.Compute("y", ["a", "b"], name => columns[name])!;
        Assert.Equal(16.0 / 3, grid.Variance, 12);
        Assert.Equal(3.0 / 16, grid.FirstOrder["a"], 12);
        Assert.Equal(25.0 / 32, grid.FirstOrder["b"], 12);
        var pair = Assert.Single(grid.Pairs);
        Assert.Equal(1.0 / 32, pair.S2, 12);
        Assert.Equal([0.0, 2, 4], pair.Means[0]);
        Assert.Equal([1.0, 4, 7], pair.Means[1]);
    }

    /// <summary>
    /// A month outcome's "never" (−1) is left out as the statistics leave it: the hand-worked grid above with
    /// two extra cells of "never" at a = 1, b = 3 gives the same indices, and the cells of "never" are empty (NaN).
    /// </summary>
    [Fact]
    public void NeverIsLeftOutOfTheGridIndicesOfAMonthOutcome()
    {
        double[] a = [0, 0, 0, 0, 1, 1, 1, 1];
        double[] b = [0, 1, 2, 3, 0, 1, 2, 3];
        double[] y = [0, 2, 4, -1, 1, 4, 7, -1];
        var columns = new Dictionary<string, double[]> { ["a"] = a, ["b"] = b, ["y"] = y };

        var grid = GridDecomposition.Compute("y", ["a", "b"], name => columns[name], never: -1)!;

        Assert.Equal(16.0 / 3, grid.Variance, 12);
        Assert.Equal(3.0 / 16, grid.FirstOrder["a"], 12);
        Assert.Equal(25.0 / 32, grid.FirstOrder["b"], 12);
        var pair = Assert.Single(grid.Pairs);
        Assert.Equal(1.0 / 32, pair.S2, 12);
        Assert.Equal([0.0, 2, 4, double.NaN], pair.Means[0]);
        Assert.Equal(0, grid.MainEffects.Single(e => e.Axis == "b").Levels[^1].Count);
    }

    /// <summary>
    /// Two policies over four futures: y = 1, 2, 3, 4 and 2, 1, 5, 0. Best per future 2, 2, 5, 4;
    /// regrets 1, 0, 2, 0 (median 0.5, R-7 p90 1.7, best in half) and 0, 1, 0, 4 (median 0.5, p90 3.1).
    /// </summary>
    [Fact]
    public void PoliciesAreComparedFutureByFuture()
    {
        var design = new DesignInfo("monte_carlo", 4, 4, 1, false, 0, 0, ["x"]);
        var metadata = new Dictionary<string, string>
        {
            [MetadataKeys.Axes] = "[\"lever\"]",
            [MetadataKeys.Design] = design.ToJson(),
        };

        // Rows arrive out of order: the scenario column places them.
        long[] scenario = [4, 5, 6, 7, 0, 1, 2, 3];
        float[] lever = [1, 1, 1, 1, 0, 0, 0, 0];
        float[] x = [0.1f, 0.2f, 0.3f, 0.4f, 0.1f, 0.2f, 0.3f, 0.4f];
        float[] y = [2, 1, 5, 0, 1, 2, 3, 4];
        var table = new ColumnTable(
            [new("scenario", ColumnType.Int64, scenario), new("lever", ColumnType.Float32, lever), new("x", ColumnType.Float32, x), new("y", ColumnType.Float32, y)],
            8,
            metadata);
        var data = SummaryData.FromTable(table);
        Assert.Equal(["y"], data.Outcomes.Select(o => o.Name));
        var policies = data.Policies!;
        Assert.Equal(4, policies.Futures);
        var first = policies.Policies[0];
        var second = policies.Policies[1];
        Assert.Equal(0, first.Levers["lever"]);
        Assert.Equal(0.5, first.RegretP50, 12);
        Assert.Equal(1.7, first.RegretP90, 12);
        Assert.Equal(0.75, first.RegretMean, 12);
        Assert.Equal(0.5, first.BestShare, 12);
        Assert.Equal(0.5, second.RegretP50, 12);
        Assert.Equal(3.1, second.RegretP90, 12);
        Assert.Equal(2.5, first.Stats.Mean, 12);

        // Lower is better: best per future 1, 1, 3, 0; the first policy's regrets 0, 1, 0, 4.
        var lower = (data with { LowerIsBetter = true }).Policies!;
        Assert.Equal(0.5, lower.Policies[0].BestShare, 12);
        Assert.Equal(1.25, lower.Policies[0].RegretMean, 12);
    }
}
