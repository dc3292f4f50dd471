using ComputeGap.Core.Lanes;
using ComputeGap.Core.Models;

namespace ComputeGap.Core.Market;

/// <summary>Per-scenario constants and the state at t = 0 (docs/model-v2.md, "Per-scenario constants", "State at t = 0").</summary>
public static partial class MarketModel
{
    /// <summary>The derived constants (<see cref="ModelV2"/>'s <see cref="ModelDescriptor.DerivedSlots"/>), for stores whose backend does not fill them.</summary>
    private static void Derive<TL, TM, TS>(TS s, int regions)
        where TL : struct, ILane<TL, TM>
        where TM : struct
        where TS : struct, ILaneStore<TL>
    {
        s[MarketSlots.Of(MarketDerived.FabRate)] = Transforms.Apply<TL, TM>(Transform.MonthlyRate, s[MarketSlots.Of(MarketGlobal.FabCapacityGrowth)]);
        s[MarketSlots.Of(MarketDerived.WaferRate)] = Transforms.Apply<TL, TM>(Transform.MonthlyRate, s[MarketSlots.Of(MarketGlobal.DomesticWaferGrowth)]);
        s[MarketSlots.Of(MarketDerived.HbmRate)] = Transforms.Apply<TL, TM>(Transform.MonthlyRate, s[MarketSlots.Of(MarketGlobal.DomesticHbmGrowth)]);
        s[MarketSlots.Of(MarketDerived.DemandRate)] = Transforms.Apply<TL, TM>(Transform.MonthlyRate, s[MarketSlots.Of(MarketGlobal.DemandGrowth)]);
        s[MarketSlots.Of(MarketDerived.Halving)] = Transforms.Apply<TL, TM>(Transform.Halving, s[MarketSlots.Of(MarketGlobal.GrowthHalflifeYears)]);
        s[MarketSlots.Of(MarketDerived.FloorFactor)] = Transforms.Apply<TL, TM>(Transform.MonthlyDecline, s[MarketSlots.Of(MarketGlobal.PriceFloorDecline)]);
        s[MarketSlots.Of(MarketDerived.EfficiencyFactor)] = Transforms.Apply<TL, TM>(Transform.MonthlyFactor, s[MarketSlots.Of(MarketGlobal.H100ePerMwGrowth)]);
        s[MarketSlots.Of(MarketDerived.AltFactor)] = Transforms.Apply<TL, TM>(Transform.MonthlyFactor, s[MarketSlots.Of(MarketGlobal.ReeAltGrowth)]);
        for (var r = 0; r < regions; r++)
        {
            s[r, MarketSlots.Of(MarketRegionState.CapexRate)] = Transforms.Apply<TL, TM>(Transform.MonthlyRate, s[r, MarketSlots.Of(MarketRegional.CapexGrowth)]);
            s[r, MarketSlots.Of(MarketRegionState.PowerRate)] = Transforms.Apply<TL, TM>(Transform.MonthlyRate, s[r, MarketSlots.Of(MarketRegional.DcPowerGrowth)]);
        }
    }

    /// <summary>The derived slots as (parameter, slot, function), for the descriptor; mirrors <see cref="Derive"/>.</summary>
    internal static IReadOnlyList<DerivedSlot> DerivedSlots()
    {
        var list = new List<DerivedSlot>
        {
            new(MarketSlots.Of(MarketGlobal.FabCapacityGrowth), MarketSlots.Of(MarketDerived.FabRate), Transform.MonthlyRate),
            new(MarketSlots.Of(MarketGlobal.DomesticWaferGrowth), MarketSlots.Of(MarketDerived.WaferRate), Transform.MonthlyRate),
            new(MarketSlots.Of(MarketGlobal.DomesticHbmGrowth), MarketSlots.Of(MarketDerived.HbmRate), Transform.MonthlyRate),
            new(MarketSlots.Of(MarketGlobal.DemandGrowth), MarketSlots.Of(MarketDerived.DemandRate), Transform.MonthlyRate),
            new(MarketSlots.Of(MarketGlobal.GrowthHalflifeYears), MarketSlots.Of(MarketDerived.Halving), Transform.Halving),
            new(MarketSlots.Of(MarketGlobal.PriceFloorDecline), MarketSlots.Of(MarketDerived.FloorFactor), Transform.MonthlyDecline),
            new(MarketSlots.Of(MarketGlobal.H100ePerMwGrowth), MarketSlots.Of(MarketDerived.EfficiencyFactor), Transform.MonthlyFactor),
            new(MarketSlots.Of(MarketGlobal.ReeAltGrowth), MarketSlots.Of(MarketDerived.AltFactor), Transform.MonthlyFactor),
        };
        for (var r = 0; r < ModelLimits.MaxRegions; r++)
        {
            list.Add(new(MarketSlots.Of(MarketRegional.CapexGrowth, r), MarketSlots.Of(MarketRegionState.CapexRate, r), Transform.MonthlyRate));
            list.Add(new(MarketSlots.Of(MarketRegional.DcPowerGrowth, r), MarketSlots.Of(MarketRegionState.PowerRate, r), Transform.MonthlyRate));
        }

        return list;
    }

