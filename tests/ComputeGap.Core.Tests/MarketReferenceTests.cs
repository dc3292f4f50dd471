using ComputeGap.Core.Market;
using ComputeGap.Core.Model;
using ComputeGap.Tests.Shared;
using Xunit;

namespace ComputeGap.Core.Tests;

/// <summary>
/// Model v2 in Core (float32, scalar lane) against the independent float64 reference of
/// docs/model-v2.md: the baseline, and seeded random scenarios that switch every mechanism on and off.
/// </summary>
public sealed class MarketReferenceTests
{
    private static readonly ModelShape BaselineShape = new(84, 5, 2, 0, 1);

    [Fact]
    public void BaselineAgreesWithTheReferenceOnEveryOutcome()
    {
        var scenario = MarketScenario.Baseline();
        AssertAgrees(scenario, BaselineShape, "baseline");
    }

    [Fact]
    public void RandomScenariosAgreeWithTheReference()
    {
        var rng = new Random(20240101);
        for (var n = 0; n < 300; n++)
        {
            var regions = rng.Next(1, 9);
            var focus = rng.Next(regions);
            var a = rng.Next(regions);
            var b = regions == 1 ? a : (a + 1 + rng.Next(regions - 1)) % regions;
            var scenario = MarketScenario.Random(rng, regions);
            var shape = new ModelShape(rng.Next(1, 130), regions, focus, a, b);
            AssertAgrees(scenario, shape, $"random scenario {n} ({regions} regions, {shape.Months} months)");
        }
    }

    [Fact]
    public void BaselineSeriesFollowTheReferenceMonthByMonth()
    {
        var scenario = MarketScenario.Baseline();
        var run = ScalarRun.Run<ModelV2>(scenario.Slots, BaselineShape);
        var reference = ReferenceMarketModel.Run(scenario.ToReference(BaselineShape));
        for (var t = 0; t < BaselineShape.Months; t++)
        {
            var month = reference.Months[t];
            Close(month.Price, run.Series[t, MarketSeries.Price(5)], 1e-3, $"price at month {t}");
            Close(month.Output, run.Series[t, MarketSeries.Of(MarketDiagnostic.Output, 5)], 1e-3, $"output at month {t}");
            Close(month.Sold, run.Series[t, MarketSeries.Of(MarketDiagnostic.Sold, 5)], 1e-3, $"sold at month {t}");
            Close(month.DomesticStock, run.Series[t, MarketSeries.Of(MarketDiagnostic.DomesticStock, 5)], 1e-3, $"domestic stock at month {t}");
            for (var r = 0; r < 5; r++)
            {
                Close(month.Installed[r], run.Series[t, MarketSeries.Installed(r, 5)], 1e-3, $"installed[{r}] at month {t}");
                Assert.True(Math.Abs(month.Share[r] - run.Series[t, MarketSeries.Share(r)]) < 1e-4, $"share[{r}] at month {t}");
                Assert.Equal(month.SpaceBound[r] ? 1f : 0f, run.Series[t, MarketSeries.SpaceBound(r, 5)]);
            }
        }
    }

    private static void AssertAgrees(MarketScenario scenario, ModelShape shape, string context)
    {
        var run = ScalarRun.Run<ModelV2>(scenario.Slots, shape);
        var reference = ReferenceMarketModel.Run(scenario.ToReference(shape));
        var names = MarketOutcomes.Infos([.. Enumerable.Range(0, shape.Regions).Select(r => r.ToString(System.Globalization.CultureInfo.InvariantCulture))]);
        OutcomeAssert.Close(MarketScenario.ReferenceOutcomes(reference, shape.Regions), run.Outcomes, names, context);
    }

    private static void Close(double expected, double actual, double relative, string what) =>
        Assert.True(Math.Abs(expected - actual) <= relative * Math.Max(1, Math.Abs(expected)), $"{what}: expected {expected}, got {actual}");
}
