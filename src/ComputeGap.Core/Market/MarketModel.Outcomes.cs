using System.Runtime.CompilerServices;
using ComputeGap.Core.Lanes;
using ComputeGap.Core.Model;

namespace ComputeGap.Core.Market;

/// <summary>Step 10 (shares), the series and diagnostics, and the outcome columns.</summary>
public static partial class MarketModel
{
    /// <summary>Step 10: the focus share's minimum and target month; the series columns when observed.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Shares<TL, TM, TS, TO>(TS s, ref MarketState<TL> m, ref TO series, in ModelShape shape, int t, TL month, TL total)
        where TL : struct, ILane<TL, TM>
        where TM : struct
        where TS : struct, ILaneStore<TL>
        where TO : struct, IMonthObserver<TL>
    {
        var regions = shape.Regions;
        if (series.Enabled)
        {
            for (var r = 0; r < regions; r++)
            {
                var installed = s[MarketSlots.Installed(r)];
                series.Record(t, MarketSeries.Share(r), installed / total);
                series.Record(t, MarketSeries.Installed(r, regions), installed);
            }

            series.Record(t, MarketSeries.Price(regions), m.Price);
        }

        var focusShare = s[MarketSlots.Installed(shape.Focus)] / total;

        // A month with no compute anywhere has share 0/0 = NaN: it takes no part in the minimum
        // (a comparison, not Min, whose NaN handling differs between lane types and platforms).
        m.FocusShareMin = TL.Select(TL.Less(focusShare, m.FocusShareMin), focusShare, m.FocusShareMin);
        var reached = TL.And(
            TL.GreaterOrEqual(focusShare, s[MarketSlots.Of(MarketGlobal.FocusTargetShare)]),
            TL.Less(m.FocusTargetMonth, TL.Broadcast(0f)));
        m.FocusTargetMonth = TL.Select(reached, month, m.FocusTargetMonth);
    }

    /// <summary>The month's diagnostics (<see cref="MarketDiagnostic"/>) and each region's space-bound flag.</summary>
    private static void Diagnostics<TL, TM, TS, TO>(TS s, in MarketState<TL> m, ref TO series, int t, int regions, in MonthFlows<TL> flows)
        where TL : struct, ILane<TL, TM>
        where TM : struct
        where TS : struct, ILaneStore<TL>
        where TO : struct, IMonthObserver<TL>
    {
        var zero = TL.Broadcast(0f);
        series.Record(t, MarketSeries.Of(MarketDiagnostic.Output, regions), flows.Output);
        series.Record(t, MarketSeries.Of(MarketDiagnostic.Sold, regions), flows.Sold);
        series.Record(t, MarketSeries.Of(MarketDiagnostic.Eligible, regions), flows.Eligible);
        series.Record(t, MarketSeries.Of(MarketDiagnostic.Rationed, regions), TL.Max(zero, flows.Eligible - flows.Output));
        series.Record(t, MarketSeries.Of(MarketDiagnostic.Unsold, regions), TL.Max(zero, flows.Output - flows.Eligible));
        series.Record(t, MarketSeries.Of(MarketDiagnostic.DomesticChips, regions), flows.Chips);
        series.Record(t, MarketSeries.Of(MarketDiagnostic.Domestic, regions), flows.Domestic);
        series.Record(t, MarketSeries.Of(MarketDiagnostic.DomesticStock, regions), m.DomesticYoung + m.DomesticOld);
        series.Record(t, MarketSeries.Of(MarketDiagnostic.SmuggledStock, regions), m.SmuggledYoung + m.SmuggledOld);
        series.Record(t, MarketSeries.Of(MarketDiagnostic.Markup, regions), m.Markup);
        series.Record(t, MarketSeries.Of(MarketDiagnostic.ReeRatio, regions), flows.ReeRatio);
        series.Record(t, MarketSeries.Of(MarketDiagnostic.WaferLimit, regions), m.Wafer);
        series.Record(t, MarketSeries.Of(MarketDiagnostic.HbmLimit, regions), m.Hbm);
        var half = TL.Broadcast(0.5f);
        var legal = zero;
        var smuggled = zero;
        var home = zero;
        for (var r = 0; r < regions; r++)
        {
            var embargoed = TL.Greater(s[r, MarketSlots.Of(MarketRegional.Embargoed)], half);
            var delivered = flows.K * s[r, MarketSlots.Of(MarketRegionState.Smuggled)];
            legal += TL.Select(embargoed, s[r, MarketSlots.Of(MarketRegionState.Allocated)] - delivered, zero);
            smuggled += delivered;
            home += TL.Select(TL.Greater(s[r, MarketSlots.Of(MarketRegional.DomesticSupply)], half), s[r, MarketSlots.Of(MarketRegionState.DomesticFill)], zero);
        }

        series.Record(t, MarketSeries.Of(MarketDiagnostic.LegalToEmbargoed, regions), legal);
        series.Record(t, MarketSeries.Of(MarketDiagnostic.SmuggledToEmbargoed, regions), smuggled);
        series.Record(t, MarketSeries.Of(MarketDiagnostic.DomesticToHome, regions), home);
        series.Record(t, MarketSeries.Of(MarketDiagnostic.Rent, regions), flows.Rent);
        for (var r = 0; r < regions; r++)
        {
            // Orders are the lesser of what the budget and the space take, so they fall short of the budget's exactly when space binds.
            var spaceBound = TL.Less(s[r, MarketSlots.Of(MarketRegionState.Want)], s[r, MarketSlots.Of(MarketRegionState.ByBudget)]);
            series.Record(t, MarketSeries.SpaceBound(r, regions), TL.Select(spaceBound, TL.Broadcast(1f), zero));
        }
    }

