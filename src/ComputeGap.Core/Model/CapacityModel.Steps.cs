using System.Runtime.CompilerServices;
using ComputeGap.Core.Lanes;
using ComputeGap.Core.Parameters;

namespace ComputeGap.Core.Model;

/// <summary>The numbered steps of one month, MODEL.md "One month, t = 0 … T−1".</summary>
public static partial class CapacityModel
{
    private const float DepletionTolerance = 1e-6f;

    /// <summary>Step 1 (rare earths) and the supply part of step 2; returns S, the month's usable US-designed supply.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TL RareEarths<TL, TM, TS>(TS s, ref MonthState<TL> m, TL month)
        where TL : struct, ILane<TL, TM>
        where TM : struct
        where TS : struct, ILaneStore<TL>
    {
        var zero = TL.Broadcast(0f);
        var one = TL.Broadcast(1f);
        var cnShare = s[ParamSlots.Of(GlobalParam.ReeCnShare)];
        var controlsEnd = s[ParamSlots.Of(GlobalParam.ReeControlsEnd)];
        var escalation = s[ParamSlots.Of(GlobalParam.ReeEscalationMonth)];

        var on = TL.And(
            TL.GreaterOrEqual(month, s[ParamSlots.Of(GlobalParam.ReeControlsStart)]),
            TL.Or(TL.Less(controlsEnd, zero), TL.Less(month, controlsEnd)));
        var chinaIn = cnShare * TL.Select(on, s[ParamSlots.Of(GlobalParam.ReeExportQuota)], one);
        var altIn = (one - cnShare) * m.AltTrend;
        var available = m.Stock + chinaIn + altIn;
        var ratio = TL.Min(one, available);
        m.Stock = TL.Min(s[ParamSlots.Of(GlobalParam.ReeStockMonths)], available - ratio);

        var escalated = TL.And(TL.GreaterOrEqual(escalation, zero), TL.GreaterOrEqual(month, escalation));
        var criticality = TL.Select(
            escalated,
            s[ParamSlots.Of(GlobalParam.ReeCriticalityEscalated)],
            s[ParamSlots.Of(GlobalParam.ReeCriticality)]);
        var factor = one - (criticality * (one - ratio));

        var firstShort = TL.And(TL.Less(ratio, TL.Broadcast(1f - DepletionTolerance)), TL.Less(m.DepletionMonth, zero));
        m.DepletionMonth = TL.Select(firstShort, month, m.DepletionMonth);

        m.Lost += m.Supply * (one - factor);
        return m.Supply * factor;
    }

    /// <summary>
    /// Steps 3 and 4a, one pass over the regions (<see cref="DemandPass{TL, TM, TS}"/>). Returns Σpre
    /// over non-hosts; <paramref name="hostCapacity"/> gets Σcap over hosts.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TL DemandAndBase<TL, TM, TS>(TS s, in MonthState<TL> m, TL month, int regions, out TL hostCapacity)
        where TL : struct, ILane<TL, TM>
        where TM : struct
        where TS : struct, ILaneStore<TL>
    {
        var zero = TL.Broadcast(0f);
        var one = TL.Broadcast(1f);
        var bubbleMonth = s[ParamSlots.Of(GlobalParam.BubbleMonth)];
        var pass = new DemandPass<TL, TM, TS>
        {
            S = s,
            Month = month,
            Demand = m.Demand,
            Kept = m.Kept,
            Burst = TL.And(TL.GreaterOrEqual(bubbleMonth, zero), TL.GreaterOrEqual(month, bubbleMonth)),
            PreTotal = zero,
            HostCapacity = zero,
        };
        RegionLoop.Each<DemandPass<TL, TM, TS>>(ref pass, regions);
        hostCapacity = pass.HostCapacity;
        return pass.PreTotal;
    }

    /// <summary>
    /// Steps 4b, 5a and 6a, one pass (<see cref="WantPass{TL, TM, TS}"/>). Returns Σp before
    /// scaling; <paramref name="domesticWanted"/> gets W.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TL Wants<TL, TM, TS>(TS s, in MonthState<TL> m, TL exportPerCapacity, int regions, out TL domesticWanted)
        where TL : struct, ILane<TL, TM>
        where TM : struct
        where TS : struct, ILaneStore<TL>
    {
        var zero = TL.Broadcast(0f);
        var pass = new WantPass<TL, TM, TS>
        {
            S = s,
            ExportPerCapacity = exportPerCapacity,
            InverseLag = m.InverseLag,
            DomesticWanted = zero,
            PriorityTotal = zero,
        };
        RegionLoop.Each<WantPass<TL, TM, TS>>(ref pass, regions);
        domesticWanted = pass.DomesticWanted;
        return pass.PriorityTotal;
    }

