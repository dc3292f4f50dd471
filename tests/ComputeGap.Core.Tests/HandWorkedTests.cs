using ComputeGap.Core.Model;
using ComputeGap.Core.Parameters;
using ComputeGap.Tests.Shared;

namespace ComputeGap.Core.Tests;

/// <summary>Small runs whose every step was worked out by hand (the intermediate values are in the comments).</summary>
public sealed class HandWorkedTests
{
    private const int RegionA = 0;
    private const int RegionB = 1;

    /// <summary>
    /// Three regions, one month. A hosts clouds and has priority, B is embargoed and gets domestic
    /// chips, C has half its orders under a tier-2 cap.
    /// </summary>
    [Fact]
    public void OneMonthWithPriorityDomesticLeakageAndTier2Cap()
    {
        var s = new Scenario()
            .Set(GlobalParam.Supply0, 100).Set(GlobalParam.SupplyGrowth, 0.8)
            .Set(GlobalParam.DomesticSupply0, 10).Set(GlobalParam.DomesticSupplyGrowth, 0.6)
            .Set(GlobalParam.Demand0, 1000).Set(GlobalParam.DemandGrowth, 0.8)
            .Set(GlobalParam.ChipLifeYears, 1).Set(GlobalParam.OrderLagMonths, 2)
            .Set(GlobalParam.UsPriority, 0.5).Set(GlobalParam.DiffusionRule, 1).Set(GlobalParam.Tier2Cap, 5)
            .Set(GlobalParam.Leakage, 0.2).Set(GlobalParam.CloudAccessEmbargoed, 0.5).Set(GlobalParam.CloudExportShare, 0.4)
            .Set(GlobalParam.ReeCnShare, 0.9).Set(GlobalParam.ReeExportQuota, 1).Set(GlobalParam.ReeControlsStart, 0)
            .Set(GlobalParam.ReeControlsEnd, -1).Set(GlobalParam.ReeStockMonths, 4).Set(GlobalParam.ReeCriticality, 0.1)
            .Set(GlobalParam.ReeCriticalityEscalated, 0.2).Set(GlobalParam.ReeEscalationMonth, -1).Set(GlobalParam.ReeAltGrowth, 0.15)
            .Set(GlobalParam.BubbleMonth, -1).Set(GlobalParam.BubbleCut, 0.5).Set(GlobalParam.FocusTargetShare, 0.1)
            .Set(RegionParam.Installed0, 120, 60, 12).Set(RegionParam.UsageShare, 0.5, 0.3, 0.2)
            .Set(RegionParam.DcCapacity0, 600, 400, 150).Set(RegionParam.DcGrowth, 0, 0, 0)
            .Set(RegionParam.DcStep, 0, 0, 0).Set(RegionParam.DcStepMonth, -1, -1, -1)
            .Set(RegionParam.Tier2Fraction, 0, 0, 0.5).Set(RegionParam.Embargoed, 0, 1, 0)
            .Set(RegionParam.Priority, 1, 0, 0).Set(RegionParam.CloudHost, 1, 0, 0)
            .Set(RegionParam.DomesticSupply, 0, 1, 0).Set(RegionParam.BubbleExposed, 1, 0, 0);

        // t = 0. REE: quota 1, avail 4 + 0.9 + 0.1 = 5, ratio 1, factor 1: S = 100, D = 10.
        // U = 500, 300, 200; cap = 600, 400, 150; δ = 1/12: base = 110, 55, 11.
        // pre: B (300 − 55)·0.5 = 122.5, C 200 − 11 = 189; Σ 311.5; export A = 0.4·311.5 = 124.6.
        // want = (min(624.6, 600) − 110)/2 = 245, (300 − 55)/2 = 122.5, (150 − 11)/2 = 69.5.
        // Domestic: W = 122.5, d_B = 10. Priority p_A = 122.5 > S, scaled to 100.
        // e = 145, (122.5 − 10)·0.2 = 22.5, 69.5; X = 34.75 > 5: e_C = 34.75 + 5 = 39.75.
        // left = 0, so k = 0: I = 110 + 100, 55 + 10, 11 = 210, 65, 11; ΣI = 286.
        // Cloud: A has no spare (210 < 500), so cloud = 0.
        var result = ScalarRun.Run(s.Slots, new ModelShape(1, 3, Focus: 2, RivalA: RegionA, RivalB: RegionB));
        var o = result.Outcomes;
        const int n = 3;
        Assert.Equal(210.0 / 286, o[0], 5);
        Assert.Equal(65.0 / 286, o[1], 5);
        Assert.Equal(11.0 / 286, o[2], 5);
        Assert.Equal(11.0 / 286, o[n + (int)ScalarOutcome.FocusShareMin], 5);
        Assert.Equal(11.0 / 200, o[n + (int)ScalarOutcome.FocusCoverage], 5);
        Assert.Equal(0, o[n + (int)ScalarOutcome.FocusCloudDependency]);
        Assert.Equal(-1, o[n + (int)ScalarOutcome.FocusTargetMonth]);
        Assert.Equal(-1, o[n + (int)ScalarOutcome.ReeDepletionMonth]);
        Assert.Equal(0, o[n + (int)ScalarOutcome.ReeLostH100e]);
        Assert.Equal(286, o[n + (int)ScalarOutcome.GlobalInstalled], 3);
        Assert.Equal(210.0 / 65, o[n + (int)ScalarOutcome.RivalRatio], 4);
        Assert.Equal(0, o[n + (int)ScalarOutcome.SupplySlack], 3);
    }