    private static MarketState<TL> Initialise<TL, TM, TS>(TS s, int regions)
        where TL : struct, ILane<TL, TM>
        where TM : struct
        where TS : struct, ILaneStore<TL>
    {
        var zero = TL.Broadcast(0f);
        var one = TL.Broadcast(1f);
        var half = TL.Broadcast(0.5f);
        var aged = s[MarketSlots.Of(MarketGlobal.Installed0AgedShare)];
        var perMw = s[MarketSlots.Of(MarketGlobal.H100ePerMw0)];
        var burstKept = one - s[MarketSlots.Of(MarketGlobal.BubbleCut)];
        var cloudAccess = s[MarketSlots.Of(MarketGlobal.CloudAccessEmbargoed)];
        var priorityShare = s[MarketSlots.Of(MarketGlobal.UsPriority)];
        var usageTotal = zero;
        var hosts = zero;
        for (var r = 0; r < regions; r++)
        {
            usageTotal += s[r, MarketSlots.Of(MarketRegional.UsageShare)];
            hosts += TL.Select(TL.Greater(s[r, MarketSlots.Of(MarketRegional.CloudHost)], half), one, zero);
        }

        var rentShare = TL.Select(TL.Greater(hosts, zero), s[MarketSlots.Of(MarketGlobal.CloudExportShare)] / hosts, zero);
        for (var r = 0; r < regions; r++)
        {
            var installed0 = s[r, MarketSlots.Of(MarketRegional.Installed0)];
            var young = installed0 * (one - aged);
            var old = installed0 * aged;
            s[r, MarketSlots.Of(MarketRegionState.Young)] = young;
            s[r, MarketSlots.Of(MarketRegionState.Old)] = old;
            s[r, MarketSlots.Of(MarketRegionState.YoungMw)] = young / perMw;
            s[r, MarketSlots.Of(MarketRegionState.OldMw)] = old / perMw;
            s[r, MarketSlots.Of(MarketRegionState.Budget)] = s[r, MarketSlots.Of(MarketRegional.Capex0)];
            s[r, MarketSlots.Of(MarketRegionState.Power)] = s[r, MarketSlots.Of(MarketRegional.DcPower0)];
            s[r, MarketSlots.Of(MarketRegionState.UsageNorm)] = s[r, MarketSlots.Of(MarketRegional.UsageShare)] / usageTotal;

            var host = TL.Greater(s[r, MarketSlots.Of(MarketRegional.CloudHost)], half);
            var embargoed = TL.Greater(s[r, MarketSlots.Of(MarketRegional.Embargoed)], half);
            s[r, MarketSlots.Of(MarketRegionState.BurstKept)] = TL.Select(TL.Greater(s[r, MarketSlots.Of(MarketRegional.BubbleExposed)], half), burstKept, one);
            s[r, MarketSlots.Of(MarketRegionState.StepFrom)] = Never<TL, TM>(s[r, MarketSlots.Of(MarketRegional.DcStepMonth)]);
            s[r, MarketSlots.Of(MarketRegionState.RentShare)] = TL.Select(host, rentShare, zero);
            s[r, MarketSlots.Of(MarketRegionState.RentWeight)] = TL.Select(host, zero, TL.Select(embargoed, cloudAccess, one));
            s[r, MarketSlots.Of(MarketRegionState.PriorityWeight)] = TL.Select(TL.Greater(s[r, MarketSlots.Of(MarketRegional.Priority)], half), priorityShare, zero);
            s[r, MarketSlots.Of(MarketRegionState.Untiered)] = one - s[r, MarketSlots.Of(MarketRegional.Tier2Fraction)];
        }

        var life = s[MarketSlots.Of(MarketGlobal.ChipLifeYears)];
        var domestic0 = s[MarketSlots.Of(MarketGlobal.DomesticInstalled0)];
        var capacity0 = s[MarketSlots.Of(MarketGlobal.FabCapacity0)];
        return new MarketState<TL>
        {
            Capacity = capacity0,
            Wafer = s[MarketSlots.Of(MarketGlobal.DomesticWaferChips0)],
            Hbm = s[MarketSlots.Of(MarketGlobal.DomesticHbmChips0)],
            Demand = s[MarketSlots.Of(MarketGlobal.Demand0)],
            Decay = one,
            Markup = s[MarketSlots.Of(MarketGlobal.Markup0)],
            Floor = s[MarketSlots.Of(MarketGlobal.PriceFloor0)],
            Efficiency = perMw,
            AltTrend = one,
            Stock = s[MarketSlots.Of(MarketGlobal.ReeStockMonths)] * capacity0,
            Rent = zero,
            DomesticYoung = domestic0 * (one - aged),
            DomesticOld = domestic0 * aged,
            SmuggledYoung = zero,
            SmuggledOld = zero,
            Lost = zero,
            Unsold = zero,
            Rationed = zero,
            PriceSum = zero,
            Price = zero,
            FocusShareMin = TL.Broadcast(float.PositiveInfinity),
            FocusTargetMonth = TL.Broadcast(-1f),
            DepletionMonth = TL.Broadcast(-1f),
            Ageing = one / (TL.Broadcast(6f) * life),
            InverseLag = one / s[MarketSlots.Of(MarketGlobal.OrderLagMonths)],
            RentFactor = one / (TL.Broadcast(12f) * life),
        };
    }
}
