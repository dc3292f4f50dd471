using System.Numerics;
using ComputeGap.Core.Model;
using ComputeGap.Core.Parameters;
using ComputeGap.Engine.Running;

namespace ComputeGap.Bench.Reference;

/// <summary>The parameters the default sweep varies; everything else is fixed for a whole sweep.</summary>
internal enum SweptParam
{
    ReeExportQuota,
    ReeStockMonths,
    /// <summary>Held as the monthly factor <c>(1 + supply_growth)^(1/12)</c>.</summary>
    SupplyGrowth,
    /// <summary>Held as the monthly factor <c>(1 + dc_growth[EU])^(1/12)</c>.</summary>
    DcGrowthEu,
    /// <summary>Held as CN's leakage factor <c>1 + (λ − 1)</c>.</summary>
    Leakage,
}

/// <summary>One group's swept parameters, one scenario per lane.</summary>
internal readonly struct SweptLanes(Vector<float> quota, Vector<float> stockMonths, Vector<float> supplyFactor, Vector<float> euCapacityFactor, Vector<float> leakage)
{
    public readonly Vector<float> Quota = quota;
    public readonly Vector<float> StockMonths = stockMonths;
    public readonly Vector<float> SupplyFactor = supplyFactor;
    public readonly Vector<float> EuCapacityFactor = euCapacityFactor;
    public readonly Vector<float> Leakage = leakage;
}

/// <summary>
/// Every parameter the default sweep does not vary, broadcast once per sweep, with what depends
/// only on them (monthly growth factors, retirement, normalised usage shares) precomputed in the
/// same float32 operations the production model uses. "Never" months (−1) become +∞, so one
/// comparison per month decides them.
/// </summary>
internal readonly struct FixedParams
{
    public readonly Vector<float> Supply0, DomesticSupply0, Demand0, DomesticFactor, DemandFactor, AltFactor;
    public readonly Vector<float> Keep, InverseLag, UsPriority, DiffusionOn, Tier2Cap, CloudAccess, CloudExportShare;
    public readonly Vector<float> CnShare, AltShare, ControlsStart, ControlsEnd, Criticality, CriticalityEscalated, Escalation;
    public readonly Vector<float> BubbleMonth, BubbleKept, FocusTarget;
    public readonly Vector<float> InstalledUs, InstalledCn, InstalledEu, InstalledAlly, InstalledRow;
    public readonly Vector<float> ShareUs, ShareCn, ShareEu, ShareAlly, ShareRow;
    public readonly Vector<float> CapacityUs, CapacityCn, CapacityEu, CapacityAlly, CapacityRow;
    public readonly Vector<float> FactorUs, FactorCn, FactorAlly, FactorRow;
    public readonly Vector<float> StepUs, StepCn, StepEu, StepAlly, StepRow;
    public readonly Vector<float> StepMonthUs, StepMonthCn, StepMonthEu, StepMonthAlly, StepMonthRow;
    public readonly Vector<float> Tier2Eu, Tier2Ally, Tier2Row;

    // The plain scalar values stay available for the swept parameters' defaults.
    public readonly float ExportQuota, StockMonths, SupplyFactor, FactorEu, Leakage;

    public FixedParams(float[] slots)
    {
        float G(GlobalParam p) => slots[ParamSlots.Of(p)];
        float R(RegionParam p, int r) => slots[ParamSlots.Of(p, r)];
        static Vector<float> V(float value) => new(value);
        static float Monthly(float growth) => MathF.Pow(1f + growth, 1f / 12f);
        static float Never(float month) => month < 0f ? float.PositiveInfinity : month;

        Supply0 = V(G(GlobalParam.Supply0));
        DomesticSupply0 = V(G(GlobalParam.DomesticSupply0));
        Demand0 = V(G(GlobalParam.Demand0));
        DomesticFactor = V(Monthly(G(GlobalParam.DomesticSupplyGrowth)));
        DemandFactor = V(Monthly(G(GlobalParam.DemandGrowth)));
        AltFactor = V(Monthly(G(GlobalParam.ReeAltGrowth)));
        Keep = V(1f - (1f / (12f * G(GlobalParam.ChipLifeYears))));
        InverseLag = V(1f / G(GlobalParam.OrderLagMonths));
        UsPriority = V(G(GlobalParam.UsPriority));
        DiffusionOn = V(G(GlobalParam.DiffusionRule) > 0.5f ? 1f : 0f);
        Tier2Cap = V(G(GlobalParam.Tier2Cap));
        // Production scales an embargoed region by 1 + embargoed·(λc − 1); the same float32 steps here.
        CloudAccess = V(1f + (G(GlobalParam.CloudAccessEmbargoed) - 1f));
        CloudExportShare = V(G(GlobalParam.CloudExportShare));
        CnShare = V(G(GlobalParam.ReeCnShare));
        AltShare = V(1f - G(GlobalParam.ReeCnShare));
        ControlsStart = V(G(GlobalParam.ReeControlsStart));
        ControlsEnd = V(Never(G(GlobalParam.ReeControlsEnd)));
        Criticality = V(G(GlobalParam.ReeCriticality));
        CriticalityEscalated = V(G(GlobalParam.ReeCriticalityEscalated));
        Escalation = V(Never(G(GlobalParam.ReeEscalationMonth)));
        BubbleMonth = V(Never(G(GlobalParam.BubbleMonth)));
        BubbleKept = V(1f + ((1f - G(GlobalParam.BubbleCut)) - 1f));
        FocusTarget = V(G(GlobalParam.FocusTargetShare));

        var usageTotal = 0f;
        for (var r = 0; r < Regions.Count; r++)
        {
            usageTotal += R(RegionParam.UsageShare, r);
        }

        (InstalledUs, InstalledCn, InstalledEu, InstalledAlly, InstalledRow) = PerRegion(r => R(RegionParam.Installed0, r));
        (ShareUs, ShareCn, ShareEu, ShareAlly, ShareRow) = PerRegion(r => R(RegionParam.UsageShare, r) / usageTotal);
        (CapacityUs, CapacityCn, CapacityEu, CapacityAlly, CapacityRow) = PerRegion(r => R(RegionParam.DcCapacity0, r));
        (FactorUs, FactorCn, var factorEu, FactorAlly, FactorRow) = PerRegion(r => Monthly(R(RegionParam.DcGrowth, r)));
        (StepUs, StepCn, StepEu, StepAlly, StepRow) = PerRegion(r => R(RegionParam.DcStep, r));
        (StepMonthUs, StepMonthCn, StepMonthEu, StepMonthAlly, StepMonthRow) = PerRegion(r => Never(R(RegionParam.DcStepMonth, r)));
        Tier2Eu = V(R(RegionParam.Tier2Fraction, Regions.Eu));
        Tier2Ally = V(R(RegionParam.Tier2Fraction, Regions.Ally));
        Tier2Row = V(R(RegionParam.Tier2Fraction, Regions.Row));

        ExportQuota = Derived(SweptParam.ReeExportQuota, G(GlobalParam.ReeExportQuota));
        StockMonths = Derived(SweptParam.ReeStockMonths, G(GlobalParam.ReeStockMonths));
        SupplyFactor = Derived(SweptParam.SupplyGrowth, G(GlobalParam.SupplyGrowth));
        FactorEu = factorEu[0];
        Leakage = Derived(SweptParam.Leakage, G(GlobalParam.Leakage));
    }

    /// <summary>The value of <paramref name="param"/> a lane holds, as the month loop reads it: growth
    /// rates as monthly factors, leakage as production's embargo factor 1 + (λ − 1).</summary>
    public static float Derived(SweptParam param, float value) => param switch
    {
        SweptParam.SupplyGrowth or SweptParam.DcGrowthEu => MathF.Pow(1f + value, 1f / 12f),
        SweptParam.Leakage => 1f + (value - 1f),
        _ => value,
    };

    private static (Vector<float>, Vector<float>, Vector<float>, Vector<float>, Vector<float>) PerRegion(Func<int, float> value) =>
        (new(value(Regions.Us)), new(value(Regions.Cn)), new(value(Regions.Eu)), new(value(Regions.Ally)), new(value(Regions.Row)));
}

