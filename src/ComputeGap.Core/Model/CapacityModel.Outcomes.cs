using System.Runtime.CompilerServices;
using ComputeGap.Core.Lanes;
using ComputeGap.Core.Parameters;

namespace ComputeGap.Core.Model;

/// <summary>Step 10 (shares and cloud) and the outcome columns.</summary>
public static partial class CapacityModel
{
    /// <summary>Step 10's shares, the focus-share tracking and the optional per-month series.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Shares<TL, TM, TS, TO>(TS s, ref MonthState<TL> m, ref TO series, in ModelShape shape, int t, TL month, TL total)
        where TL : struct, ILane<TL, TM>
        where TM : struct
        where TS : struct, ILaneStore<TL>
        where TO : struct, IMonthObserver<TL>
    {
        if (series.Enabled)
        {
            for (var r = 0; r < shape.Regions; r++)
            {
                series.Record(t, r, s[r, ModelSlots.Of(RegionState.Installed)] / total);
            }
        }

        var focusShare = s[ModelSlots.Of(RegionState.Installed, shape.Focus)] / total;
        // A month with no compute anywhere has share 0/0 = NaN: it does not take part in the minimum
        // (a comparison, not Min, whose NaN handling differs between lane types and platforms).
        m.FocusShareMin = TL.Select(TL.Less(focusShare, m.FocusShareMin), focusShare, m.FocusShareMin);
        var reached = TL.And(
            TL.GreaterOrEqual(focusShare, s[ParamSlots.Of(GlobalParam.FocusTargetShare)]),
            TL.Less(m.FocusTargetMonth, TL.Broadcast(0f)));
        m.FocusTargetMonth = TL.Select(reached, month, m.FocusTargetMonth);
    }

    /// <summary>
    /// Outcomes after the last month. Step 10's cloud service is only reported for the last month,
    /// so it is computed once here rather than every month.
    /// </summary>
    private static void Finish<TL, TM, TS>(TS s, MonthState<TL> m, in ModelShape shape)
        where TL : struct, ILane<TL, TM>
        where TM : struct
        where TS : struct, ILaneStore<TL>
    {
        var zero = TL.Broadcast(0f);
        var one = TL.Broadcast(1f);
        var regions = shape.Regions;
        var total = InstalledTotal<TL, TM, TS>(s, regions);

        var hostSpare = zero;
        var needTotal = zero;
        for (var r = 0; r < regions; r++)
        {
            var host = s[r, ParamSlots.Of(RegionParam.CloudHost)];
            var gap = s[r, ModelSlots.Of(RegionState.Usage)] - s[r, ModelSlots.Of(RegionState.Installed)];
            hostSpare += host * TL.Max(zero, zero - gap);
            needTotal += TL.Max(zero, gap) * s[r, ModelSlots.Of(RegionState.NeedWeight)];
            s[ModelSlots.Share(r)] = s[r, ModelSlots.Of(RegionState.Installed)] / total;
        }

        var served = TL.Select(TL.Greater(needTotal, zero), TL.Min(one, hostSpare / needTotal), zero);
        var f = shape.Focus;
        var focusUsage = s[ModelSlots.Of(RegionState.Usage, f)];
        var focusInstalled = s[ModelSlots.Of(RegionState.Installed, f)];
        var focusNeed = TL.Max(zero, focusUsage - focusInstalled) * s[ModelSlots.Of(RegionState.NeedWeight, f)];

        var rivalB = s[ModelSlots.Of(RegionState.Installed, shape.RivalB)];
        var rivalRatio = TL.Select(
            TL.Greater(rivalB, zero),
            s[ModelSlots.Of(RegionState.Installed, shape.RivalA)] / rivalB,
            TL.Broadcast(float.PositiveInfinity));

        s[ModelSlots.Of(ScalarOutcome.FocusShareMin)] = m.FocusShareMin;
        s[ModelSlots.Of(ScalarOutcome.FocusCoverage)] = focusInstalled / focusUsage;
        s[ModelSlots.Of(ScalarOutcome.FocusCloudDependency)] = focusNeed * served / focusUsage;
        s[ModelSlots.Of(ScalarOutcome.FocusTargetMonth)] = m.FocusTargetMonth;
        s[ModelSlots.Of(ScalarOutcome.ReeDepletionMonth)] = m.DepletionMonth;
        s[ModelSlots.Of(ScalarOutcome.ReeLostH100e)] = m.Lost;
        s[ModelSlots.Of(ScalarOutcome.GlobalInstalled)] = total;
        s[ModelSlots.Of(ScalarOutcome.RivalRatio)] = rivalRatio;
        s[ModelSlots.Of(ScalarOutcome.SupplySlack)] = m.Slack;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TL InstalledTotal<TL, TM, TS>(TS s, int regions)
        where TL : struct, ILane<TL, TM>
        where TM : struct
        where TS : struct, ILaneStore<TL>
    {
        var total = TL.Broadcast(0f);
        for (var r = 0; r < regions; r++)
        {
            total += s[r, ModelSlots.Of(RegionState.Installed)];
        }

        return total;
    }
}