    /// <summary>
    /// Steps 5b, 6b and 7a, one pass (<see cref="FillPass{TL, TM, TS}"/>). Returns the scaled Σp;
    /// <paramref name="eligible"/> gets E before the tier-2 cap and its tier-2 and untiered parts.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TL Fills<TL, TM, TS>(TS s, TL domesticFill, TM over, TL priorityScale, int regions, out EligibleTotals<TL> eligible)
        where TL : struct, ILane<TL, TM>
        where TM : struct
        where TS : struct, ILaneStore<TL>
    {
        var zero = TL.Broadcast(0f);
        var pass = new FillPass<TL, TM, TS>
        {
            S = s,
            DomesticFill = domesticFill,
            Over = over,
            PriorityScale = priorityScale,
            PriorityTotal = zero,
            Eligible = zero,
            Tier2 = zero,
            Untiered = zero,
        };
        RegionLoop.Each<FillPass<TL, TM, TS>>(ref pass, regions);
        eligible = new EligibleTotals<TL> { All = pass.Eligible, Tier2 = pass.Tier2, Untiered = pass.Untiered };
        return pass.PriorityTotal;
    }

    /// <summary>
    /// Step 7b's cap, when the diffusion rule is on and X exceeds it: returns the mask and the scale
    /// <c>tier2_cap/X</c> that the allocation pass applies region by region, and sets E.
    /// </summary>
    /// <remarks>
    /// Capped, E = Σ(1 − f)e + (tier2_cap/X)·Σf·e: the sum of the capped orders regrouped, so no pass
    /// over the regions is needed to form it (it differs from the region-by-region sum by rounding only).
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Tier2Scale<TL, TM> Tier2Cap<TL, TM, TS>(TS s, ref EligibleTotals<TL> eligible)
        where TL : struct, ILane<TL, TM>
        where TM : struct
        where TS : struct, ILaneStore<TL>
    {
        var cap = s[ParamSlots.Of(GlobalParam.Tier2Cap)];
        var capped = TL.And(TL.Greater(s[ParamSlots.Of(GlobalParam.DiffusionRule)], TL.Broadcast(0.5f)), TL.Greater(eligible.Tier2, cap));
        var scale = cap / eligible.Tier2;
        eligible.All = TL.Select(capped, eligible.Untiered + (eligible.Tier2 * scale), eligible.All);
        return new Tier2Scale<TL, TM> { Capped = capped, Scale = scale };
    }

    /// <summary>
    /// Steps 8 and 9: allocation of what is left of S, slack, and installation, one pass
    /// (<see cref="AllocatePass{TL, TM, TS}"/>, which also applies 7b's cap to each region's order). Returns ΣI.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TL Allocate<TL, TM, TS>(TS s, ref MonthState<TL> m, TL supply, TL priorityTotal, in EligibleTotals<TL> eligible, in Tier2Scale<TL, TM> cap, TL domesticWanted, int regions)
        where TL : struct, ILane<TL, TM>
        where TM : struct
        where TS : struct, ILaneStore<TL>
    {
        var zero = TL.Broadcast(0f);
        var eligibleTotal = eligible.All;

        // Σp ≤ S after step 6, so left ≥ 0 exactly; float32 rounding of the scaled Σp can leave it a
        // hair below zero, which would make k negative and take compute away. Clamp to the exact value.
        var left = TL.Max(zero, supply - priorityTotal);
        var k = TL.Select(TL.Greater(eligibleTotal, left), left / eligibleTotal, TL.Broadcast(1f));
        var anyEligible = TL.Or(TL.Greater(eligibleTotal, zero), TL.Less(eligibleTotal, zero));
        k = TL.Select(anyEligible, k, zero);

        // slack += (left − k·E) + (D − Σd), evaluated without cancellation: left − k·E is exactly
        // max(0, left − E) (k = left/E when E > left, else 1, and 0 only when E = 0), and D − Σd is
        // max(0, D − W). Written literally, float32 leaves rounding noise of the size of the monthly
        // flows in what should be an exact zero, and 600 months of it swamp the true slack.
        m.Slack += TL.Max(zero, left - eligibleTotal) + TL.Max(zero, m.Domestic - domesticWanted);

        var pass = new AllocatePass<TL, TM, TS> { S = s, K = k, Capped = cap.Capped, CapScale = cap.Scale, InstalledTotal = zero };
        RegionLoop.Each<AllocatePass<TL, TM, TS>>(ref pass, regions);
        return pass.InstalledTotal;
    }
}
