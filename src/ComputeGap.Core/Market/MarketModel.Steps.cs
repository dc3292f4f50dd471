using System.Runtime.CompilerServices;
using ComputeGap.Core.Lanes;
using ComputeGap.Core.Model;

namespace ComputeGap.Core.Market;

/// <summary>The numbered steps of one month, docs/model-v2.md "One month".</summary>
public static partial class MarketModel
{
    private const float DepletionTolerance = 1e-6f;

    /// <summary>Step 1: rare earths; returns the month's US-designed output S and the share of need met.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TL RareEarths<TL, TM, TS>(TS s, ref MarketState<TL> m, TL month, out TL ratio)
        where TL : struct, ILane<TL, TM>
        where TM : struct
        where TS : struct, ILaneStore<TL>
    {
        var zero = TL.Broadcast(0f);
        var one = TL.Broadcast(1f);
        var controlsEnd = s[MarketSlots.Of(MarketGlobal.ReeControlsEnd)];
        var escalation = s[MarketSlots.Of(MarketGlobal.ReeEscalationMonth)];
        var on = TL.And(
            TL.GreaterOrEqual(month, s[MarketSlots.Of(MarketGlobal.ReeControlsStart)]),
            TL.Or(TL.Less(controlsEnd, zero), TL.Less(month, controlsEnd)));

        var need = m.Capacity;
        var alternative = (one - s[MarketSlots.Of(MarketGlobal.ReeCnShare)]) * s[MarketSlots.Of(MarketGlobal.FabCapacity0)] * m.AltTrend;
        var gap = TL.Max(zero, need - alternative);
        var ceiling = s[MarketSlots.Of(MarketGlobal.ReeStockMonths)] * need;
        var china = TL.Select(on, s[MarketSlots.Of(MarketGlobal.ReeExportQuota)] * gap, gap + TL.Max(zero, ceiling - m.Stock));
        var available = m.Stock + alternative + china;
        var used = TL.Min(need, available);
        ratio = TL.Select(TL.Greater(need, zero), used / need, one);
        m.Stock = TL.Min(ceiling, available - used);

        var escalated = TL.And(TL.GreaterOrEqual(escalation, zero), TL.GreaterOrEqual(month, escalation));
        var criticality = TL.Select(escalated, s[MarketSlots.Of(MarketGlobal.ReeCriticalityEscalated)], s[MarketSlots.Of(MarketGlobal.ReeCriticality)]);
        var output = m.Capacity * (one - (criticality * (one - ratio)));
        m.Lost += m.Capacity - output;

        var firstShort = TL.And(TL.Less(ratio, TL.Broadcast(1f - DepletionTolerance)), TL.Less(m.DepletionMonth, zero));
        m.DepletionMonth = TL.Select(firstShort, month, m.DepletionMonth);
        return output;
    }

    /// <summary>Step 4, one pass (<see cref="OrderPass{TL, TM, TS}"/>): W_d, W_x and the month's rent.</summary>
    [MethodImpl(StepOptions)]
    private static OrderTotals<TL> Orders<TL, TM, TS>(TS s, in MarketState<TL> m, TL month, TL reeRatio, bool last, int regions)
        where TL : struct, ILane<TL, TM>
        where TM : struct
        where TS : struct, ILaneStore<TL>
    {
        var zero = TL.Broadcast(0f);
        var one = TL.Broadcast(1f);
        var bubbleMonth = s[MarketSlots.Of(MarketGlobal.BubbleMonth)];
        var pass = new OrderPass<TL, TM, TS>
        {
            S = s,
            Month = month,
            Burst = TL.And(TL.GreaterOrEqual(bubbleMonth, zero), TL.GreaterOrEqual(month, bubbleMonth)),
            Demand = m.Demand,
            Price = m.Price,
            InversePrice = one / m.Price,
            RentPrice = m.Price * m.RentFactor,
            Efficiency = m.Efficiency,
            InverseLag = m.InverseLag,
            Ageing = m.Ageing,
            RentIn = m.Rent,
            Decay = m.Decay,
            PowerBuild = m.Decay * (one - (s[MarketSlots.Of(MarketGlobal.ReeDcCriticality)] * (one - reeRatio))),
            Last = last,
            DomesticWanted = zero,
            ExportWanted = zero,
            Rent = zero,
        };
        RegionLoop.Each<OrderPass<TL, TM, TS>>(ref pass, regions);
        return new OrderTotals<TL> { DomesticWanted = pass.DomesticWanted, ExportWanted = pass.ExportWanted, Rent = pass.Rent };
    }

