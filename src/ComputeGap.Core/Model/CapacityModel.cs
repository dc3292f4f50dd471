using System.Runtime.CompilerServices;
using ComputeGap.Core.Lanes;
using ComputeGap.Core.Parameters;

namespace ComputeGap.Core.Model;

/// <summary>
/// Model v1 (docs/model.md): the one implementation of the equations.
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
    /// <typeparam name="TL">The lane type: one scenario (<see cref="ScalarLane"/>) or several (<see cref="VectorLane"/>).</typeparam>
    /// <typeparam name="TM">The lane type's comparison mask.</typeparam>
    /// <typeparam name="TS">The store holding parameters, state and outcomes.</typeparam>
    /// <typeparam name="TO">What sees each month's shares (<see cref="NoSeries{TLane}"/> for nothing).</typeparam>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Run<TL, TM, TS, TO>(TS s, in ModelShape shape, ref TO series)
        where TL : struct, ILane<TL, TM>
        where TM : struct
        where TS : struct, ILaneStore<TL>
        where TO : struct, IMonthObserver<TL>
    {
        var regions = shape.Regions;
        var one = TL.Broadcast(1f);

        if (!TS.HasDerivedSlots)
        {
            DeriveGrowthFactors<TL, TM, TS>(s, regions);
        }

        Initialise<TL, TM, TS>(s, regions);

        var supplyFactor = s[ModelSlots.GrowthFactor(0)];
        var domesticFactor = s[ModelSlots.GrowthFactor(1)];
        var demandFactor = s[ModelSlots.GrowthFactor(2)];
        var altFactor = s[ModelSlots.GrowthFactor(3)];

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
            var priorityTotal = Fills<TL, TM, TS>(s, domesticFill, over, priorityScale, regions, out var eligible);
            var cap = Tier2Cap<TL, TM, TS>(s, ref eligible);

            var installedTotal = Allocate<TL, TM, TS>(s, ref m, supply, priorityTotal, eligible, cap, domesticWanted, regions);
            Shares<TL, TM, TS, TO>(s, ref m, ref series, shape, t, month, installedTotal);

            m.Supply *= supplyFactor;
            m.Domestic *= domesticFactor;
            m.Demand *= demandFactor;
            m.AltTrend *= altFactor;
        }

        Finish<TL, TM, TS>(s, m, shape);
    }

    /// <summary>The monthly factors of every growth rate (<see cref="GrowthFactors"/>), for stores whose backend does not fill them.</summary>
    private static void DeriveGrowthFactors<TL, TM, TS>(TS s, int regions)
        where TL : struct, ILane<TL, TM>
        where TM : struct
        where TS : struct, ILaneStore<TL>
    {
        var one = TL.Broadcast(1f);
        var twelfth = TL.Broadcast(1f / 12f);
        for (var i = 0; i < GrowthFactors.GlobalCount; i++)
        {
            s[ModelSlots.GrowthFactor(i)] = TL.Pow(one + s[ParamSlots.Of(GrowthFactors.Global(i))], twelfth);
        }

        for (var r = 0; r < regions; r++)
        {
            s[r, ModelSlots.Of(RegionState.CapacityMonthlyFactor)] = TL.Pow(one + s[r, ParamSlots.Of(RegionParam.DcGrowth)], twelfth);
        }
    }

    /// <summary>Per-scenario constants and the state at t = 0.</summary>
    private static void Initialise<TL, TM, TS>(TS s, int regions)
        where TL : struct, ILane<TL, TM>
        where TM : struct
        where TS : struct, ILaneStore<TL>
    {
        var zero = TL.Broadcast(0f);
        var one = TL.Broadcast(1f);
        var cloudAccess = s[ParamSlots.Of(GlobalParam.CloudAccessEmbargoed)];
        var leakage = s[ParamSlots.Of(GlobalParam.Leakage)];
        var burstKept = one - s[ParamSlots.Of(GlobalParam.BubbleCut)];
        var priorityShare = s[ParamSlots.Of(GlobalParam.UsPriority)];

        var usageTotal = TL.Broadcast(0f);
        for (var r = 0; r < regions; r++)
        {
            usageTotal += s[r, ParamSlots.Of(RegionParam.UsageShare)];
        }

        for (var r = 0; r < regions; r++)
        {
            var embargoed = s[r, ParamSlots.Of(RegionParam.Embargoed)];
            s[r, ModelSlots.Of(RegionState.Installed)] = s[r, ParamSlots.Of(RegionParam.Installed0)];
            s[r, ModelSlots.Of(RegionState.CapacityTrend)] = s[r, ParamSlots.Of(RegionParam.DcCapacity0)];
            s[r, ModelSlots.Of(RegionState.UsageShareNormalised)] = s[r, ParamSlots.Of(RegionParam.UsageShare)] / usageTotal;
            s[r, ModelSlots.Of(RegionState.LeakageFactor)] = one + (embargoed * (leakage - one));

            // Products of role flags (0 or 1) with per-scenario constants, formed once instead of
            // every month; with 0/1 flags each gives the same bits as the month's own expression.
            var cloudAccessFactor = one + (embargoed * (cloudAccess - one));
            s[r, ModelSlots.Of(RegionState.NeedWeight)] = (one - s[r, ParamSlots.Of(RegionParam.CloudHost)]) * cloudAccessFactor;
            s[r, ModelSlots.Of(RegionState.BurstKept)] = one + (s[r, ParamSlots.Of(RegionParam.BubbleExposed)] * (burstKept - one));
            var stepMonth = s[r, ParamSlots.Of(RegionParam.DcStepMonth)];
            s[r, ModelSlots.Of(RegionState.StepFrom)] = TL.Select(TL.Less(stepMonth, zero), TL.Broadcast(float.PositiveInfinity), stepMonth);
            s[r, ModelSlots.Of(RegionState.PriorityWeight)] = s[r, ParamSlots.Of(RegionParam.Priority)] * priorityShare;
            s[r, ModelSlots.Of(RegionState.Untiered)] = one - s[r, ParamSlots.Of(RegionParam.Tier2Fraction)];
        }
    }
}