/// <summary>The baseline's regions and the role flags the reference hard-codes.</summary>
internal static class Regions
{
    public const int Us = 0, Cn = 1, Eu = 2, Ally = 3, Row = 4, Count = 5;

    /// <summary>Throws unless <paramref name="plan"/> has exactly the structure the reference is written for.</summary>
    public static void Require(SweepPlan plan)
    {
        var shape = plan.Shape;
        Check(shape.Regions == Count, $"{Count} regions, not {shape.Regions}");
        Check(shape.Focus == Eu && shape.RivalA == Us && shape.RivalB == Cn, "focus EU and rivals US, CN");

        // Role flags: (region, flag) pairs that are 1; every other flag of the five regions must be 0.
        (int Region, RegionParam Flag)[] set =
        [
            (Us, RegionParam.CloudHost), (Us, RegionParam.Priority), (Us, RegionParam.BubbleExposed),
            (Cn, RegionParam.Embargoed), (Cn, RegionParam.DomesticSupply),
        ];
        RegionParam[] flags = [RegionParam.CloudHost, RegionParam.Priority, RegionParam.BubbleExposed, RegionParam.Embargoed, RegionParam.DomesticSupply];
        foreach (var flag in flags)
        {
            for (var r = 0; r < Count; r++)
            {
                var expected = set.Contains((r, flag)) ? 1f : 0f;
                Check(plan.FixedSlots[ParamSlots.Of(flag, r)] == expected, $"{flag}[{r}] = {expected}");
            }
        }

        Check(plan.FixedSlots[ParamSlots.Of(RegionParam.Tier2Fraction, Us)] == 0f
            && plan.FixedSlots[ParamSlots.Of(RegionParam.Tier2Fraction, Cn)] == 0f, "no tier-2 share for US and CN");
    }

    /// <summary>Which swept parameter axis slot <paramref name="slot"/> is, or throws.</summary>
    public static SweptParam Swept(int slot) => slot switch
    {
        _ when slot == ParamSlots.Of(GlobalParam.ReeExportQuota) => SweptParam.ReeExportQuota,
        _ when slot == ParamSlots.Of(GlobalParam.ReeStockMonths) => SweptParam.ReeStockMonths,
        _ when slot == ParamSlots.Of(GlobalParam.SupplyGrowth) => SweptParam.SupplyGrowth,
        _ when slot == ParamSlots.Of(RegionParam.DcGrowth, Eu) => SweptParam.DcGrowthEu,
        _ when slot == ParamSlots.Of(GlobalParam.Leakage) => SweptParam.Leakage,
        _ => throw new NotSupportedException($"The specialised reference sweeps only the default sweep's parameters, not slot {slot}."),
    };

    private static void Check(bool ok, string what)
    {
        if (!ok)
        {
            throw new NotSupportedException($"The specialised reference is written for the baseline's structure: {what}.");
        }
    }
}
