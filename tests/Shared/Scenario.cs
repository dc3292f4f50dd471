using ComputeGap.Core.Parameters;

namespace ComputeGap.Tests.Shared;

/// <summary>Builds a parameter slot array by name, for tests.</summary>
public sealed class Scenario
{
    public double[] Slots { get; } = new double[ParamSlots.Count];

    public Scenario Set(GlobalParam p, double value)
    {
        Slots[ParamSlots.Of(p)] = value;
        return this;
    }

    public Scenario Set(RegionParam p, params double[] perRegion)
    {
        for (var r = 0; r < perRegion.Length; r++)
        {
            Slots[ParamSlots.Of(p, r)] = perRegion[r];
        }

        return this;
    }

    public Scenario Clone()
    {
        var copy = new Scenario();
        Slots.CopyTo(copy.Slots, 0);
        return copy;
    }

    /// <summary>
    /// Makes every priority region a plain tier-1 region: not domestic-supplied, not embargoed, no
    /// tier-2 orders. MODEL.md v1 lets the roles overlap, and then the within-month invariants fail
    /// as written: priority plus domestic fill can exceed the order (negative eligible orders lower
    /// E and raise everyone else's fill); priority ignores an embargo; and a priority region's
    /// tier-2 orders, once filled first, free the tier-2 cap for others (see the issue note).
    /// </summary>
    public Scenario WithPriorityRegionsAsTier1()
    {
        for (var r = 0; r < ComputeGap.Core.ModelLimits.MaxRegions; r++)
        {
            if (Slots[ParamSlots.Of(RegionParam.Priority, r)] > 0.5)
            {
                Slots[ParamSlots.Of(RegionParam.DomesticSupply, r)] = 0;
                Slots[ParamSlots.Of(RegionParam.Embargoed, r)] = 0;
                Slots[ParamSlots.Of(RegionParam.Tier2Fraction, r)] = 0;
            }
        }

        return this;
    }

    /// <summary>A random valid scenario for <paramref name="regions"/> regions, drawn from wide but sensible ranges.</summary>
    public static Scenario Random(Random rng, int regions)
    {
        double U(double lo, double hi) => lo + (rng.NextDouble() * (hi - lo));
        double Flag(double p) => rng.NextDouble() < p ? 1 : 0;
        double Month() => rng.NextDouble() < 0.3 ? -1 : rng.Next(0, 80);

        var s = new Scenario()
            .Set(GlobalParam.Supply0, U(1e5, 1e6)).Set(GlobalParam.SupplyGrowth, U(-0.2, 1.5))
            .Set(GlobalParam.DomesticSupply0, U(0, 1e5)).Set(GlobalParam.DomesticSupplyGrowth, U(0, 1))
            .Set(GlobalParam.Demand0, U(2e6, 2e7)).Set(GlobalParam.DemandGrowth, U(0, 1.5))
            .Set(GlobalParam.ChipLifeYears, U(2, 8)).Set(GlobalParam.OrderLagMonths, U(1, 6))
            .Set(GlobalParam.UsPriority, U(0, 1)).Set(GlobalParam.DiffusionRule, Flag(0.5)).Set(GlobalParam.Tier2Cap, U(0, 2e5))
            .Set(GlobalParam.Leakage, U(0, 1)).Set(GlobalParam.CloudAccessEmbargoed, U(0, 1)).Set(GlobalParam.CloudExportShare, U(0, 1))
            .Set(GlobalParam.ReeCnShare, U(0.5, 1)).Set(GlobalParam.ReeExportQuota, U(0, 1))
            .Set(GlobalParam.ReeControlsStart, rng.Next(0, 12)).Set(GlobalParam.ReeControlsEnd, Month())
            .Set(GlobalParam.ReeStockMonths, U(0, 8)).Set(GlobalParam.ReeCriticality, U(0, 0.5)).Set(GlobalParam.ReeCriticalityEscalated, U(0, 1))
            .Set(GlobalParam.ReeEscalationMonth, Month()).Set(GlobalParam.ReeAltGrowth, U(0, 0.5))
            .Set(GlobalParam.BubbleMonth, Month()).Set(GlobalParam.BubbleCut, U(0, 0.9)).Set(GlobalParam.FocusTargetShare, U(0, 0.3));
        for (var r = 0; r < regions; r++)
        {
            s.Slots[ParamSlots.Of(RegionParam.Installed0, r)] = U(1e4, 5e6);
            s.Slots[ParamSlots.Of(RegionParam.UsageShare, r)] = U(0.01, 1);
            s.Slots[ParamSlots.Of(RegionParam.DcCapacity0, r)] = U(1e5, 8e6);
            s.Slots[ParamSlots.Of(RegionParam.DcGrowth, r)] = U(0, 1.2);
            s.Slots[ParamSlots.Of(RegionParam.DcStep, r)] = rng.NextDouble() < 0.5 ? 0 : U(0, 1e6);
            s.Slots[ParamSlots.Of(RegionParam.DcStepMonth, r)] = Month();
            s.Slots[ParamSlots.Of(RegionParam.Tier2Fraction, r)] = rng.NextDouble() < 0.5 ? 0 : U(0, 1);
            s.Slots[ParamSlots.Of(RegionParam.Embargoed, r)] = Flag(0.25);
            s.Slots[ParamSlots.Of(RegionParam.Priority, r)] = Flag(0.3);
            s.Slots[ParamSlots.Of(RegionParam.CloudHost, r)] = Flag(0.3);
            s.Slots[ParamSlots.Of(RegionParam.DomesticSupply, r)] = Flag(0.25);
            s.Slots[ParamSlots.Of(RegionParam.BubbleExposed, r)] = Flag(0.4);
        }

        return s;
    }
}
