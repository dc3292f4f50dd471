using ComputeGap.Core;
using ComputeGap.Core.Model;
using ComputeGap.Core.Parameters;
using ComputeGap.Engine.Backends;
using ComputeGap.Engine.Running;
using ComputeGap.Tests.Shared;

namespace ComputeGap.Engine.Tests;

/// <summary>
/// The CPU backend looks growth factors up per axis value (and per sweep for fixed rates) instead of
/// taking a power per scenario: a scenario must come out the same, bit for bit, whether its growth
/// rates were axes or fixed values, and the same as the model deriving the factors itself.
/// </summary>
public sealed class GrowthFactorTests
{
    [Fact]
    public async Task ScenarioGivesTheSameBitsWithItsGrowthRatesOnAxesOrFixed()
    {
        var grid = TestSweeps.RandomGrid(seed: 31, horizon: 36, demandValues: 3);
        Assert.Contains(grid.AxisFactorSlots, slot => slot >= 0);
        using var cpu = new CpuBackend();
        var rows = await CollectingSink.RunAsync(grid, cpu, 1 << 12);

        foreach (var scenario in new long[] { 0, 7, grid.ScenarioCount / 3, grid.ScenarioCount - 1 })
        {
            var slots = new double[ParamSlots.Count];
            grid.Spec.FillSlots(scenario, slots);
            var alone = new SweepPlan(grid.Spec with { FixedSlots = slots, Axes = [], ScenarioCount = 1 });
            Assert.Empty(alone.AxisSlots);
            var one = await CollectingSink.RunAsync(alone, cpu, 1 << 12);

            // The model deriving the factors itself (the kernel's way), in the same float32 operations.
            var derived = ScalarRun.Run(TestSweeps.Slots(grid, scenario), grid.Shape).Outcomes;
            for (var c = 0; c < grid.OutcomeCount; c++)
            {
                Assert.Equal(BitConverter.SingleToInt32Bits(rows.Outcomes[c][scenario]), BitConverter.SingleToInt32Bits(one.Outcomes[c][0]));
                Assert.Equal(BitConverter.SingleToInt32Bits(rows.Outcomes[c][scenario]), BitConverter.SingleToInt32Bits(derived[c]));
            }
        }
    }

    [Fact]
    public void FactorSlotsCoverEveryGrowthRateAndNothingElse()
    {
        var growth = new[] { GlobalParam.SupplyGrowth, GlobalParam.DomesticSupplyGrowth, GlobalParam.DemandGrowth, GlobalParam.ReeAltGrowth };
        var pairs = GrowthFactors.Pairs().ToList();
        Assert.Equal(growth.Length + ModelLimits.MaxRegions, pairs.Count);
        Assert.All(growth, g => Assert.Contains(pairs, p => p.Param == ParamSlots.Of(g)));
        Assert.All(Enumerable.Range(0, ModelLimits.MaxRegions), r => Assert.Contains(pairs, p => p.Param == ParamSlots.Of(RegionParam.DcGrowth, r)));
        Assert.Equal(pairs.Count, pairs.Select(p => p.Factor).Distinct().Count());
        Assert.All(pairs, p => Assert.InRange(p.Factor, ParamSlots.Count, ModelSlots.Count - 1));
        Assert.Equal(-1, GrowthFactors.FactorSlot(ParamSlots.Of(GlobalParam.Supply0)));
    }

    [Fact]
    public void MonthlyFactorIsTheTwelfthRootOfTheAnnualFactor()
    {
        Assert.Equal(Math.Pow(1.8, 1.0 / 12), GrowthFactors.Monthly(0.8f), 1e-6);
        Assert.Equal(1f, GrowthFactors.Monthly(0f));
    }
}
