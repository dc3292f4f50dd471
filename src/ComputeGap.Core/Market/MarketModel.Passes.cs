using System.Runtime.CompilerServices;
using ComputeGap.Core.Lanes;
using ComputeGap.Core.Model;

namespace ComputeGap.Core.Market;

/// <summary>The month's three passes over the regions, one region per <see cref="IRegionPass.Visit"/>.</summary>
public static partial class MarketModel
{
    /// <summary>Step 4: ageing, usage demand, power and free space, budget, orders, rent; the regions' trends grow for next month.</summary>
    private struct OrderPass<TL, TM, TS> : IRegionPass
        where TL : struct, ILane<TL, TM>
        where TM : struct
        where TS : struct, ILaneStore<TL>
    {
        public TS S;
        public TL Month;
        public TM Burst;
        public TL Demand;
        public TL Price;
        public TL InversePrice;
        public TL RentPrice;
        public TL Efficiency;
        public TL InverseLag;
        public TL Ageing;
        public TL RentIn;
        public TL Decay;

        /// <summary>δ·(1 − ree_dc_criticality·(1 − ratio)): the share of power growth's rate built this month.</summary>
        public TL PowerBuild;

        /// <summary>The last month: only then is the usage demand kept for the outcomes (one store less per region and month).</summary>
        public bool Last;
        public TL DomesticWanted;
        public TL ExportWanted;
        public TL Rent;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Visit(int r)
        {
            var s = S;
            var zero = TL.Broadcast(0f);
            var one = TL.Broadcast(1f);

            var young = s[r, MarketSlots.Of(MarketRegionState.Young)];
            var old = s[r, MarketSlots.Of(MarketRegionState.Old)];
            Age<TL, TM>(ref young, ref old, Ageing);
            s[r, MarketSlots.Of(MarketRegionState.Young)] = young;
            s[r, MarketSlots.Of(MarketRegionState.Old)] = old;
            var youngMw = s[r, MarketSlots.Of(MarketRegionState.YoungMw)];
            var oldMw = s[r, MarketSlots.Of(MarketRegionState.OldMw)];
            Age<TL, TM>(ref youngMw, ref oldMw, Ageing);
            s[r, MarketSlots.Of(MarketRegionState.YoungMw)] = youngMw;
            s[r, MarketSlots.Of(MarketRegionState.OldMw)] = oldMw;

            var kept = TL.Select(Burst, s[r, MarketSlots.Of(MarketRegionState.BurstKept)], one);
            var usage = Demand * s[r, MarketSlots.Of(MarketRegionState.UsageNorm)] * kept;
            if (Last)
            {
                s[r, MarketSlots.Of(MarketRegionState.Usage)] = usage;
            }

            var power = s[r, MarketSlots.Of(MarketRegionState.Power)];
            var stepped = TL.GreaterOrEqual(Month, s[r, MarketSlots.Of(MarketRegionState.StepFrom)]);
            var capacity = power + TL.Select(stepped, s[r, MarketSlots.Of(MarketRegional.DcStepMw)], zero);
            var space = TL.Max(zero, capacity - (youngMw + oldMw)) * Efficiency;

            var trend = s[r, MarketSlots.Of(MarketRegionState.Budget)];
            var budget = (trend * kept) + (s[r, MarketSlots.Of(MarketRegionState.RentShare)] * RentIn);
            var byBudget = budget * InversePrice;
            var bySpace = space * InverseLag;
            var want = TL.Min(byBudget, bySpace);
            s[r, MarketSlots.Of(MarketRegionState.Want)] = want;
            s[r, MarketSlots.Of(MarketRegionState.ByBudget)] = byBudget;

            // Role flags are exactly 0 or 1, so a product selects (and costs less than a compare and a blend).
            DomesticWanted += s[r, MarketSlots.Of(MarketRegional.DomesticSupply)] * want;
            ExportWanted += s[r, MarketSlots.Of(MarketRegional.CnExportTarget)] * want;

            // Budget the powered space could not take pays rent, up to the cost of the unmet demand.
            var unplaced = (byBudget - want) * Price;
            var unmet = TL.Max(zero, usage - (young + old)) * RentPrice;
            Rent += s[r, MarketSlots.Of(MarketRegionState.RentWeight)] * TL.Min(unplaced, unmet);

            // The halving rates are their t = 0 values times the common δ, so no rate is stored per region.
            s[r, MarketSlots.Of(MarketRegionState.Budget)] = trend * (one + (s[r, MarketSlots.Of(MarketRegionState.CapexRate)] * Decay));
            s[r, MarketSlots.Of(MarketRegionState.Power)] = power * (one + (s[r, MarketSlots.Of(MarketRegionState.PowerRate)] * PowerBuild));
        }
    }

