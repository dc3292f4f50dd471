namespace ComputeGap.Core.Parameters;

/// <summary>Global (region-independent) model parameters of MODEL.md v1, in catalog order.</summary>
/// <remarks>The numeric value is the parameter's slot in <see cref="ParamSlots"/>; do not reorder.</remarks>
public enum GlobalParam
{
    Supply0,
    SupplyGrowth,
    DomesticSupply0,
    DomesticSupplyGrowth,
    Demand0,
    DemandGrowth,
    ChipLifeYears,
    OrderLagMonths,
    UsPriority,
    DiffusionRule,
    Tier2Cap,
    Leakage,
    CloudAccessEmbargoed,
    CloudExportShare,
    ReeCnShare,
    ReeExportQuota,
    ReeControlsStart,
    ReeControlsEnd,
    ReeStockMonths,
    ReeCriticality,
    ReeCriticalityEscalated,
    ReeEscalationMonth,
    ReeAltGrowth,
    BubbleMonth,
    BubbleCut,
    FocusTargetShare,
}

/// <summary>Per-region model parameters of MODEL.md v1, in catalog order.</summary>
public enum RegionParam
{
    Installed0,
    UsageShare,
    DcCapacity0,
    DcGrowth,
    DcStep,
    DcStepMonth,
    Tier2Fraction,
    Embargoed,
    Priority,
    CloudHost,
    DomesticSupply,
    BubbleExposed,
}
