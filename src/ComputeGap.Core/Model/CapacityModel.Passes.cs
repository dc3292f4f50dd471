using System.Runtime.CompilerServices;
using ComputeGap.Core.Lanes;
using ComputeGap.Core.Parameters;

namespace ComputeGap.Core.Model;

/// <summary>
/// The month's four passes over the regions, one region per <see cref="IRegionPass.Visit"/>: what a
/// step needs from before the pass is in the struct's fields, its running sums come back in them.
/// </summary>
public static partial class CapacityModel
{
    /// <summary>Steps 3 and 4a: usage demand U, powered capacity (and next month's trend), retained base, Σpre, Σcap over hosts.</summary>
    private struct DemandPass<TL, TM, TS> : IRegionPass
        where TL : struct, ILane<TL, TM>
        where TM : struct
        where TS : struct, ILaneStore<TL>
    {
        public TS S;
        public TL Month;
        public TL Demand;
        public TL Kept;
        public TM Burst;
        public TL PreTotal;
        public TL HostCapacity;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Visit(int r)
        {
            var s = S;
            var zero = TL.Broadcast(0f);
            var one = TL.Broadcast(1f);
            var kept = TL.Select(Burst, s[r, ModelSlots.Of(RegionState.BurstKept)], one);
            var usage = Demand * s[r, ModelSlots.Of(RegionState.UsageShareNormalised)] * kept;
            s[r, ModelSlots.Of(RegionState.Usage)] = usage;

            var stepped = TL.GreaterOrEqual(Month, s[r, ModelSlots.Of(RegionState.StepFrom)]);
            var trend = s[r, ModelSlots.Of(RegionState.CapacityTrend)];
            var capacity = trend + TL.Select(stepped, s[r, ParamSlots.Of(RegionParam.DcStep)], zero);
            s[r, ModelSlots.Of(RegionState.Capacity)] = capacity;
            s[r, ModelSlots.Of(RegionState.CapacityTrend)] = trend * s[r, ModelSlots.Of(RegionState.CapacityMonthlyFactor)];

            var baseInstalled = s[r, ModelSlots.Of(RegionState.Installed)] * Kept;
            s[r, ModelSlots.Of(RegionState.Base)] = baseInstalled;
            PreTotal += TL.Max(zero, usage - baseInstalled) * s[r, ModelSlots.Of(RegionState.NeedWeight)];
            HostCapacity += s[r, ParamSlots.Of(RegionParam.CloudHost)] * capacity;
        }
    }

    /// <summary>Steps 4b, 5a and 6a: wanted orders (with the hosts' export build-out), W, unscaled priority orders.</summary>
    private struct WantPass<TL, TM, TS> : IRegionPass
        where TL : struct, ILane<TL, TM>
        where TM : struct
        where TS : struct, ILaneStore<TL>
    {
        public TS S;
        public TL ExportPerCapacity;
        public TL InverseLag;
        public TL DomesticWanted;
        public TL PriorityTotal;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Visit(int r)
        {
            var s = S;
            var capacity = s[r, ModelSlots.Of(RegionState.Capacity)];
            var export = s[r, ParamSlots.Of(RegionParam.CloudHost)] * capacity * ExportPerCapacity;
            var target = TL.Min(s[r, ModelSlots.Of(RegionState.Usage)] + export, capacity);
            var want = TL.Max(TL.Broadcast(0f), target - s[r, ModelSlots.Of(RegionState.Base)]) * InverseLag;
            s[r, ModelSlots.Of(RegionState.Want)] = want;
            DomesticWanted += s[r, ParamSlots.Of(RegionParam.DomesticSupply)] * want;
            var p = s[r, ModelSlots.Of(RegionState.PriorityWeight)] * want;
            s[r, ModelSlots.Of(RegionState.PriorityOrder)] = p;
            PriorityTotal += p;
        }
    }

    /// <summary>Steps 5b, 6b and 7a: domestic allocation d, priority orders scaled to S, eligible orders after leakage, E and X.</summary>
    private struct FillPass<TL, TM, TS> : IRegionPass
        where TL : struct, ILane<TL, TM>
        where TM : struct
        where TS : struct, ILaneStore<TL>
    {
        public TS S;
        public TL DomesticFill;
        public TM Over;
        public TL PriorityScale;
        public TL PriorityTotal;
        public TL Eligible;
        public TL Tier2;
        public TL Untiered;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Visit(int r)
        {
            var s = S;
            var want = s[r, ModelSlots.Of(RegionState.Want)];
            var d = s[r, ParamSlots.Of(RegionParam.DomesticSupply)] * want * DomesticFill;
            s[r, ModelSlots.Of(RegionState.DomesticAllocation)] = d;

            var unscaled = s[r, ModelSlots.Of(RegionState.PriorityOrder)];
            var p = TL.Select(Over, unscaled * PriorityScale, unscaled);
            s[r, ModelSlots.Of(RegionState.PriorityOrder)] = p;
            PriorityTotal += p;

            var e = (want - p - d) * s[r, ModelSlots.Of(RegionState.LeakageFactor)];
            s[r, ModelSlots.Of(RegionState.Eligible)] = e;
            Eligible += e;
            Tier2 += s[r, ParamSlots.Of(RegionParam.Tier2Fraction)] * e;
            Untiered += s[r, ModelSlots.Of(RegionState.Untiered)] * e;
        }
    }

    /// <summary>Steps 7b (the cap, region by region), 8 and 9: allocation a = p + k·e and installation I = base + a + d.</summary>
    private struct AllocatePass<TL, TM, TS> : IRegionPass
        where TL : struct, ILane<TL, TM>
        where TM : struct
        where TS : struct, ILaneStore<TL>
    {
        public TS S;
        public TL K;
        public TM Capped;
        public TL CapScale;
        public TL InstalledTotal;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Visit(int r)
        {
            var s = S;
            var e = s[r, ModelSlots.Of(RegionState.Eligible)];
            var fraction = s[r, ParamSlots.Of(RegionParam.Tier2Fraction)];
            e = TL.Select(Capped, (s[r, ModelSlots.Of(RegionState.Untiered)] * e) + (fraction * e * CapScale), e);
            var allocated = s[r, ModelSlots.Of(RegionState.PriorityOrder)] + (K * e);
            var installed = s[r, ModelSlots.Of(RegionState.Base)] + allocated + s[r, ModelSlots.Of(RegionState.DomesticAllocation)];
            s[r, ModelSlots.Of(RegionState.Installed)] = installed;
            InstalledTotal += installed;
        }
    }
}
