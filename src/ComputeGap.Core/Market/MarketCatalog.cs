using ComputeGap.Core.Parameters;

namespace ComputeGap.Core.Market;

/// <summary>Every parameter of model v2 with its file name, rule and meaning (docs/model-v2.md, "Parameters").</summary>
public static class MarketCatalog
{
    /// <summary>Global parameters, indexed by <see cref="MarketGlobal"/>.</summary>
    public static IReadOnlyList<ParamInfo> Globals { get; } =
    [
        G(MarketGlobal.FabCapacity0, "fab_capacity0", ParamKind.NonNegative, "US-designed accelerator output capacity at t = 0, H100e/month"),
        G(MarketGlobal.FabCapacityGrowth, "fab_capacity_growth", ParamKind.Growth, "annual growth of that capacity at t = 0 (halving)"),
        G(MarketGlobal.GrowthHalflifeYears, "growth_halflife_years", ParamKind.Positive, "years in which every halving growth rate halves"),
        G(MarketGlobal.PriceFloor0, "price_floor0", ParamKind.Positive, "cost floor of a H100e at t = 0, $"),
        G(MarketGlobal.PriceFloorDecline, "price_floor_decline", ParamKind.Decline, "share by which the floor falls per year"),
        G(MarketGlobal.Markup0, "markup0", ParamKind.AtLeastOne, "price over the floor at t = 0"),
        G(MarketGlobal.PriceAdjustment, "price_adjustment", ParamKind.Fraction, "kappa: the log markup moves by kappa*log(orders/output) a month"),
        G(MarketGlobal.H100ePerMw0, "h100e_per_mw0", ParamKind.Positive, "H100e per MW of accelerator power for chips bought at t = 0"),
        G(MarketGlobal.H100ePerMwGrowth, "h100e_per_mw_growth", ParamKind.Growth, "annual growth of H100e per MW"),
        G(MarketGlobal.ChipLifeYears, "chip_life_years", ParamKind.Positive, "mean service life in years (two ageing stages of half each)"),
        G(MarketGlobal.Installed0AgedShare, "installed0_aged_share", ParamKind.Fraction, "share of the t = 0 fleet in the second ageing stage"),
        G(MarketGlobal.OrderLagMonths, "order_lag_months", ParamKind.AtLeastOne, "months over which a region fills its free powered space"),
        G(MarketGlobal.UsPriority, "us_priority", ParamKind.Fraction, "share of priority regions' eligible orders filled first when output is short"),
        G(MarketGlobal.DiffusionRule, "diffusion_rule", ParamKind.Flag, "1 when the tier-2 caps are in force"),
        G(MarketGlobal.DiffusionFrom, "diffusion_from", ParamKind.Month, "month the tier-2 caps start, -1 never"),
        G(MarketGlobal.DowngradedCap, "downgraded_cap", ParamKind.NonNegative, "downgraded legal chips an embargoed region may buy, H100e/month"),
        G(MarketGlobal.DowngradedFrom, "downgraded_from", ParamKind.Month, "month downgraded chips may first be sold, -1 never"),
        G(MarketGlobal.DowngradedUntil, "downgraded_until", ParamKind.Month, "month from which they may no longer be sold, -1 no end"),
        G(MarketGlobal.Leakage, "leakage", ParamKind.Fraction, "share of an embargoed region's remaining orders met by smuggling"),
        G(MarketGlobal.SmugglingPremium, "smuggling_premium", ParamKind.NonNegative, "extra price of a smuggled chip, share of the price"),
        G(MarketGlobal.DomesticWaferChips0, "domestic_wafer_chips0", ParamKind.NonNegative, "China's AI-chip wafer limit at t = 0, chips/month"),
        G(MarketGlobal.DomesticWaferGrowth, "domestic_wafer_growth", ParamKind.Growth, "annual growth of the wafer limit at t = 0 (halving)"),
        G(MarketGlobal.DomesticHbmChips0, "domestic_hbm_chips0", ParamKind.NonNegative, "China's HBM limit at t = 0, chips/month"),
        G(MarketGlobal.DomesticHbmGrowth, "domestic_hbm_growth", ParamKind.Growth, "annual growth of the HBM limit at t = 0 (halving)"),
        G(MarketGlobal.DomesticH100ePerChip, "domestic_h100e_per_chip", ParamKind.NonNegative, "H100e per domestic chip"),
        G(MarketGlobal.DomesticInstalled0, "domestic_installed0", ParamKind.NonNegative, "domestic chips among the domestic-supply regions' installed0, H100e"),
        G(MarketGlobal.CnExportShare, "cn_export_share", ParamKind.Fraction, "share of domestic output offered to the second ecosystem"),
        G(MarketGlobal.ReeCnShare, "ree_cn_share", ParamKind.Fraction, "share of the chip chain's rare-earth need processed in China at t = 0"),
        G(MarketGlobal.ReeExportQuota, "ree_export_quota", ParamKind.Fraction, "share of China's normal deliveries licensed while controls are on"),
        G(MarketGlobal.ReeControlsStart, "ree_controls_start", ParamKind.Month, "month REE controls start (-1: from the start)"),
        G(MarketGlobal.ReeControlsEnd, "ree_controls_end", ParamKind.Month, "month REE controls end, -1 never"),
        G(MarketGlobal.ReeStockMonths, "ree_stock_months", ParamKind.NonNegative, "REE stock, months of current need, at t = 0 and at most"),
        G(MarketGlobal.ReeCriticality, "ree_criticality", ParamKind.Fraction, "share of output lost per unit of REE shortfall"),
        G(MarketGlobal.ReeCriticalityEscalated, "ree_criticality_escalated", ParamKind.Fraction, "criticality from the escalation month on"),
        G(MarketGlobal.ReeEscalationMonth, "ree_escalation_month", ParamKind.Month, "month the REE controls escalate, -1 never"),
        G(MarketGlobal.ReeAltGrowth, "ree_alt_growth", ParamKind.Growth, "annual growth of non-Chinese REE processing"),
        G(MarketGlobal.ReeDcCriticality, "ree_dc_criticality", ParamKind.Fraction, "share of the month's power build lost per unit of REE shortfall"),
        G(MarketGlobal.AsmlControls, "asml_controls", ParamKind.Fraction, "strength of EU lithography controls, 0..1"),
        G(MarketGlobal.AsmlControlsMonth, "asml_controls_month", ParamKind.Month, "month the lithography controls start, -1 never"),
        G(MarketGlobal.AsmlFabElasticity, "asml_fab_elasticity", ParamKind.Fraction, "cut in the growth rate of US-designed capacity per unit of controls"),
        G(MarketGlobal.AsmlCnElasticity, "asml_cn_elasticity", ParamKind.Fraction, "cut in the growth rate of China's wafer limit per unit of controls"),
        G(MarketGlobal.CloudAccessEmbargoed, "cloud_access_embargoed", ParamKind.Fraction, "share of an embargoed region's rent and cloud need host clouds take"),
        G(MarketGlobal.CloudExportShare, "cloud_export_share", ParamKind.Fraction, "share of the rent hosts add to their own budgets"),
        G(MarketGlobal.Demand0, "demand0", ParamKind.NonNegative, "global usage demand at t = 0, H100e installed wanted"),
        G(MarketGlobal.DemandGrowth, "demand_growth", ParamKind.Growth, "annual growth of usage demand at t = 0 (halving)"),
        G(MarketGlobal.BubbleMonth, "bubble_month", ParamKind.Month, "month the AI bubble bursts, -1 never"),
        G(MarketGlobal.BubbleCut, "bubble_cut", ParamKind.Fraction, "share of exposed regions' budgets and demand lost when it bursts"),
        G(MarketGlobal.FocusTargetShare, "focus_target_share", ParamKind.Fraction, "share of installed compute the focus region aims for"),
    ];

