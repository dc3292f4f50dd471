using static ComputeGap.Calibration.Levers.LeverChange;

namespace ComputeGap.Calibration.Levers;

/// <summary>
/// The levers of docs/model-v2.md with the changes the lever table applies, the signs the source
/// material gives them, and the reasons for the few that do nothing in the baseline. Written for the
/// v2 baseline's regions (US, CN, EU; the focus EU and the rivals US and CN).
/// </summary>
public static class LeverCatalog
{
    private static readonly Expectation EuShareFalls = new(LeverMetric.FocusShare, -1);
    private static readonly Expectation EuShareRises = new(LeverMetric.FocusShare, +1);

    public static IReadOnlyList<Lever> All { get; } =
    [
        new("fab_capacity0", "1 scarce supply", [Times("fab_capacity0", 1.5)], [new(LeverMetric.UsDesignedOutput, +1), new(LeverMetric.GlobalInstalled, +1)]),
        new("fab_capacity_growth", "1 scarce supply", [Plus("fab_capacity_growth", 0.5)], [new(LeverMetric.UsDesignedOutput, +1)]),
        new("growth_halflife_years", "1 scarce supply", [Times("growth_halflife_years", 1.5)], [new(LeverMetric.GlobalInstalled, +1)]),
        new("capex0[US]", "2 budgets and prices", [Times("capex0[US]", 1.5)], [EuShareFalls]),
        new("capex_growth[US]", "2 budgets and prices", [Plus("capex_growth[US]", 0.3)], [EuShareFalls]),
        new("capex0[EU]", "2 budgets and prices", [Times("capex0[EU]", 2)], [EuShareRises]),
        new("capex_growth[EU]", "2 budgets and prices", [Plus("capex_growth[EU]", 0.3)], [EuShareRises]),
        new("price_floor0", "2 budgets and prices", [Times("price_floor0", 1.5)], []),
        new("price_floor_decline", "2 budgets and prices", [Plus("price_floor_decline", -0.1)], []),
        new("price_adjustment 0", "2 budgets and prices", [To("price_adjustment", 0)], []),
        new("price_adjustment 1", "2 budgets and prices", [To("price_adjustment", 1)], []),
        new("markup0", "2 budgets and prices", [Times("markup0", 1.2)], []),
        new("order_lag_months", "2 budgets and prices", [To("order_lag_months", 6)], []),
        new("dc_power0[EU]", "3 powered space", [Times("dc_power0[EU]", 2)], [EuShareRises]),
        new("dc_power_growth[EU]", "3 powered space", [Plus("dc_power_growth[EU]", 0.3)], [EuShareRises]),
        new("dc_step_mw[EU]", "3 powered space", [To("dc_step_mw[EU]", 0)], [EuShareFalls]),
        new("dc_step_month[EU]", "3 powered space", [To("dc_step_month[EU]", 36)], [EuShareRises]),
        new("h100e_per_mw_growth", "3 powered space", [Plus("h100e_per_mw_growth", -0.15)], []),
        new("chip_life_years", "3 powered space", [To("chip_life_years", 4)], [new(LeverMetric.GlobalInstalled, -1)]),
        new("downgraded_cap", "4 export rules", [Times("downgraded_cap", 2)], [new(LeverMetric.RivalRatio, -1)]),
        new("downgraded_until", "4 export rules", [To("downgraded_until", -1)], [new(LeverMetric.RivalRatio, -1)]),
        new("leakage", "4 export rules", [To("leakage", 0.3)], [new(LeverMetric.RivalBShare, +1), new(LeverMetric.RivalRatio, -1)]),
        new("smuggling_premium", "4 export rules", [To("smuggling_premium", 3)], [],
            "Smuggling is limited by leakage, not by China's budget, at the baseline's premium; the premium bites only when the budget left is small."),
        new("diffusion_rule", "4 export rules", [To("diffusion_rule", 1)], [EuShareFalls]),
        new("tier2_cap[EU] (rule on)", "4 export rules", [To("diffusion_rule", 1), Times("tier2_cap[EU]", 0.5)], [EuShareFalls]),
        new("us_priority", "4 export rules", [To("us_priority", 1)], [EuShareFalls]),
        new("domestic_wafer_chips0", "5 China's own chips", [Times("domestic_wafer_chips0", 1.5)], [new(LeverMetric.DomesticChips, +1)]),
        new("domestic_hbm_chips0", "5 China's own chips", [Times("domestic_hbm_chips0", 1.5)], [new(LeverMetric.DomesticChips, +1)]),
        new("domestic_h100e_per_chip", "5 China's own chips", [Times("domestic_h100e_per_chip", 1.5)], [new(LeverMetric.RivalRatio, -1)]),
        new("cn_export_share", "5 China's own chips", [To("cn_export_share", 0.3)], []),
        new("ree_export_quota", "6 rare earths", [To("ree_export_quota", 0.26)], [new(LeverMetric.UsDesignedOutput, -1)]),
        new("ree_export_quota + thin stock", "6 rare earths", [To("ree_export_quota", 0.26), To("ree_stock_months", 1)], [new(LeverMetric.GlobalInstalled, -1), new(LeverMetric.UsDesignedOutput, -1)]),
        new("ree_stock_months", "6 rare earths", [To("ree_stock_months", 1)], [new(LeverMetric.UsDesignedOutput, -1)]),
        new("ree_cn_share", "6 rare earths", [To("ree_cn_share", 0.7)], [new(LeverMetric.UsDesignedOutput, +1)]),
        new("ree_alt_growth", "6 rare earths", [To("ree_alt_growth", 0.4)], [new(LeverMetric.UsDesignedOutput, +1)]),
        new("ree_controls_end", "6 rare earths", [To("ree_controls_end", 24)], [new(LeverMetric.UsDesignedOutput, +1)]),
        new("ree_escalation_month", "6 rare earths", [To("ree_escalation_month", 21)], [new(LeverMetric.UsDesignedOutput, -1)]),
        new("ree_dc_criticality", "6 rare earths", [To("ree_dc_criticality", 0.5)], []),
        new("asml_controls", "7 the EU's card", [To("asml_controls", 1)], [new(LeverMetric.UsDesignedOutput, -1), new(LeverMetric.DomesticChips, -1)]),
        new("compute_efficiency[CN]", "8 effective compute", [To("compute_efficiency[CN]", 0.6)], [new(LeverMetric.EffectiveRivalRatio, -1)]),
        new("cloud_access_embargoed", "9 cloud", [To("cloud_access_embargoed", 0.6)], [],
            "China is bound by its budget, never by powered space, so it pays no rent, and in the last month host clouds' spare covers every need, so the embargoed share never binds."),
        new("cloud_export_share", "9 cloud", [To("cloud_export_share", 0)], [EuShareRises]),
        new("demand_growth", "10 usage demand", [Plus("demand_growth", 0.5)], []),
        new("usage_share[EU]", "10 usage demand", [To("usage_share[EU]", 0.3)], []),
        new("bubble_month", "10 usage demand", [To("bubble_month", 30)], [new(LeverMetric.Price, -1), EuShareRises]),
        new("EU capex x2 + EU power growth + 0.3", "joint", [Times("capex0[EU]", 2), Plus("dc_power_growth[EU]", 0.3)], [EuShareRises]),
    ];
}
