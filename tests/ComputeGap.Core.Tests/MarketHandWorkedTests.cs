using ComputeGap.Core.Market;
using ComputeGap.Core.Model;
using ComputeGap.Tests.Shared;

namespace ComputeGap.Core.Tests;

/// <summary>
/// Model v2 worked by hand on two regions: A (the US: priority, cloud host, lots of power) and B (the
/// EU: space-bound). Output 1,000 H100e a month at $10,000, no growth, κ = 0, life 10 years
/// (h = 1/60), 1 MW holds 1,000 H100e, order lag 1 month, no rare-earth controls, no China.
/// </summary>
public sealed class MarketHandWorkedTests
{
    private static MarketScenario Case()
    {
        var s = MarketScenario.Baseline();
        foreach (var (name, value) in new (string, double)[]
        {
            ("fab_capacity0", 1000), ("fab_capacity_growth", 0), ("growth_halflife_years", 1), ("price_floor0", 10_000),
            ("price_floor_decline", 0), ("markup0", 1), ("price_adjustment", 0), ("h100e_per_mw0", 1000), ("h100e_per_mw_growth", 0),
            ("chip_life_years", 10), ("installed0_aged_share", 0), ("order_lag_months", 1), ("us_priority", 0), ("diffusion_rule", 0),
            ("diffusion_from", -1), ("downgraded_cap", 0), ("downgraded_from", -1), ("downgraded_until", -1), ("leakage", 0),
            ("smuggling_premium", 0), ("domestic_wafer_chips0", 0), ("domestic_wafer_growth", 0), ("domestic_hbm_chips0", 0),
            ("domestic_hbm_growth", 0), ("domestic_h100e_per_chip", 0), ("domestic_installed0", 0), ("cn_export_share", 0),
            ("ree_cn_share", 1), ("ree_export_quota", 1), ("ree_controls_start", 600), ("ree_controls_end", -1), ("ree_stock_months", 0),
            ("ree_criticality", 0.1), ("ree_criticality_escalated", 0.2), ("ree_escalation_month", -1), ("ree_alt_growth", 0),
            ("ree_dc_criticality", 0), ("asml_controls", 0), ("asml_controls_month", -1), ("asml_fab_elasticity", 0), ("asml_cn_elasticity", 0),
            ("cloud_access_embargoed", 0), ("cloud_export_share", 0.5), ("demand0", 1000), ("demand_growth", 0), ("bubble_month", -1),
            ("bubble_cut", 0), ("focus_target_share", 0.5),
        })
        {
            s.Set(name, value);
        }

        // Region 0 = A (US), region 1 = B (EU).
        foreach (var (name, a, b) in new (string, double, double)[]
        {
            ("installed0", 600, 0), ("usage_share", 0.5, 0.5), ("capex0", 8e6, 4e6), ("capex_growth", 0, 0), ("dc_power0", 10, 0.3),
            ("dc_power_growth", 0, 0), ("dc_step_mw", 0, 0), ("dc_step_month", -1, -1), ("tier2_fraction", 0, 0), ("tier2_cap", 0, 0),
            ("compute_efficiency", 1, 0.5), ("embargoed", 0, 0), ("priority", 1, 0), ("cloud_host", 1, 0), ("domestic_supply", 0, 0),
            ("cn_export_target", 0, 0), ("bubble_exposed", 0, 0),
        })
        {
            s.Set($"{name}[0]", a).Set($"{name}[1]", b);
        }

        return s;
    }

    private static Dictionary<string, float> Outcomes(ScalarRun.Result run) =>
        MarketOutcomes.Infos(["A", "B"]).Select((o, c) => (o.Name, c)).ToDictionary(x => x.Name, x => run.Outcomes[x.c]);

