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
    CloudAccessFactor,
    LeakageFactor,
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
    private const int OutcomeBase = StateBase + (RegionStateCount * ModelLimits.MaxRegions);

    /// <summary>Number of scalar outcomes.</summary>
    public const int ScalarOutcomeCount = (int)ScalarOutcome.SupplySlack + 1;

    /// <summary>Total slots a store must hold.</summary>
    public const int Count = OutcomeBase + ModelLimits.MaxRegions + ScalarOutcomeCount;

    /// <summary>Slot of a per-region state value.</summary>
    public static int Of(RegionState s, int region) => StateBase + ((int)s * ModelLimits.MaxRegions) + region;

    /// <summary>Slot of region <paramref name="region"/>'s final share.</summary>
    public static int Share(int region) => OutcomeBase + region;

    /// <summary>Slot of a scalar outcome.</summary>
    public static int Of(ScalarOutcome o) => OutcomeBase + ModelLimits.MaxRegions + (int)o;
}