    /// <summary>Outcomes after the last month, with the last month's cloud service.</summary>
    private static void Finish<TL, TM, TS>(TS s, in MarketState<TL> m, in ModelShape shape)
        where TL : struct, ILane<TL, TM>
        where TM : struct
        where TS : struct, ILaneStore<TL>
    {
        var zero = TL.Broadcast(0f);
        var one = TL.Broadcast(1f);
        var half = TL.Broadcast(0.5f);
        var infinity = TL.Broadcast(float.PositiveInfinity);
        var regions = shape.Regions;
        var total = zero;
        var effectiveTotal = zero;
        var domesticHeld = zero;
        for (var r = 0; r < regions; r++)
        {
            var installed = s[MarketSlots.Installed(r)];
            total += installed;
            effectiveTotal += installed * s[r, MarketSlots.Of(MarketRegional.ComputeEfficiency)];
            domesticHeld += TL.Select(TL.Greater(s[r, MarketSlots.Of(MarketRegional.DomesticSupply)], half), installed, zero);
        }

        var spare = zero;
        var needTotal = zero;
        for (var r = 0; r < regions; r++)
        {
            var installed = s[MarketSlots.Installed(r)];
            var gap = s[r, MarketSlots.Of(MarketRegionState.Usage)] - installed;
            spare += TL.Select(TL.Greater(s[r, MarketSlots.Of(MarketRegional.CloudHost)], half), TL.Max(zero, zero - gap), zero);
            needTotal += s[r, MarketSlots.Of(MarketRegionState.RentWeight)] * TL.Max(zero, gap);
            s[MarketSlots.Share(r)] = installed / total;
            s[MarketSlots.EffectiveShare(r)] = installed * s[r, MarketSlots.Of(MarketRegional.ComputeEfficiency)] / effectiveTotal;
        }

        var f = shape.Focus;
        var served = TL.Select(TL.Greater(needTotal, zero), TL.Min(one, spare / needTotal), zero);
        var focusUsage = s[MarketSlots.Of(MarketRegionState.Usage, f)];
        var focusInstalled = s[MarketSlots.Installed(f)];
        var focusCloud = s[MarketSlots.Of(MarketRegionState.RentWeight, f)] * TL.Max(zero, focusUsage - focusInstalled) * served;

        var a = s[MarketSlots.Installed(shape.RivalA)];
        var b = s[MarketSlots.Installed(shape.RivalB)];
        var effectiveA = a * s[MarketSlots.Of(MarketRegional.ComputeEfficiency, shape.RivalA)];
        var effectiveB = b * s[MarketSlots.Of(MarketRegional.ComputeEfficiency, shape.RivalB)];

        s[MarketSlots.Of(MarketOutcome.FocusShareMin)] = m.FocusShareMin;
        s[MarketSlots.Of(MarketOutcome.FocusCoverage)] = focusInstalled / focusUsage;
        s[MarketSlots.Of(MarketOutcome.FocusAccessibleCoverage)] = (focusInstalled + focusCloud) / focusUsage;
        s[MarketSlots.Of(MarketOutcome.FocusCloudDependency)] = focusCloud / focusUsage;
        s[MarketSlots.Of(MarketOutcome.FocusTargetMonth)] = m.FocusTargetMonth;
        s[MarketSlots.Of(MarketOutcome.ReeDepletionMonth)] = m.DepletionMonth;
        s[MarketSlots.Of(MarketOutcome.ReeLostH100e)] = m.Lost;
        s[MarketSlots.Of(MarketOutcome.GlobalInstalled)] = total;
        s[MarketSlots.Of(MarketOutcome.RivalRatio)] = TL.Select(TL.Greater(b, zero), a / b, infinity);
        s[MarketSlots.Of(MarketOutcome.EffectiveRivalRatio)] = TL.Select(TL.Greater(effectiveB, zero), effectiveA / effectiveB, infinity);
        s[MarketSlots.Of(MarketOutcome.PriceFinal)] = m.Price;
        s[MarketSlots.Of(MarketOutcome.PriceMean)] = m.PriceSum / TL.Broadcast(shape.Months);
        s[MarketSlots.Of(MarketOutcome.UnsoldH100e)] = m.Unsold;
        s[MarketSlots.Of(MarketOutcome.RationedH100e)] = m.Rationed;
        s[MarketSlots.Of(MarketOutcome.CnDomesticShare)] = (m.DomesticYoung + m.DomesticOld) / domesticHeld;
    }
}