    [Fact]
    public void One_month_rations_eleven_hundred_orders_to_a_thousand_chips()
    {
        // A: budget 8e6/1e4 = 800 H100e, space (10 − 0.6)·1000 = 9,400: orders 800.
        // B: budget 400, space 0.3·1000 = 300: orders 300, space-bound.
        // E = 1,100 > S = 1,000: k = 10/11; A gets 727.27, B 272.73; 100 rationed.
        // A's 600 lose a sixtieth to the second stage but none retire yet: I_A = 600 + 727.27.
        var run = ScalarRun.Run<ModelV2>(Case().Slots, new ModelShape(1, 2, 1, 0, 1));
        var o = Outcomes(run);
        Close(1327.2727, o["installed_A"]);
        Close(272.72727, o["installed_B"]);
        Close(0.17045454, o["share_B"]);
        Close(100, o["rationed_h100e"]);
        Assert.Equal(0, o["unsold_h100e"]);
        Close(0.54545454, o["focus_coverage"]);

        // Cloud: A's spare 1,327.27 − 500 covers B's unmet 500 − 272.73 in full.
        Close(1, o["focus_accessible_coverage"]);
        Close(0.45454545, o["focus_cloud_dependency"]);
        Close(1327.2727 / 272.72727, o["rival_ratio"]);
        Close(1327.2727 / 136.36364, o["effective_rival_ratio"]);
        Close(136.36364 / 1463.6364, o["effective_share_B"]);
        Assert.Equal(10_000, o["price_final"]);
        Assert.True(float.IsNaN(o["cn_domestic_share"]), "no domestic-supply region: 0/0");
        Assert.Equal(-1, o["focus_target_month"]);

        Assert.Equal(1000, run.Series[0, MarketSeries.Of(MarketDiagnostic.Output, 2)]);
        Close(1100, run.Series[0, MarketSeries.Of(MarketDiagnostic.Eligible, 2)]);
        Assert.Equal(1000, run.Series[0, MarketSeries.Of(MarketDiagnostic.Sold, 2)]);
        Assert.Equal(0, run.Series[0, MarketSeries.SpaceBound(0, 2)]);
        Assert.Equal(1, run.Series[0, MarketSeries.SpaceBound(1, 2)]);
        Close(41_666.667, run.Series[0, MarketSeries.Of(MarketDiagnostic.Rent, 2)]);
    }

    [Fact]
    public void Three_months_fill_Europes_powered_space_and_leave_output_unsold()
    {
        // Month 2: B rents min(unplaced (400 − 300)·1e4, unmet 500·1e4/120) = 41,666.67 in month 1, so A's budget
        // is 8e6 + 0.5·41,666.67 and A orders 802.08; B has 27.27 H100e of space left: E = 829.36 < 1,000, 170.64 unsold.
        // Month 3: A orders 800.95 (rent 18,939.39 of month 2), B 0.0758 (the space its aged chips freed): 198.98 unsold.
        // B ends at exactly 0.3 MW = 300 H100e; A at 2,929.61.
        var run = ScalarRun.Run<ModelV2>(Case().Slots, new ModelShape(3, 2, 1, 0, 1));
        var o = Outcomes(run);
        Close(300, o["installed_B"]);
        Close(2929.6066, o["installed_A"]);
        Close(369.62121, o["unsold_h100e"]);
        Close(100, o["rationed_h100e"]);
        Close(0.092890572, o["share_B"]);
        Close(0.6, o["focus_coverage"]);
        Close(0.4, o["focus_cloud_dependency"]);
        Close(9.7653552, o["rival_ratio"]);
        Close(19.530710, o["effective_rival_ratio"]);
        Close(0.092890572, o["focus_share_min"]);
        Close(170.64394, run.Series[1, MarketSeries.Of(MarketDiagnostic.Unsold, 2)]);
        Close(829.35606, run.Series[1, MarketSeries.Of(MarketDiagnostic.Sold, 2)]);
        Close(16_672.980, run.Series[2, MarketSeries.Of(MarketDiagnostic.Rent, 2)]);
    }

    [Fact]
    public void A_us_first_law_serves_A_first_when_output_is_short()
    {
        // π = 1: A's 800 are filled first, B gets the 200 left of 1,000 (k = 200/300).
        var run = ScalarRun.Run<ModelV2>(Case().Set("us_priority", 1).Slots, new ModelShape(1, 2, 1, 0, 1));
        var o = Outcomes(run);
        Close(1400, o["installed_A"]);
        Close(200, o["installed_B"]);
        Close(100, o["rationed_h100e"]);
    }

    private static void Close(double expected, double actual) =>
        Assert.True(Math.Abs(expected - actual) <= 2e-5 * Math.Max(1, Math.Abs(expected)), $"expected {expected}, got {actual}");
}
