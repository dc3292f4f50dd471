using ComputeGap.Core.Market;
using ComputeGap.Core.Model;
using ComputeGap.Tests.Shared;

namespace ComputeGap.Core.Tests;

/// <summary>
/// Model v2's invariants on seeded random scenarios, month by month: shares sum to one, chips are
/// conserved (made = sold + unsold), sales never exceed orders or output, stocks never go negative,
/// and with κ = 0 the markup never moves.
/// </summary>
public sealed class MarketInvariantTests
{
    public static TheoryData<int> Seeds() => [1, 2, 3, 4, 5, 6, 7, 8];

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Shares_sum_to_one_and_chips_are_conserved_every_month(int seed)
    {
        var rng = new Random(seed);
        for (var n = 0; n < 25; n++)
        {
            var regions = rng.Next(1, 9);
            var scenario = MarketScenario.Random(rng, regions);
            var shape = new ModelShape(rng.Next(1, 100), regions, 0, 0, regions > 1 ? 1 : 0);
            var run = ScalarRun.Run<ModelV2>(scenario.Slots, shape);
            for (var t = 0; t < shape.Months; t++)
            {
                double Value(MarketDiagnostic d) => run.Series[t, MarketSeries.Of(d, regions)];
                var context = $"seed {seed}, scenario {n}, month {t}";
                var shares = Enumerable.Range(0, regions).Sum(r => (double)run.Series[t, MarketSeries.Share(r)]);
                var installed = Enumerable.Range(0, regions).Sum(r => (double)run.Series[t, MarketSeries.Installed(r, regions)]);
                if (installed > 0)
                {
                    Assert.True(Math.Abs(shares - 1) < 1e-5, $"{context}: shares sum to {shares}");
                }

                var output = Value(MarketDiagnostic.Output);
                var sold = Value(MarketDiagnostic.Sold);
                var unsold = Value(MarketDiagnostic.Unsold);
                var eligible = Value(MarketDiagnostic.Eligible);
                Assert.True(Math.Abs(output - (sold + unsold)) <= 1e-5 * Math.Max(1, output), $"{context}: made {output}, sold {sold} + unsold {unsold}");
                Assert.True(sold <= eligible * (1 + 1e-6) && sold <= output * (1 + 1e-6), $"{context}: sold {sold} of {eligible} ordered, {output} made");
                Assert.True(Value(MarketDiagnostic.Rationed) >= 0 && unsold >= 0, context);
                Assert.True(Value(MarketDiagnostic.DomesticToHome) <= Value(MarketDiagnostic.Domestic) * (1 + 1e-6) + 1e-3, $"{context}: more domestic chips delivered than made");
                Assert.True(Value(MarketDiagnostic.DomesticStock) >= 0 && Value(MarketDiagnostic.SmuggledStock) >= 0, context);
                Assert.True(run.Series[t, MarketSeries.Price(regions)] > 0, context);
                for (var r = 0; r < regions; r++)
                {
                    Assert.True(run.Series[t, MarketSeries.Installed(r, regions)] >= 0, $"{context}: region {r} holds a negative fleet");
                }
            }
        }
    }

    [Fact]
    public void With_no_price_adjustment_the_markup_stays_at_markup0()
    {
        var rng = new Random(11);
        for (var n = 0; n < 20; n++)
        {
            var scenario = MarketScenario.Random(rng).Set("price_adjustment", 0);
            var markup0 = (float)scenario.Get("markup0");
            var run = ScalarRun.Run<ModelV2>(scenario.Slots, new ModelShape(60, 5, 2, 0, 1));
            for (var t = 0; t < 60; t++)
            {
                Assert.Equal(markup0, run.Series[t, MarketSeries.Of(MarketDiagnostic.Markup, 5)]);
            }
        }
    }

    [Fact]
    public void A_positive_price_adjustment_raises_the_markup_while_orders_exceed_output()
    {
        var scenario = MarketScenario.Baseline().Set("price_adjustment", 0.5);
        var run = ScalarRun.Run<ModelV2>(scenario.Slots, new ModelShape(12, 5, 2, 0, 1));
        var eligible = run.Series[0, MarketSeries.Of(MarketDiagnostic.Eligible, 5)];
        var output = run.Series[0, MarketSeries.Of(MarketDiagnostic.Output, 5)];
        Assert.True(eligible > output, "the baseline rations orders in January 2024");
        Assert.True(run.Series[0, MarketSeries.Of(MarketDiagnostic.Markup, 5)] > (float)scenario.Get("markup0"));
    }
}