    /// <summary>Steps 5 and 6, one pass (<see cref="EligiblePass{TL, TM, TS}"/>): E and Σp0.</summary>
    [MethodImpl(StepOptions)]
    private static EligibleTotals<TL> Eligible<TL, TM, TS>(TS s, TL month, TL fillHome, TL fillExport, bool observed, int regions)
        where TL : struct, ILane<TL, TM>
        where TM : struct
        where TS : struct, ILaneStore<TL>
    {
        var zero = TL.Broadcast(0f);
        var one = TL.Broadcast(1f);
        var from = s[MarketSlots.Of(MarketGlobal.DowngradedFrom)];
        var until = s[MarketSlots.Of(MarketGlobal.DowngradedUntil)];
        var downgraded = TL.And(
            TL.And(TL.GreaterOrEqual(from, zero), TL.GreaterOrEqual(month, from)),
            TL.Or(TL.Less(until, zero), TL.Less(month, until)));
        var diffusionFrom = s[MarketSlots.Of(MarketGlobal.DiffusionFrom)];
        var capped = TL.And(
            TL.Greater(s[MarketSlots.Of(MarketGlobal.DiffusionRule)], TL.Broadcast(0.5f)),
            TL.And(TL.GreaterOrEqual(diffusionFrom, zero), TL.GreaterOrEqual(month, diffusionFrom)));
        var pass = new EligiblePass<TL, TM, TS>
        {
            S = s,
            FillHome = fillHome,
            FillExport = fillExport,
            LegalCap = TL.Select(downgraded, s[MarketSlots.Of(MarketGlobal.DowngradedCap)], zero),
            Leakage = s[MarketSlots.Of(MarketGlobal.Leakage)],
            PremiumFactor = one / (one + s[MarketSlots.Of(MarketGlobal.SmugglingPremium)]),
            Capped = capped,
            Total = zero,
            Priority = zero,
            Smuggled = zero,
            Observed = observed,
        };
        RegionLoop.Each<EligiblePass<TL, TM, TS>>(ref pass, regions);
        return new EligibleTotals<TL> { Total = pass.Total, Priority = pass.Priority, Smuggled = pass.Smuggled };
    }

    /// <summary>Step 7's shares: whether output is short, the priority scale and k.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Rationing<TL> Ration<TL, TM>(TL output, in EligibleTotals<TL> eligible)
        where TL : struct, ILane<TL, TM>
        where TM : struct
    {
        var zero = TL.Broadcast(0f);
        var one = TL.Broadcast(1f);
        var isShort = TL.Greater(eligible.Total, output);
        var scale = TL.Select(TL.Greater(eligible.Priority, output), output / eligible.Priority, one);
        scale = TL.Select(isShort, scale, zero);
        var priority = eligible.Priority * scale;

        // Σp ≤ S, so S − Σp ≥ 0 exactly; float32 rounding of the scaled Σp can leave it a hair below
        // zero, which would make k negative and take compute away. Clamp to the exact value.
        var left = TL.Max(zero, output - priority);
        var rest = eligible.Total - priority;
        var k = TL.Select(isShort, TL.Select(TL.Greater(rest, zero), left / rest, zero), one);
        return new Rationing<TL> { PriorityScale = scale, K = k };
    }

    /// <summary>Step 8, one pass (<see cref="InstallPass{TL, TM, TS}"/>), and the origin stocks; returns ΣI.</summary>
    [MethodImpl(StepOptions)]
    private static TL Install<TL, TM, TS>(TS s, ref MarketState<TL> m, in Rationing<TL> ration, TL smuggled, bool observed, int regions)
        where TL : struct, ILane<TL, TM>
        where TM : struct
        where TS : struct, ILaneStore<TL>
    {
        var zero = TL.Broadcast(0f);
        var pass = new InstallPass<TL, TM, TS>
        {
            S = s,
            PriorityScale = ration.PriorityScale,
            K = ration.K,
            InverseEfficiency = TL.Broadcast(1f) / m.Efficiency,
            Total = zero,
            DomesticIn = zero,
            Observed = observed,
        };
        RegionLoop.Each<InstallPass<TL, TM, TS>>(ref pass, regions);

        // The origin stocks age with the fleet (from the start of the month), then take their inflows.
        Age<TL, TM>(ref m.DomesticYoung, ref m.DomesticOld, m.Ageing);
        m.DomesticYoung += pass.DomesticIn;
        Age<TL, TM>(ref m.SmuggledYoung, ref m.SmuggledOld, m.Ageing);
        m.SmuggledYoung += ration.K * smuggled;
        return pass.Total;
    }

    /// <summary>One month of a two-stage ageing chain: a share h of each stage moves on (into the second stage, out of the second).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Age<TL, TM>(ref TL young, ref TL old, TL h)
        where TL : struct, ILane<TL, TM>
        where TM : struct
    {
        var moved = h * young;
        old = old + moved - (h * old);
        young -= moved;
    }
}

/// <summary>Step 4's sums: domestic-supply and second-ecosystem orders, the month's rent.</summary>
internal struct OrderTotals<TL>
    where TL : struct
{
    public TL DomesticWanted;
    public TL ExportWanted;
    public TL Rent;
}

/// <summary>Step 6's sums: E and Σp0.</summary>
internal struct EligibleTotals<TL>
    where TL : struct
{
    public TL Total;
    public TL Priority;

    /// <summary>Σ smug[r], the smuggled orders of embargoed regions.</summary>
    public TL Smuggled;
}

/// <summary>Step 7's decision: the priority scale (min(1, S/Σp0) when output is short, else 0) and k.</summary>
internal struct Rationing<TL>
    where TL : struct
{
    public TL PriorityScale;
    public TL K;
}

/// <summary>A month's flows the diagnostics report.</summary>
internal struct MonthFlows<TL>
    where TL : struct
{
    public TL Output;
    public TL Sold;
    public TL Eligible;
    public TL Chips;
    public TL Domestic;
    public TL ReeRatio;
    public TL Rent;

    /// <summary>The month's k (rationing factor).</summary>
    public TL K;
}
