namespace ComputeGap.Core.Parameters;

/// <summary>
/// The flat layout of one scenario's parameters: every global, then every per-region field for
/// <see cref="ModelLimits.MaxRegions"/> regions. Kernels and the CPU path read parameters by slot,
/// so a sweep axis is just a slot and a list of values.
/// </summary>
public static class ParamSlots
{
    /// <summary>Number of global parameters.</summary>
    public const int GlobalCount = (int)GlobalParam.FocusTargetShare + 1;

    /// <summary>Number of per-region parameter fields.</summary>
    public const int RegionFieldCount = (int)RegionParam.BubbleExposed + 1;

    /// <summary>Slots used by parameters.</summary>
    public const int Count = GlobalCount + (RegionFieldCount * ModelLimits.MaxRegions);

    /// <summary>Slot of a global parameter.</summary>
    public static int Of(GlobalParam p) => (int)p;

    /// <summary>Slot of a per-region parameter for region <paramref name="region"/>.</summary>
    public static int Of(RegionParam p, int region) => GlobalCount + ((int)p * ModelLimits.MaxRegions) + region;

    /// <summary>Slot of a per-region parameter for region 0; region r's is r slots further (see <see cref="Lanes.ILaneStore{TLane}"/>).</summary>
    public static int Of(RegionParam p) => Of(p, 0);

    /// <summary>Slot of a catalog parameter, with the region for regional ones.</summary>
    public static int Of(ParamInfo p, int region) =>
        p.IsRegional ? Of((RegionParam)p.Index, region) : Of((GlobalParam)p.Index);
}
