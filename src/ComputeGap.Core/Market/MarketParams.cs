namespace ComputeGap.Core.Market;

/// <summary>Global parameters of model v2 (docs/model-v2.md), in slot order.</summary>
/// <remarks>The numeric value is the parameter's slot (<see cref="MarketSlots"/>); the catalogue lists them in this order.</remarks>
public enum MarketGlobal
{
    FabCapacity0,
    FabCapacityGrowth,
    GrowthHalflifeYears,
    PriceFloor0,
    PriceFloorDecline,
    Markup0,
    PriceAdjustment,
    H100ePerMw0,
    H100ePerMwGrowth,
    ChipLifeYears,
    Installed0AgedShare,
    OrderLagMonths,
    UsPriority,
    DiffusionRule,
    DiffusionFrom,
    DowngradedCap,
    DowngradedFrom,
    DowngradedUntil,
    Leakage,
    SmugglingPremium,
    DomesticWaferChips0,
    DomesticWaferGrowth,
    DomesticHbmChips0,
    DomesticHbmGrowth,
    DomesticH100ePerChip,
    DomesticInstalled0,
    CnExportShare,
    ReeCnShare,
    ReeExportQuota,
    ReeControlsStart,
    ReeControlsEnd,
    ReeStockMonths,
    ReeCriticality,
    ReeCriticalityEscalated,
    ReeEscalationMonth,
    ReeAltGrowth,
    ReeDcCriticality,
    AsmlControls,
    AsmlControlsMonth,
    AsmlFabElasticity,
    AsmlCnElasticity,
    CloudAccessEmbargoed,
    CloudExportShare,
    Demand0,
    DemandGrowth,
    BubbleMonth,
    BubbleCut,
    FocusTargetShare,
}

/// <summary>Per-region parameters of model v2, in slot order (each holds one slot per region).</summary>
public enum MarketRegional
{
    Installed0,
    UsageShare,
    Capex0,
    CapexGrowth,
    DcPower0,
    DcPowerGrowth,
    DcStepMw,
    DcStepMonth,
    Tier2Fraction,
    Tier2Cap,
    ComputeEfficiency,
    Embargoed,
    Priority,
    CloudHost,
    DomesticSupply,
    CnExportTarget,
    BubbleExposed,
}

/// <summary>Per-scenario constants of model v2 derived from one global parameter each (<see cref="Models.DerivedSlot"/>).</summary>
public enum MarketDerived
{
    /// <summary>r(fab_capacity_growth), the monthly rate at t = 0.</summary>
    FabRate,
    WaferRate,
    HbmRate,
    DemandRate,

    /// <summary>d = 2^(−1/(12·growth_halflife_years)).</summary>
    Halving,

    /// <summary>φ = (1 − price_floor_decline)^(1/12).</summary>
    FloorFactor,

    /// <summary>ε = (1 + h100e_per_mw_growth)^(1/12).</summary>
    EfficiencyFactor,

    /// <summary>α = (1 + ree_alt_growth)^(1/12).</summary>
    AltFactor,
}

/// <summary>Per-region state of model v2 between its steps, one slot per region each.</summary>
public enum MarketRegionState
{
    /// <summary>Derived: r(capex_growth[r]).</summary>
    CapexRate,

    /// <summary>Derived: r(dc_power_growth[r]).</summary>
    PowerRate,

    /// <summary>Fleet in the first ageing stage, H100e.</summary>
    Young,

    /// <summary>Fleet in the second ageing stage, H100e.</summary>
    Old,

    /// <summary>Power in use by the first stage, MW.</summary>
    YoungMw,

    /// <summary>Power in use by the second stage, MW.</summary>
    OldMw,

    /// <summary>Budget trend K[r], $/month.</summary>
    Budget,

    /// <summary>Power Pw[r], MW.</summary>
    Power,

    /// <summary>Usage demand U[r] this month, H100e.</summary>
    Usage,

    /// <summary>Orders want[r], H100e.</summary>
    Want,

    /// <summary>What the budget buys at this month's price, B[r]/P, H100e.</summary>
    ByBudget,

    /// <summary>Domestic chips filled, c[r], H100e.</summary>
    DomesticFill,

    /// <summary>Eligible orders e[r], H100e.</summary>
    Eligible,

    /// <summary>Smuggled orders smug[r] (embargoed regions), H100e.</summary>
    Smuggled,

    /// <summary>US-designed chips allocated a[r] this month, H100e.</summary>
    Allocated,

    /// <summary>Constant: u[r], the normalised usage share.</summary>
    UsageNorm,

    /// <summary>Constant: β[r] = 1 − bubble_cut where exposed, else 1.</summary>
    BurstKept,

    /// <summary>Constant: dc_step_month, or +∞ for never.</summary>
    StepFrom,

    /// <summary>Constant: cloud_host[r]·ω/N_h, the share of the rent a host adds to its budget.</summary>
    RentShare,

    /// <summary>Constant: w[r] = (1 − cloud_host)·(λc where embargoed, else 1).</summary>
    RentWeight,

    /// <summary>Constant: π·priority[r].</summary>
    PriorityWeight,

    /// <summary>Constant: 1 − tier2_fraction[r].</summary>
    Untiered,
}

/// <summary>Scalar outcomes of model v2, after the per-region columns.</summary>
public enum MarketOutcome
{
    FocusShareMin,
    FocusCoverage,
    FocusAccessibleCoverage,
    FocusCloudDependency,
    FocusTargetMonth,
    ReeDepletionMonth,
    ReeLostH100e,
    GlobalInstalled,
    RivalRatio,
    EffectiveRivalRatio,
    PriceFinal,
    PriceMean,
    UnsoldH100e,
    RationedH100e,
    CnDomesticShare,
}
