namespace ComputeGap.Core.Parameters;

/// <summary>One model parameter: its name in files, its rule and its meaning.</summary>
/// <param name="Name">Name used in baseline and sweep files (snake_case, as in MODEL.md).</param>
/// <param name="Kind">Validity rule.</param>
/// <param name="IsRegional">True for per-region parameters, addressed as <c>name[REGION]</c>.</param>
/// <param name="Index">The <see cref="GlobalParam"/> or <see cref="RegionParam"/> value.</param>
/// <param name="Meaning">One line, with units.</param>
/// <param name="Slot">The parameter's slot (region 0's for per-region parameters; region r's is r further).</param>
public sealed record ParamInfo(string Name, ParamKind Kind, bool IsRegional, int Index, string Meaning, int Slot);

/// <summary>Every parameter of model v1, looked up by name (<see cref="Models.ModelV1"/>'s descriptor lists them).</summary>
public static class ParamCatalog
{
    /// <summary>Global parameters, indexed by <see cref="GlobalParam"/>.</summary>
    public static IReadOnlyList<ParamInfo> Globals { get; } =
    [
        G(GlobalParam.Supply0, "supply0", ParamKind.NonNegative, "US-designed accelerator output at t = 0, H100e/month"),
        G(GlobalParam.SupplyGrowth, "supply_growth", ParamKind.Growth, "annual growth of US-designed output"),
        G(GlobalParam.DomesticSupply0, "domestic_supply0", ParamKind.NonNegative, "domestic (non-US-designed) output at t = 0, H100e/month"),
        G(GlobalParam.DomesticSupplyGrowth, "domestic_supply_growth", ParamKind.Growth, "annual growth of domestic output"),
        G(GlobalParam.Demand0, "demand0", ParamKind.NonNegative, "global usage demand at t = 0, H100e installed wanted"),
        G(GlobalParam.DemandGrowth, "demand_growth", ParamKind.Growth, "annual growth of usage demand"),
        G(GlobalParam.ChipLifeYears, "chip_life_years", ParamKind.Positive, "mean service life, years; retirement 1/(12 L) per month"),
        G(GlobalParam.OrderLagMonths, "order_lag_months", ParamKind.AtLeastOne, "months over which a region closes its gap"),
        G(GlobalParam.UsPriority, "us_priority", ParamKind.Fraction, "share of priority regions' orders filled before any export"),
        G(GlobalParam.DiffusionRule, "diffusion_rule", ParamKind.Flag, "1 when tier-2 caps are in force"),
        G(GlobalParam.Tier2Cap, "tier2_cap", ParamKind.NonNegative, "H100e/month for all tier-2 orders together"),
        G(GlobalParam.Leakage, "leakage", ParamKind.Fraction, "share of embargoed regions' open orders still reached"),
        G(GlobalParam.CloudAccessEmbargoed, "cloud_access_embargoed", ParamKind.Fraction, "share of embargoed unmet demand host clouds may serve"),
        G(GlobalParam.CloudExportShare, "cloud_export_share", ParamKind.Fraction, "share of other regions' unmet demand cloud hosts build for"),
        G(GlobalParam.ReeCnShare, "ree_cn_share", ParamKind.Fraction, "share of the chip chain's rare-earth inputs processed in China"),
        G(GlobalParam.ReeExportQuota, "ree_export_quota", ParamKind.Fraction, "share of Chinese REE exports still licensed under controls"),
        G(GlobalParam.ReeControlsStart, "ree_controls_start", ParamKind.Month, "month REE controls start"),
        G(GlobalParam.ReeControlsEnd, "ree_controls_end", ParamKind.Month, "month REE controls end, -1 never"),
        G(GlobalParam.ReeStockMonths, "ree_stock_months", ParamKind.NonNegative, "REE inventory at t = 0 and cap, months of normal use"),
        G(GlobalParam.ReeCriticality, "ree_criticality", ParamKind.Fraction, "share of output lost per unit of REE shortfall"),
        G(GlobalParam.ReeCriticalityEscalated, "ree_criticality_escalated", ParamKind.Fraction, "criticality from the escalation month on"),
        G(GlobalParam.ReeEscalationMonth, "ree_escalation_month", ParamKind.Month, "month the REE controls escalate, -1 never"),
        G(GlobalParam.ReeAltGrowth, "ree_alt_growth", ParamKind.Growth, "annual growth of non-Chinese REE processing"),
        G(GlobalParam.BubbleMonth, "bubble_month", ParamKind.Month, "month the AI bubble bursts, -1 never"),
        G(GlobalParam.BubbleCut, "bubble_cut", ParamKind.Fraction, "share of exposed demand lost when the bubble bursts"),
        G(GlobalParam.FocusTargetShare, "focus_target_share", ParamKind.Fraction, "share of installed compute the focus region aims for"),
    ];

    /// <summary>Per-region parameters, indexed by <see cref="RegionParam"/>.</summary>
    public static IReadOnlyList<ParamInfo> Regionals { get; } =
    [
        R(RegionParam.Installed0, "installed0", ParamKind.NonNegative, "installed AI compute at t = 0, H100e"),
        R(RegionParam.UsageShare, "usage_share", ParamKind.Fraction, "share of global usage demand (normalised to sum 1)"),
        R(RegionParam.DcCapacity0, "dc_capacity0", ParamKind.NonNegative, "powered datacenter capacity at t = 0, H100e slots"),
        R(RegionParam.DcGrowth, "dc_growth", ParamKind.Growth, "annual growth of datacenter capacity"),
        R(RegionParam.DcStep, "dc_step", ParamKind.NonNegative, "capacity added once from dc_step_month on, H100e slots"),
        R(RegionParam.DcStepMonth, "dc_step_month", ParamKind.Month, "month the capacity step arrives, -1 never"),
        R(RegionParam.Tier2Fraction, "tier2_fraction", ParamKind.Fraction, "share of orders under tier-2 caps when the diffusion rule is on"),
        R(RegionParam.Embargoed, "embargoed", ParamKind.Flag, "tier 3: US-designed chips arrive only through leakage"),
        R(RegionParam.Priority, "priority", ParamKind.Flag, "served first under a domestic-priority law"),
        R(RegionParam.CloudHost, "cloud_host", ParamKind.Flag, "spare capacity serves other regions' unmet demand"),
        R(RegionParam.DomesticSupply, "domestic_supply", ParamKind.Flag, "receives the domestic chip output"),
        R(RegionParam.BubbleExposed, "bubble_exposed", ParamKind.Flag, "demand cut when the bubble bursts"),
    ];

    /// <summary>Finds a parameter by its file name, or null.</summary>
    public static ParamInfo? Find(string name)
    {
        foreach (var p in Globals)
        {
            if (p.Name == name)
            {
                return p;
            }
        }

        foreach (var p in Regionals)
        {
            if (p.Name == name)
            {
                return p;
            }
        }

        return null;
    }

    private static ParamInfo G(GlobalParam p, string name, ParamKind kind, string meaning) => new(name, kind, false, (int)p, meaning, ParamSlots.Of(p));

    private static ParamInfo R(RegionParam p, string name, ParamKind kind, string meaning) => new(name, kind, true, (int)p, meaning, ParamSlots.Of(p));
}
