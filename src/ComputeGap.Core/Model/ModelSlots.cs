using ComputeGap.Core.Parameters;

namespace ComputeGap.Core.Model;

/// <summary>Per-region state the model keeps between its steps, one slot per region each.</summary>
public enum RegionState
{
    Installed,
    Usage,
    Capacity,
    CapacityTrend,
    CapacityMonthlyFactor,
    UsageShareNormalised,
    /// <summary>Per-scenario constant: (1 − cloud_host)·(λc where embargoed, else 1), the weight of a region's unmet demand in Σpre and Σneed.</summary>
    NeedWeight,
    LeakageFactor,
    /// <summary>Per-scenario constant: the factor on usage demand once the bubble has burst, 1 − bubble_cut where exposed, else 1.</summary>
    BurstKept,
    /// <summary>Per-scenario constant: dc_step_month, or +∞ for never (−1), so one comparison decides the step.</summary>
    StepFrom,
    /// <summary>Per-scenario constant: priority·us_priority.</summary>
    PriorityWeight,
    /// <summary>Per-scenario constant: 1 − tier2_fraction.</summary>
    Untiered,
    Base,
    Want,
    PriorityOrder,
    DomesticAllocation,
    Eligible,
}

/// <summary>Scalar outcomes of one scenario (MODEL.md, "Outcomes"), after the per-region shares.</summary>
public enum ScalarOutcome
{
    FocusShareMin,
    FocusCoverage,
    FocusCloudDependency,
    FocusTargetMonth,
    ReeDepletionMonth,
    ReeLostH100e,
    GlobalInstalled,
    RivalRatio,
    SupplySlack,
}

/// <summary>
/// Layout of a scenario's working memory: parameters (<see cref="ParamSlots"/>), then per-region
/// state, then outcomes. Region arrays are sized for <see cref="ModelLimits.MaxRegions"/>.
/// </summary>
public static class ModelSlots
{
    private const int StateBase = ParamSlots.Count;
    private const int RegionStateCount = (int)RegionState.Eligible + 1;
    private const int GrowthBase = StateBase + (RegionStateCount * ModelLimits.MaxRegions);
    private const int OutcomeBase = GrowthBase + GrowthFactors.GlobalCount;

    /// <summary>Number of scalar outcomes.</summary>
    public const int ScalarOutcomeCount = (int)ScalarOutcome.SupplySlack + 1;

    /// <summary>Total slots a store must hold.</summary>
    public const int Count = OutcomeBase + ModelLimits.MaxRegions + ScalarOutcomeCount;

    /// <summary>Slot of a per-region state value.</summary>
    public static int Of(RegionState s, int region) => StateBase + ((int)s * ModelLimits.MaxRegions) + region;

    /// <summary>Slot of a per-region state value for region 0; region r's is r slots further.</summary>
    public static int Of(RegionState s) => Of(s, 0);

    /// <summary>Slot of global growth factor <paramref name="index"/> (supply, domestic supply, demand, REE alternatives; see <see cref="GrowthFactors"/>).</summary>
    public static int GrowthFactor(int index) => GrowthBase + index;

    /// <summary>Slot of region <paramref name="region"/>'s final share.</summary>
    public static int Share(int region) => OutcomeBase + region;

    /// <summary>Slot of a scalar outcome.</summary>
    public static int Of(ScalarOutcome o) => OutcomeBase + ModelLimits.MaxRegions + (int)o;
}