    /// <summary>Per-region parameters, indexed by <see cref="MarketRegional"/>.</summary>
    public static IReadOnlyList<ParamInfo> Regionals { get; } =
    [
        R(MarketRegional.Installed0, "installed0", ParamKind.NonNegative, "installed compute at t = 0, H100e"),
        R(MarketRegional.UsageShare, "usage_share", ParamKind.Fraction, "share of global usage demand (normalised to sum 1)"),
        R(MarketRegional.Capex0, "capex0", ParamKind.NonNegative, "spending on accelerators at t = 0, $/month"),
        R(MarketRegional.CapexGrowth, "capex_growth", ParamKind.Growth, "annual growth of that spending at t = 0 (halving)"),
        R(MarketRegional.DcPower0, "dc_power0", ParamKind.NonNegative, "powered datacentre space for accelerators at t = 0, MW"),
        R(MarketRegional.DcPowerGrowth, "dc_power_growth", ParamKind.Growth, "annual growth of that power at t = 0 (halving)"),
        R(MarketRegional.DcStepMw, "dc_step_mw", ParamKind.NonNegative, "power added once from dc_step_month on, MW"),
        R(MarketRegional.DcStepMonth, "dc_step_month", ParamKind.Month, "month the power step arrives, -1 never"),
        R(MarketRegional.Tier2Fraction, "tier2_fraction", ParamKind.Fraction, "share of the region's orders from tier-2 countries"),
        R(MarketRegional.Tier2Cap, "tier2_cap", ParamKind.NonNegative, "cap on the region's tier-2 orders while the caps are in force, H100e/month"),
        R(MarketRegional.ComputeEfficiency, "compute_efficiency", ParamKind.NonNegative, "useful compute per H100e held"),
        R(MarketRegional.Embargoed, "embargoed", ParamKind.Flag, "tier 3: only downgraded and smuggled US-designed chips"),
        R(MarketRegional.Priority, "priority", ParamKind.Flag, "served first under a US-first law"),
        R(MarketRegional.CloudHost, "cloud_host", ParamKind.Flag, "rents out spare compute and receives rent"),
        R(MarketRegional.DomesticSupply, "domestic_supply", ParamKind.Flag, "buys China's domestic chips first"),
        R(MarketRegional.CnExportTarget, "cn_export_target", ParamKind.Flag, "the second ecosystem: offered China's exported chips first"),
        R(MarketRegional.BubbleExposed, "bubble_exposed", ParamKind.Flag, "budget and demand cut when the bubble bursts"),
    ];

    private static ParamInfo G(MarketGlobal p, string name, ParamKind kind, string meaning) =>
        new(name, kind, false, (int)p, meaning, MarketSlots.Of(p));

    private static ParamInfo R(MarketRegional p, string name, ParamKind kind, string meaning) =>
        new(name, kind, true, (int)p, meaning, MarketSlots.Of(p));
}
