using ComputeGap.Core.Parameters;

namespace ComputeGap.Core.Model;

/// <summary>
/// The monthly factors <c>(1+g)^(1/12)</c> of the model's growth rates (four global, one per region),
/// held in their own slots. Each depends on one parameter only, so a backend may look them up per
/// axis value instead of taking a power per scenario (the CPU backend does; see
/// <see cref="Lanes.ILaneStore{TLane}.HasDerivedSlots"/>); either way the factor is
/// <see cref="Monthly"/> of the rate, to the bit.
/// </summary>
public static class GrowthFactors
{
    /// <summary>Number of global factor slots.</summary>
    public const int GlobalCount = 4;

    /// <summary>
    /// The global growth rate whose factor is in <see cref="ModelSlots.GrowthFactor"/>(<paramref name="index"/>),
    /// 0 … <see cref="GlobalCount"/> − 1. A switch, not an array, because kernels call it; an index out of
    /// range is a caller's bug and maps to the last rate.
    /// </summary>
    public static GlobalParam Global(int index) => index switch
    {
        0 => GlobalParam.SupplyGrowth,
        1 => GlobalParam.DomesticSupplyGrowth,
        2 => GlobalParam.DemandGrowth,
        _ => GlobalParam.ReeAltGrowth,
    };

    /// <summary><c>(1 + annualGrowth)^(1/12)</c> in float32, as every lane type computes it.</summary>
    public static float Monthly(float annualGrowth) => MathF.Pow(1f + annualGrowth, 1f / 12f);

    /// <summary>
    /// The slot holding the monthly factor of the growth parameter in <paramref name="paramSlot"/>,
    /// or −1 when that parameter is not a growth rate.
    /// </summary>
    public static int FactorSlot(int paramSlot)
    {
        for (var i = 0; i < GlobalCount; i++)
        {
            if (paramSlot == ParamSlots.Of(Global(i)))
            {
                return ModelSlots.GrowthFactor(i);
            }
        }

        var first = ParamSlots.Of(RegionParam.DcGrowth);
        return paramSlot >= first && paramSlot < first + ModelLimits.MaxRegions
            ? ModelSlots.Of(RegionState.CapacityMonthlyFactor, paramSlot - first)
            : -1;
    }

    /// <summary>Every (parameter slot, factor slot) pair, for backends that fill factors themselves.</summary>
    public static IEnumerable<(int Param, int Factor)> Pairs()
    {
        for (var slot = 0; slot < ParamSlots.Count; slot++)
        {
            var factor = FactorSlot(slot);
            if (factor >= 0)
            {
                yield return (slot, factor);
            }
        }
    }
}
