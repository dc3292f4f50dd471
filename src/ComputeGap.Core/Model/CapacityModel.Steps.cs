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

    /// <summary>Step 3: usage demand U and powered capacity cap per region.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void DemandAndCapacity<TL, TM, TS>(TS s, TL demand, TL month, int regions)
        where TL : struct, ILane<TL, TM>
        where TM : struct
        where TS : struct, ILaneStore<TL>
    {
        var zero = TL.Broadcast(0f);
        var one = TL.Broadcast(1f);
        var bubbleMonth = s[ParamSlots.Of(GlobalParam.BubbleMonth)];
        var burst = TL.And(TL.GreaterOrEqual(bubbleMonth, zero), TL.GreaterOrEqual(month, bubbleMonth));
        var bubbleKept = TL.Select(burst, one - s[ParamSlots.Of(GlobalParam.BubbleCut)], one);

        for (var r = 0; r < regions; r++)
        {
            var exposed = s[ParamSlots.Of(RegionParam.BubbleExposed, r)];
            var kept = one + (exposed * (bubbleKept - one));
            s[ModelSlots.Of(RegionState.Usage, r)] = demand * s[ModelSlots.Of(RegionState.UsageShareNormalised, r)] * kept;

            var stepMonth = s[ParamSlots.Of(RegionParam.DcStepMonth, r)];
            var stepped = TL.And(TL.GreaterOrEqual(stepMonth, zero), TL.GreaterOrEqual(month, stepMonth));
            s[ModelSlots.Of(RegionState.Capacity, r)] =
                s[ModelSlots.Of(RegionState.CapacityTrend, r)] + TL.Select(stepped, s[ParamSlots.Of(RegionParam.DcStep, r)], zero);
        }
    }

    /// <summary>Step 4: retirement, the cloud hosts' export build-out, and each region's wanted orders.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Orders<TL, TM, TS>(TS s, in MonthState<TL> m, int regions)
        where TL : struct, ILane<TL, TM>
        where TM : struct
        where TS : struct, ILaneStore<TL>
    {
        var zero = TL.Broadcast(0f);
        var one = TL.Broadcast(1f);

        var preTotal = zero;
        var hostCapacity = zero;
        for (var r = 0; r < regions; r++)
        {
            var host = s[ParamSlots.Of(RegionParam.CloudHost, r)];
            var usage = s[ModelSlots.Of(RegionState.Usage, r)];
            var baseInstalled = s[ModelSlots.Of(RegionState.Installed, r)] * m.Kept;
            s[ModelSlots.Of(RegionState.Base, r)] = baseInstalled;
            preTotal += (one - host) * TL.Max(zero, usage - baseInstalled) * s[ModelSlots.Of(RegionState.CloudAccessFactor, r)];
            hostCapacity += host * s[ModelSlots.Of(RegionState.Capacity, r)];
        }

        var exportPerCapacity = TL.Select(
            TL.Greater(hostCapacity, zero),
            s[ParamSlots.Of(GlobalParam.CloudExportShare)] * preTotal / hostCapacity,
            zero);

        for (var r = 0; r < regions; r++)
        {
            var capacity = s[ModelSlots.Of(RegionState.Capacity, r)];
            var export = s[ParamSlots.Of(RegionParam.CloudHost, r)] * capacity * exportPerCapacity;
            var target = TL.Min(s[ModelSlots.Of(RegionState.Usage, r)] + export, capacity);
            s[ModelSlots.Of(RegionState.Want, r)] = TL.Max(zero, target - s[ModelSlots.Of(RegionState.Base, r)]) * m.InverseLag;
        }
    }

    /// <summary>Step 5: domestic output to the domestic-supply regions; returns W, their total wanted orders.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TL DomesticOutput<TL, TM, TS>(TS s, TL domestic, int regions)
        where TL : struct, ILane<TL, TM>
        where TM : struct
        where TS : struct, ILaneStore<TL>
    {
        var zero = TL.Broadcast(0f);
        var wanted = zero;
        for (var r = 0; r < regions; r++)
        {
            wanted += s[ParamSlots.Of(RegionParam.DomesticSupply, r)] * s[ModelSlots.Of(RegionState.Want, r)];
        }

        var fill = TL.Select(TL.Greater(wanted, zero), TL.Min(TL.Broadcast(1f), domestic / wanted), zero);
        for (var r = 0; r < regions; r++)
        {
            s[ModelSlots.Of(RegionState.DomesticAllocation, r)] = s[ParamSlots.Of(RegionParam.DomesticSupply, r)] * s[ModelSlots.Of(RegionState.Want, r)] * fill;
        }

        return wanted;
    }

    /// <summary>Step 6: priority orders, scaled down to S when they exceed it; returns Σp.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TL Priority<TL, TM, TS>(TS s, TL supply, int regions)
        where TL : struct, ILane<TL, TM>
        where TM : struct
        where TS : struct, ILaneStore<TL>
    {
        var zero = TL.Broadcast(0f);
        var share = s[ParamSlots.Of(GlobalParam.UsPriority)];
        var total = zero;
        for (var r = 0; r < regions; r++)
        {
            var p = s[ParamSlots.Of(RegionParam.Priority, r)] * share * s[ModelSlots.Of(RegionState.Want, r)];
            s[ModelSlots.Of(RegionState.PriorityOrder, r)] = p;
            total += p;
        }

        var over = TL.Greater(total, supply);
        var scale = TL.Select(over, supply / total, TL.Broadcast(1f));
        var scaledTotal = zero;
        for (var r = 0; r < regions; r++)
        {
            var slot = ModelSlots.Of(RegionState.PriorityOrder, r);
            var p = TL.Select(over, s[slot] * scale, s[slot]);
            s[slot] = p;
            scaledTotal += p;
        }

        return scaledTotal;
    }

    /// <summary>Step 7: eligible orders after priority, domestic fill, leakage and tier-2 caps; returns Σe.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TL EligibleOrders<TL, TM, TS>(TS s, int regions)
        where TL : struct, ILane<TL, TM>
        where TM : struct
        where TS : struct, ILaneStore<TL>
    {
        var zero = TL.Broadcast(0f);
        var one = TL.Broadcast(1f);
        var tier2Total = zero;
        for (var r = 0; r < regions; r++)
        {
            var open = s[ModelSlots.Of(RegionState.Want, r)]
                - s[ModelSlots.Of(RegionState.PriorityOrder, r)]
                - s[ModelSlots.Of(RegionState.DomesticAllocation, r)];
            var e = open * s[ModelSlots.Of(RegionState.LeakageFactor, r)];
            s[ModelSlots.Of(RegionState.Eligible, r)] = e;
            tier2Total += s[ParamSlots.Of(RegionParam.Tier2Fraction, r)] * e;
        }

        var cap = s[ParamSlots.Of(GlobalParam.Tier2Cap)];
        var capped = TL.And(TL.Greater(s[ParamSlots.Of(GlobalParam.DiffusionRule)], TL.Broadcast(0.5f)), TL.Greater(tier2Total, cap));
        var capScale = cap / tier2Total;
        var total = zero;
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

    /// <summary>Steps 8 and 9: allocation of what is left of S, slack, and installation.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Allocate<TL, TM, TS>(TS s, ref MonthState<TL> m, TL supply, TL priorityTotal, TL eligibleTotal, TL domesticWanted, int regions)
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

        for (var r = 0; r < regions; r++)
        {
            var allocated = s[ModelSlots.Of(RegionState.PriorityOrder, r)] + (k * s[ModelSlots.Of(RegionState.Eligible, r)]);
            s[ModelSlots.Of(RegionState.Installed, r)] =
                s[ModelSlots.Of(RegionState.Base, r)] + allocated + s[ModelSlots.Of(RegionState.DomesticAllocation, r)];
        }
    }
}