    /// <summary>
    /// Two regions, three months: supply doubling monthly (g = 4095), REE controls from month 1
    /// running the stock down to a shortfall in month 2 after escalation, a bubble at month 1, a
    /// capacity step at month 2, and a cloud host serving the focus region at the end.
    /// </summary>
    [Fact]
    public void ThreeMonthsWithRareEarthShortfallBubbleAndCloud()
    {
        var s = new Scenario()
            .Set(GlobalParam.Supply0, 100).Set(GlobalParam.SupplyGrowth, 4095)
            .Set(GlobalParam.DomesticSupply0, 0).Set(GlobalParam.DomesticSupplyGrowth, 0)
            .Set(GlobalParam.Demand0, 1000).Set(GlobalParam.DemandGrowth, 0)
            .Set(GlobalParam.ChipLifeYears, 1).Set(GlobalParam.OrderLagMonths, 2)
            .Set(GlobalParam.UsPriority, 0).Set(GlobalParam.DiffusionRule, 0).Set(GlobalParam.Tier2Cap, 5)
            .Set(GlobalParam.Leakage, 0.2).Set(GlobalParam.CloudAccessEmbargoed, 1).Set(GlobalParam.CloudExportShare, 0)
            .Set(GlobalParam.ReeCnShare, 0.5).Set(GlobalParam.ReeExportQuota, 0.2).Set(GlobalParam.ReeControlsStart, 1)
            .Set(GlobalParam.ReeControlsEnd, -1).Set(GlobalParam.ReeStockMonths, 0.5).Set(GlobalParam.ReeCriticality, 0.5)
            .Set(GlobalParam.ReeCriticalityEscalated, 1).Set(GlobalParam.ReeEscalationMonth, 2).Set(GlobalParam.ReeAltGrowth, 0)
            .Set(GlobalParam.BubbleMonth, 1).Set(GlobalParam.BubbleCut, 0.5).Set(GlobalParam.FocusTargetShare, 0.25)
            .Set(RegionParam.Installed0, 400, 100).Set(RegionParam.UsageShare, 0.6, 0.4)
            .Set(RegionParam.DcCapacity0, 2000, 450).Set(RegionParam.DcGrowth, 0, 0)
            .Set(RegionParam.DcStep, 0, 100).Set(RegionParam.DcStepMonth, -1, 2)
            .Set(RegionParam.Tier2Fraction, 0, 0).Set(RegionParam.Embargoed, 0, 0)
            .Set(RegionParam.Priority, 1, 0).Set(RegionParam.CloudHost, 1, 0)
            .Set(RegionParam.DomesticSupply, 0, 0).Set(RegionParam.BubbleExposed, 1, 0);

        // t = 0: controls off; avail 0.5 + 0.5 + 0.5 = 1.5, ratio 1, stock 0.5. S = 100.
        //   U = 600, 400; base = 366.667, 91.667; want = 116.667, 154.167 (τ = 2); E = 270.833 > 100:
        //   k = 0.369231; I = 409.744, 148.590; B's share 0.266131 ≥ 0.25: target month 0.
        // t = 1: controls on, China 0.1; avail 0.5 + 0.1 + 0.5 = 1.1, ratio 1, stock 0.1. S = 200.
        //   Bubble: U_A = 300. base = 375.598, 136.207; want = 0, 131.896; k = 1.
        //   I = 375.598, 268.104.
        // t = 2: avail 0.1 + 0.1 + 0.5 = 0.7: ratio 0.7 (depletion month 2), escalated κe = 1:
        //   factor 0.7; S = 400·0.7 = 280, lost 120. cap_B = 450 + 100.
        //   base = 344.298, 245.762; want_B = (400 − 245.762)/2 = 77.119; k = 1.
        //   I = 344.298, 322.881; ΣI = 667.179. Slack = (100 − 100) + (200 − 131.896) + (280 − 77.119) = 270.984.
        //   Cloud: A's spare 44.298 against B's need 77.119: cloud_B = 44.298, /400 = 0.110746.
        var result = ScalarRun.Run(s.Slots, new ModelShape(3, 2, Focus: RegionB, RivalA: RegionA, RivalB: RegionB));
        var o = result.Outcomes;
        const int n = 2;
        Assert.Equal(0.516051, o[0], 4);
        Assert.Equal(0.483949, o[1], 4);
        Assert.Equal(0.266131, o[n + (int)ScalarOutcome.FocusShareMin], 4);
        Assert.Equal(322.881 / 400, o[n + (int)ScalarOutcome.FocusCoverage], 4);
        Assert.Equal(0.110746, o[n + (int)ScalarOutcome.FocusCloudDependency], 4);
        Assert.Equal(0, o[n + (int)ScalarOutcome.FocusTargetMonth]);
        Assert.Equal(2, o[n + (int)ScalarOutcome.ReeDepletionMonth]);
        Assert.Equal(120, o[n + (int)ScalarOutcome.ReeLostH100e], 2);
        Assert.Equal(667.179, o[n + (int)ScalarOutcome.GlobalInstalled], 2);
        Assert.Equal(344.298 / 322.881, o[n + (int)ScalarOutcome.RivalRatio], 3);
        Assert.Equal(270.984, o[n + (int)ScalarOutcome.SupplySlack], 2);

        // Month by month shares: month 1's A share 375.598/643.702.
        Assert.Equal(0.583497, result.Shares[1, 0], 4);
    }
}
