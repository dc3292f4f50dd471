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
    /// Steps 3 and 4a, one pass over the regions: usage demand U, powered capacity cap (and the
    /// capacity trend moved on to next month), retained compute base, and the sums the cloud hosts'
    /// export build-out needs. Returns Σpre over non-hosts; <paramref name="hostCapacity"/> gets Σcap over hosts.
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
        var burst = TL.And(TL.GreaterOrEqual(bubbleMonth, zero), TL.GreaterOrEqual(month, bubbleMonth));
        var bubbleKept = TL.Select(burst, one - s[ParamSlots.Of(GlobalParam.BubbleCut)], one);

        var preTotal = zero;
        hostCapacity = zero;
        for (var r = 0; r < regions; r++)
        {
            var exposed = s[ParamSlots.Of(RegionParam.BubbleExposed, r)];
            var kept = one + (exposed * (bubbleKept - one));
            var usage = m.Demand * s[ModelSlots.Of(RegionState.UsageShareNormalised, r)] * kept;
            s[ModelSlots.Of(RegionState.Usage, r)] = usage;

            var stepMonth = s[ParamSlots.Of(RegionParam.DcStepMonth, r)];
            var stepped = TL.And(TL.GreaterOrEqual(stepMonth, zero), TL.GreaterOrEqual(month, stepMonth));
            var trendSlot = ModelSlots.Of(RegionState.CapacityTrend, r);
            var trend = s[trendSlot];
            var capacity = trend + TL.Select(stepped, s[ParamSlots.Of(RegionParam.DcStep, r)], zero);
            s[ModelSlots.Of(RegionState.Capacity, r)] = capacity;
            s[trendSlot] = trend * s[ModelSlots.Of(RegionState.CapacityMonthlyFactor, r)];

            var host = s[ParamSlots.Of(RegionParam.CloudHost, r)];
            var baseInstalled = s[ModelSlots.Of(RegionState.Installed, r)] * m.Kept;
            s[ModelSlots.Of(RegionState.Base, r)] = baseInstalled;
            preTotal += (one - host) * TL.Max(zero, usage - baseInstalled) * s[ModelSlots.Of(RegionState.CloudAccessFactor, r)];
            hostCapacity += host * capacity;
        }

        return preTotal;
    }

    /// <summary>
    /// Steps 4b, 5a and 6a, one pass: each region's wanted orders (with the hosts' export build-out),
    /// W (what the domestic-supply regions want) and the unscaled priority orders. Returns Σp.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TL Wants<TL, TM, TS>(TS s, in MonthState<TL> m, TL exportPerCapacity, int regions, out TL domesticWanted)
        where TL : struct, ILane<TL, TM>
        where TM : struct
        where TS : struct, ILaneStore<TL>
    {
        var zero = TL.Broadcast(0f);
        var share = s[ParamSlots.Of(GlobalParam.UsPriority)];
        domesticWanted = zero;
        var priorityTotal = zero;
        for (var r = 0; r < regions; r++)
        {
            var capacity = s[ModelSlots.Of(RegionState.Capacity, r)];
            var export = s[ParamSlots.Of(RegionParam.CloudHost, r)] * capacity * exportPerCapacity;
            var target = TL.Min(s[ModelSlots.Of(RegionState.Usage, r)] + export, capacity);
            var want = TL.Max(zero, target - s[ModelSlots.Of(RegionState.Base, r)]) * m.InverseLag;
            s[ModelSlots.Of(RegionState.Want, r)] = want;
            domesticWanted += s[ParamSlots.Of(RegionParam.DomesticSupply, r)] * want;
            var p = s[ParamSlots.Of(RegionParam.Priority, r)] * share * want;
            s[ModelSlots.Of(RegionState.PriorityOrder, r)] = p;
            priorityTotal += p;
        }

        return priorityTotal;
    }

    /// <summary>
    /// Steps 5b, 6b and 7a, one pass: domestic allocation d, priority orders scaled to S when they
    /// exceed it, and eligible orders after leakage. Returns the scaled Σp; <paramref name="tier2Total"/> gets X.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TL Fills<TL, TM, TS>(TS s, TL domesticFill, TM over, TL priorityScale, int regions, out TL tier2Total)
        where TL : struct, ILane<TL, TM>
        where TM : struct
        where TS : struct, ILaneStore<TL>
    {
        var zero = TL.Broadcast(0f);
        tier2Total = zero;
        var priorityTotal = zero;
        for (var r = 0; r < regions; r++)
        {
            var want = s[ModelSlots.Of(RegionState.Want, r)];
            var d = s[ParamSlots.Of(RegionParam.DomesticSupply, r)] * want * domesticFill;
            s[ModelSlots.Of(RegionState.DomesticAllocation, r)] = d;

            var pSlot = ModelSlots.Of(RegionState.PriorityOrder, r);
            var p = TL.Select(over, s[pSlot] * priorityScale, s[pSlot]);
            s[pSlot] = p;
            priorityTotal += p;

            var e = (want - p - d) * s[ModelSlots.Of(RegionState.LeakageFactor, r)];
            s[ModelSlots.Of(RegionState.Eligible, r)] = e;
            tier2Total += s[ParamSlots.Of(RegionParam.Tier2Fraction, r)] * e;
        }

        return priorityTotal;
    }

    /// <summary>Step 7b: the tier-2 cap, when the diffusion rule is on and X exceeds it. Returns E = Σe.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TL Tier2Cap<TL, TM, TS>(TS s, TL tier2Total, int regions)
        where TL : struct, ILane<TL, TM>
        where TM : struct
        where TS : struct, ILaneStore<TL>
    {
        var one = TL.Broadcast(1f);
        var cap = s[ParamSlots.Of(GlobalParam.Tier2Cap)];
        var capped = TL.And(TL.Greater(s[ParamSlots.Of(GlobalParam.DiffusionRule)], TL.Broadcast(0.5f)), TL.Greater(tier2Total, cap));
        var capScale = cap / tier2Total;
        var total = TL.Broadcast(0f);
        for (var r = 0; r < regions; r++)
        {
            var slot = ModelSlots.Of(RegionState.Eligible, r);
            var e = s[slot];
            var fraction = s[ParamSlots.Of(RegionParam.Tier2Fraction, r)];
            e = TL.Select(capped, ((one - fraction) * e) + (fraction * e * capScale), e);
            s[slot] = e;
            total += e;
        }

        return total;
    }

    /// <summary>Steps 8 and 9: allocation of what is left of S, slack, and installation. Returns ΣI.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TL Allocate<TL, TM, TS>(TS s, ref MonthState<TL> m, TL supply, TL priorityTotal, TL eligibleTotal, TL domesticWanted, int regions)
        where TL : struct, ILane<TL, TM>
        where TM : struct
        where TS : struct, ILaneStore<TL>
    {
        var zero = TL.Broadcast(0f);

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

        var installedTotal = zero;
        for (var r = 0; r < regions; r++)
        {
            var allocated = s[ModelSlots.Of(RegionState.PriorityOrder, r)] + (k * s[ModelSlots.Of(RegionState.Eligible, r)]);
            var installed = s[ModelSlots.Of(RegionState.Base, r)] + allocated + s[ModelSlots.Of(RegionState.DomesticAllocation, r)];
            s[ModelSlots.Of(RegionState.Installed, r)] = installed;
            installedTotal += installed;
        }

        return installedTotal;
    }
}
