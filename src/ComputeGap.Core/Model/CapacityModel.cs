using System.Runtime.CompilerServices;
using ComputeGap.Core.Lanes;
using ComputeGap.Core.Parameters;

namespace ComputeGap.Core.Model;

/// <summary>
/// Model v1 (shared/MODEL.md, mirrored in docs/model.md): the one implementation of the equations.
/// The ILGPU kernel instantiates it with <see cref="ScalarLane"/>, the CPU path with
/// <see cref="VectorLane"/>; nothing else in src/ or kernels/ computes the model.
/// </summary>
/// <remarks>
/// Growth <c>G(x, g) = x·(1+g)^(t/12)</c> is evaluated as a running product of the monthly factor
/// <c>(1+g)^(1/12)</c>, one multiplication a month instead of a power; in float32 this drifts by
/// about one ulp a month (≤ 4e-5 relative at 600 months), well inside the model's 1e-3 tolerance.
/// </remarks>
public static partial class CapacityModel
{
    /// <summary>
    /// Runs one scenario (one per lane) whose parameters are already in the store's parameter
    /// slots, and leaves its outcomes in the outcome slots.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Run<TL, TM, TS, TO>(TS s, in ModelShape shape, ref TO series)
        where TL : struct, ILane<TL, TM>
        where TM : struct
        where TS : struct, ILaneStore<TL>
        where TO : struct, IMonthObserver<TL>
    {
        var regions = shape.Regions;
        var one = TL.Broadcast(1f);
        var twelfth = TL.Broadcast(1f / 12f);

        Initialise<TL, TM, TS>(s, regions);

        var supplyFactor = TL.Pow(one + s[ParamSlots.Of(GlobalParam.SupplyGrowth)], twelfth);
        var domesticFactor = TL.Pow(one + s[ParamSlots.Of(GlobalParam.DomesticSupplyGrowth)], twelfth);
        var demandFactor = TL.Pow(one + s[ParamSlots.Of(GlobalParam.DemandGrowth)], twelfth);
        var altFactor = TL.Pow(one + s[ParamSlots.Of(GlobalParam.ReeAltGrowth)], twelfth);

        var m = new MonthState<TL>
        {
            Supply = s[ParamSlots.Of(GlobalParam.Supply0)],
            Domestic = s[ParamSlots.Of(GlobalParam.DomesticSupply0)],
            Demand = s[ParamSlots.Of(GlobalParam.Demand0)],
            AltTrend = one,
            Stock = s[ParamSlots.Of(GlobalParam.ReeStockMonths)],
            Lost = TL.Broadcast(0f),
            Slack = TL.Broadcast(0f),
            FocusShareMin = TL.Broadcast(float.PositiveInfinity),
            FocusTargetMonth = TL.Broadcast(-1f),
            DepletionMonth = TL.Broadcast(-1f),
            Kept = one - (one / (TL.Broadcast(12f) * s[ParamSlots.Of(GlobalParam.ChipLifeYears)])),
            InverseLag = one / s[ParamSlots.Of(GlobalParam.OrderLagMonths)],
        };

        var zero = TL.Broadcast(0f);
        var exportShare = s[ParamSlots.Of(GlobalParam.CloudExportShare)];
        for (var t = 0; t < shape.Months; t++)
        {
            var month = TL.Broadcast(t);
            var supply = RareEarths<TL, TM, TS>(s, ref m, month);

            var preTotal = DemandAndBase<TL, TM, TS>(s, m, month, regions, out var hostCapacity);
            var exportPerCapacity = TL.Select(TL.Greater(hostCapacity, zero), exportShare * preTotal / hostCapacity, zero);
            var rawPriority = Wants<TL, TM, TS>(s, m, exportPerCapacity, regions, out var domesticWanted);

            var domesticFill = TL.Select(TL.Greater(domesticWanted, zero), TL.Min(one, m.Domestic / domesticWanted), zero);
            var over = TL.Greater(rawPriority, supply);
            var priorityScale = TL.Select(over, supply / rawPriority, one);
            var priorityTotal = Fills<TL, TM, TS>(s, domesticFill, over, priorityScale, regions, out var tier2Total);
            var eligibleTotal = Tier2Cap<TL, TM, TS>(s, tier2Total, regions);

            var installedTotal = Allocate<TL, TM, TS>(s, ref m, supply, priorityTotal, eligibleTotal, domesticWanted, regions);
            Shares<TL, TM, TS, TO>(s, ref m, ref series, shape, t, month, installedTotal);

            m.Supply *= supplyFactor;
            m.Domestic *= domesticFactor;
            m.Demand *= demandFactor;
            m.AltTrend *= altFactor;
        }

        Finish<TL, TM, TS>(s, ref m, shape);
    }

    /// <summary>Per-scenario constants and the state at t = 0.</summary>
    private static void Initialise<TL, TM, TS>(TS s, int regions)
        where TL : struct, ILane<TL, TM>
        where TM : struct
        where TS : struct, ILaneStore<TL>
    {
        var one = TL.Broadcast(1f);
        var twelfth = TL.Broadcast(1f / 12f);
        var cloudAccess = s[ParamSlots.Of(GlobalParam.CloudAccessEmbargoed)];
        var leakage = s[ParamSlots.Of(GlobalParam.Leakage)];

        var usageTotal = TL.Broadcast(0f);
        for (var r = 0; r < regions; r++)
        {
            usageTotal += s[ParamSlots.Of(RegionParam.UsageShare, r)];
        }

        for (var r = 0; r < regions; r++)
        {
            var embargoed = s[ParamSlots.Of(RegionParam.Embargoed, r)];
            s[ModelSlots.Of(RegionState.Installed, r)] = s[ParamSlots.Of(RegionParam.Installed0, r)];
            s[ModelSlots.Of(RegionState.CapacityTrend, r)] = s[ParamSlots.Of(RegionParam.DcCapacity0, r)];
            s[ModelSlots.Of(RegionState.CapacityMonthlyFactor, r)] = TL.Pow(one + s[ParamSlots.Of(RegionParam.DcGrowth, r)], twelfth);
            s[ModelSlots.Of(RegionState.UsageShareNormalised, r)] = s[ParamSlots.Of(RegionParam.UsageShare, r)] / usageTotal;
            s[ModelSlots.Of(RegionState.CloudAccessFactor, r)] = one + (embargoed * (cloudAccess - one));
            s[ModelSlots.Of(RegionState.LeakageFactor, r)] = one + (embargoed * (leakage - one));
        }
    }
}
