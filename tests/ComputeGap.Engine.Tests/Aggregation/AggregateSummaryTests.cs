using ComputeGap.Core.Reduction;
using ComputeGap.Engine.Aggregation;
using ComputeGap.IO.Reports;
using ComputeGap.IO.Statistics;

namespace ComputeGap.Engine.Tests.Aggregation;

/// <summary>The report from aggregates matches the report from the same rows; sketch quantiles are within 1 %.</summary>
public sealed class AggregateSummaryTests
{
    private const double Accuracy = QuantileSketch.RelativeAccuracy * 1.0001;

    private static readonly SummaryData FromRows = SummaryData.FromTable(AggregateFixture.Rows());
    private static readonly SummaryData FromAggregates = AggregateFixture.State(0, AggregateFixture.Blocks, 2).ToSummary(AggregateFixture.Metadata());

    [Fact]
    public void Counts_extremes_and_means_match_the_rows()
    {
        Assert.Equal(FromRows.RowCount, FromAggregates.RowCount);
        Assert.Equal(FromRows.Outcomes.Select(o => o.Name), FromAggregates.Outcomes.Select(o => o.Name));
        foreach (var (rows, aggregates) in FromRows.Outcomes.Zip(FromAggregates.Outcomes))
        {
            Assert.Equal(rows.Count, aggregates.Count);
            Assert.Equal(rows.NonFiniteCount, aggregates.NonFiniteCount);
            Assert.Equal(rows.NeverCount, aggregates.NeverCount);
            Assert.Equal(rows.Min, aggregates.Min);
            Assert.Equal(rows.Max, aggregates.Max);
            Assert.Equal(rows.Mean, aggregates.Mean, Math.Abs(rows.Mean) * 1e-12);
        }
    }

    [Fact]
    public void Quantiles_are_within_one_percent_and_exact_for_early_months()
    {
        foreach (var (rows, aggregates) in FromRows.Outcomes.Zip(FromAggregates.Outcomes))
        {
            foreach (var statistic in new[] { "p5", "p25", "p50", "p75", "p95" })
            {
                var exact = rows.Get(statistic);
                var approximate = aggregates.Get(statistic);
                Assert.True(Math.Abs(approximate - exact) <= Accuracy * Math.Abs(exact) + 1e-300,
                    $"{rows.Name} {statistic}: {approximate} from the sketch, {exact} from the rows");
                if (OutcomeColumns.IsMonth(rows.Name) && exact < 50)
                {
                    // Below 50 every month has a bucket of its own, so the sketch is an exact histogram.
                    Assert.Equal(exact, approximate);
                }
            }
        }
    }

    [Fact]
    public void Thresholds_and_main_effects_match_the_rows()
    {
        Assert.Equal(FromRows.Thresholds, FromAggregates.Thresholds);
        Assert.Equal(FromRows.MainEffects.Select(e => e.Axis), FromAggregates.MainEffects.Select(e => e.Axis));
        foreach (var (rows, aggregates) in FromRows.MainEffects.Zip(FromAggregates.MainEffects))
        {
            Assert.Equal(rows.Levels.Select(l => (l.Value, l.Count)), aggregates.Levels.Select(l => (l.Value, l.Count)));
            foreach (var (a, b) in rows.Levels.Zip(aggregates.Levels))
            {
                Assert.Equal(a.Mean, b.Mean, 1e-12);
            }
        }

        Assert.NotNull(FromAggregates.Headline);
    }

    [Theory]
    [InlineData(1, "lognormal")]
    [InlineData(2, "uniform")]
    [InlineData(3, "mixed-sign")]
    [InlineData(4, "tiny-and-huge")]
    public void Sketch_quantiles_are_within_one_percent_of_the_exact_ones(int seed, string distribution)
    {
        var rng = new Random(seed);
        var values = Enumerable.Range(0, 20_000).Select(_ => distribution switch
        {
            "lognormal" => MathF.Exp((float)(Normal(rng) * 2)),
            "uniform" => (float)rng.NextDouble(),
            "mixed-sign" => (float)(Normal(rng) + 0.3),
            _ => MathF.Exp((float)(rng.NextDouble() * 60) - 30) * (rng.Next(3) == 0 ? 0 : 1),
        }).ToArray();
        var sketch = new long[QuantileSketch.Length];
        foreach (var value in values)
        {
            sketch[QuantileSketch.Slot(value)]++;
        }

        var sorted = values.Select(v => (double)v).Order().ToArray();
        var quantiles = new SketchQuantiles(sketch, -1, wholeNumbers: false, sorted[0], sorted[^1], exactMin: true);
        for (var p = 0.0; p <= 1.0; p += 0.01)
        {
            var exact = OutcomeStats.Quantile(sorted, p);
            var approximate = quantiles.Quantile(p);
            var low = sorted[(int)Math.Floor((sorted.Length - 1) * p)];
            var high = sorted[(int)Math.Ceiling((sorted.Length - 1) * p)];
            var bound = Math.Sign(low) == Math.Sign(high)
                ? Accuracy * Math.Abs(exact)
                : Accuracy * Math.Max(Math.Abs(low), Math.Abs(high)); // interpolating across zero: relative to the ends
            Assert.True(Math.Abs(approximate - exact) <= bound + 1e-300, $"p = {p}: {approximate} from the sketch, {exact} exact");
        }

        Assert.Equal(sorted[0], quantiles.Quantile(0));
        Assert.Equal(sorted[^1], quantiles.Quantile(1));
    }

    private static double Normal(Random rng) =>
        Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());
}