    /// <summary>Steps 5 and 6: domestic fills and export rules give each region's eligible orders; E and Σp0.</summary>
    private struct EligiblePass<TL, TM, TS> : IRegionPass
        where TL : struct, ILane<TL, TM>
        where TM : struct
        where TS : struct, ILaneStore<TL>
    {
        public TS S;
        public TL FillHome;
        public TL FillExport;
        public TL LegalCap;
        public TL Leakage;
        public TL PremiumFactor;
        public TM Capped;
        public TL Total;
        public TL Priority;
        public TL Smuggled;

        /// <summary>The month's flows are observed: keep each region's smuggled orders for the diagnostics.</summary>
        public bool Observed;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Visit(int r)
        {
            var s = S;
            var zero = TL.Broadcast(0f);
            var half = TL.Broadcast(0.5f);
            var want = s[r, MarketSlots.Of(MarketRegionState.Want)];
            var fill = (s[r, MarketSlots.Of(MarketRegional.DomesticSupply)] * FillHome) + (s[r, MarketSlots.Of(MarketRegional.CnExportTarget)] * FillExport);
            var domestic = want * fill;
            s[r, MarketSlots.Of(MarketRegionState.DomesticFill)] = domestic;
            var remaining = want - domestic;

            var legal = TL.Min(remaining, LegalCap);
            var budgetLeft = s[r, MarketSlots.Of(MarketRegionState.ByBudget)] - domestic - legal;
            var smuggled = TL.Max(zero, TL.Min(Leakage * (remaining - legal), budgetLeft * PremiumFactor));

            var tiered = s[r, MarketSlots.Of(MarketRegional.Tier2Fraction)] * remaining;
            var open = (s[r, MarketSlots.Of(MarketRegionState.Untiered)] * remaining)
                + TL.Select(Capped, TL.Min(tiered, s[r, MarketSlots.Of(MarketRegional.Tier2Cap)]), tiered);

            var embargoed = TL.Greater(s[r, MarketSlots.Of(MarketRegional.Embargoed)], half);
            var eligible = TL.Select(embargoed, legal + smuggled, open);
            s[r, MarketSlots.Of(MarketRegionState.Eligible)] = eligible;
            var smuggledOrders = TL.Select(embargoed, smuggled, zero);
            if (Observed)
            {
                s[r, MarketSlots.Of(MarketRegionState.Smuggled)] = smuggledOrders;
            }

            Smuggled += smuggledOrders;
            Total += eligible;
            Priority += s[r, MarketSlots.Of(MarketRegionState.PriorityWeight)] * eligible;
        }
    }

    /// <summary>Steps 7 and 8: allocation a = p + k·(e − p) and installation; ΣI and the origin stocks' inflows.</summary>
    private struct InstallPass<TL, TM, TS> : IRegionPass
        where TL : struct, ILane<TL, TM>
        where TM : struct
        where TS : struct, ILaneStore<TL>
    {
        public TS S;
        /// <summary>min(1, S/Σp0) when output is short, else 0 (no priority share when every order is met).</summary>
        public TL PriorityScale;
        public TL K;
        public TL InverseEfficiency;
        public TL Total;
        public TL DomesticIn;

        /// <summary>The month's flows are observed: keep each region's allocation for the diagnostics.</summary>
        public bool Observed;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Visit(int r)
        {
            var s = S;
            var zero = TL.Broadcast(0f);
            var eligible = s[r, MarketSlots.Of(MarketRegionState.Eligible)];
            var priority = s[r, MarketSlots.Of(MarketRegionState.PriorityWeight)] * eligible * PriorityScale;
            var allocated = priority + (K * (eligible - priority));
            if (Observed)
            {
                s[r, MarketSlots.Of(MarketRegionState.Allocated)] = allocated;
            }

            var domestic = s[r, MarketSlots.Of(MarketRegionState.DomesticFill)];
            var added = allocated + domestic;
            var young = s[r, MarketSlots.Of(MarketRegionState.Young)] + added;
            s[r, MarketSlots.Of(MarketRegionState.Young)] = young;
            s[r, MarketSlots.Of(MarketRegionState.YoungMw)] = s[r, MarketSlots.Of(MarketRegionState.YoungMw)] + (added * InverseEfficiency);
            var installed = young + s[r, MarketSlots.Of(MarketRegionState.Old)];
            s[MarketSlots.Installed(r)] = installed;
            Total += installed;
            DomesticIn += s[r, MarketSlots.Of(MarketRegional.DomesticSupply)] * domestic;
        }
    }
}
