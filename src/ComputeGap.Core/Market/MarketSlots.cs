namespace ComputeGap.Core.Market;

/// <summary>
/// Model v2's working memory: global parameters, per-region parameters (one slot per region, unit
/// stride, for <see cref="ModelLimits.MaxRegions"/> regions), derived constants, per-region state,
/// then outcomes (three per-region columns and the scalar ones).
/// </summary>
public static class MarketSlots
{
    /// <summary>Global parameters.</summary>
    public const int GlobalCount = (int)MarketGlobal.FocusTargetShare + 1;

    /// <summary>Per-region parameter fields.</summary>
    public const int RegionalCount = (int)MarketRegional.BubbleExposed + 1;

    /// <summary>Slots holding parameters.</summary>
    public const int ParamCount = GlobalCount + (RegionalCount * ModelLimits.MaxRegions);

    private const int DerivedBase = ParamCount;
    private const int DerivedCount = (int)MarketDerived.AltFactor + 1;
    private const int StateBase = DerivedBase + DerivedCount;
    private const int StateCount = (int)MarketRegionState.Untiered + 1;
    private const int OutcomeBase = StateBase + (StateCount * ModelLimits.MaxRegions);
    private const int RegionOutcomes = 3;

    /// <summary>Scalar outcomes.</summary>
    public const int ScalarOutcomeCount = (int)MarketOutcome.CnDomesticShare + 1;

    /// <summary>Slots a store must hold.</summary>
    public const int Count = OutcomeBase + (RegionOutcomes * ModelLimits.MaxRegions) + ScalarOutcomeCount;

    public static int Of(MarketGlobal p) => (int)p;

    /// <summary>Region 0's slot of a per-region parameter; region r's is r further.</summary>
    public static int Of(MarketRegional p) => GlobalCount + ((int)p * ModelLimits.MaxRegions);

    public static int Of(MarketRegional p, int region) => Of(p) + region;

    public static int Of(MarketDerived d) => DerivedBase + (int)d;

    /// <summary>Region 0's slot of a per-region state value; region r's is r further.</summary>
    public static int Of(MarketRegionState s) => StateBase + ((int)s * ModelLimits.MaxRegions);

    public static int Of(MarketRegionState s, int region) => Of(s) + region;

    public static int Share(int region) => OutcomeBase + region;

    public static int Installed(int region) => OutcomeBase + ModelLimits.MaxRegions + region;

    public static int EffectiveShare(int region) => OutcomeBase + (2 * ModelLimits.MaxRegions) + region;

    public static int Of(MarketOutcome o) => OutcomeBase + (RegionOutcomes * ModelLimits.MaxRegions) + (int)o;
}
