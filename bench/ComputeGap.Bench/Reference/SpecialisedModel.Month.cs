using System.Numerics;
using System.Runtime.CompilerServices;
using ComputeGap.Core.Model;
using static System.Numerics.Vector;

namespace ComputeGap.Bench.Reference;

/// <summary>
/// Model v1 (MODEL.md, "One month") written out by hand for the baseline's five regions: every
/// per-region quantity is a local, role flags are folded away (US hosts, has priority and is
/// bubble-exposed; CN is embargoed and gets the domestic output; EU, ALLY and ROW carry tier-2
/// fractions), and every equation is still evaluated for every lane, every month — no step is
/// skipped because a fixed parameter happens to switch it off. The float32 operations follow the
/// production model's order (running-product growth, cancellation-free slack), so results agree
/// to rounding; the one deliberate difference is a multiplication by 1/τ instead of a division.
/// </summary>
internal sealed partial class SpecialisedModel
{
    /// <summary>Runs <paramref name="months"/> months for one group of lanes; writes the outcome columns (production order) into <paramref name="outcomes"/>.</summary>
    /// <remarks>
    /// Compiled fully optimised on first call: as a limit it should not be timed in tier-0 code, and
    /// its loop runs only 72 times a call, too few for on-stack replacement to kick in early.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static void Run(in FixedParams f, in SweptLanes x, int months, Span<Vector<float>> outcomes)
    {
        var zero = Vector<float>.Zero;
        var one = Vector<float>.One;
        var nearlyOne = new Vector<float>(1f - 1e-6f);

        Vector<float> installedUs = f.InstalledUs, installedCn = f.InstalledCn, installedEu = f.InstalledEu, installedAlly = f.InstalledAlly, installedRow = f.InstalledRow;
        Vector<float> trendUs = f.CapacityUs, trendCn = f.CapacityCn, trendEu = f.CapacityEu, trendAlly = f.CapacityAlly, trendRow = f.CapacityRow;
        Vector<float> usageUs = zero, usageCn = zero, usageEu = zero, usageAlly = zero, usageRow = zero;
        var supply = f.Supply0;
        var domestic = f.DomesticSupply0;
        var demand = f.Demand0;
        var altTrend = one;
        var stock = x.StockMonths;
        var lost = zero;
        var slack = zero;
        var focusShareMin = new Vector<float>(float.PositiveInfinity);
        var focusTargetMonth = new Vector<float>(-1f);
        var depletionMonth = new Vector<float>(-1f);
        var month = zero;

        for (var t = 0; t < months; t++)
        {
            // 1. Rare earths; 2. supply.
            var on = GreaterThanOrEqual(month, f.ControlsStart) & LessThan(month, f.ControlsEnd);
            var available = stock + (f.CnShare * ConditionalSelect(on, x.Quota, one)) + (f.AltShare * altTrend);
            var ratio = Min(one, available);
            stock = Min(x.StockMonths, available - ratio);
            var criticality = ConditionalSelect(GreaterThanOrEqual(month, f.Escalation), f.CriticalityEscalated, f.Criticality);
            var factor = one - (criticality * (one - ratio));
            depletionMonth = ConditionalSelect(LessThan(ratio, nearlyOne) & LessThan(depletionMonth, zero), month, depletionMonth);
            lost += supply * (one - factor);
            var usable = supply * factor;

            // 3. Demand (only the US is bubble-exposed) and capacity.
            var bubbleKept = ConditionalSelect(GreaterThanOrEqual(month, f.BubbleMonth), f.BubbleKept, one);
            usageUs = demand * f.ShareUs * bubbleKept;
            usageCn = demand * f.ShareCn;
            usageEu = demand * f.ShareEu;
            usageAlly = demand * f.ShareAlly;
            usageRow = demand * f.ShareRow;
            var capacityUs = trendUs + ConditionalSelect(GreaterThanOrEqual(month, f.StepMonthUs), f.StepUs, zero);
            var capacityCn = trendCn + ConditionalSelect(GreaterThanOrEqual(month, f.StepMonthCn), f.StepCn, zero);
            var capacityEu = trendEu + ConditionalSelect(GreaterThanOrEqual(month, f.StepMonthEu), f.StepEu, zero);
            var capacityAlly = trendAlly + ConditionalSelect(GreaterThanOrEqual(month, f.StepMonthAlly), f.StepAlly, zero);
            var capacityRow = trendRow + ConditionalSelect(GreaterThanOrEqual(month, f.StepMonthRow), f.StepRow, zero);

            // 4. Orders: the US is the only cloud host and builds for the others' unmet demand.
            var baseUs = installedUs * f.Keep;
            var baseCn = installedCn * f.Keep;
            var baseEu = installedEu * f.Keep;
            var baseAlly = installedAlly * f.Keep;
            var baseRow = installedRow * f.Keep;
            var preTotal = (Max(zero, usageCn - baseCn) * f.CloudAccess) + Max(zero, usageEu - baseEu) + Max(zero, usageAlly - baseAlly) + Max(zero, usageRow - baseRow);
            var exportPerCapacity = ConditionalSelect(GreaterThan(capacityUs, zero), f.CloudExportShare * preTotal / capacityUs, zero);
            var wantUs = Max(zero, Min(usageUs + (capacityUs * exportPerCapacity), capacityUs) - baseUs) * f.InverseLag;
            var wantCn = Max(zero, Min(usageCn, capacityCn) - baseCn) * f.InverseLag;
            var wantEu = Max(zero, Min(usageEu, capacityEu) - baseEu) * f.InverseLag;
            var wantAlly = Max(zero, Min(usageAlly, capacityAlly) - baseAlly) * f.InverseLag;
            var wantRow = Max(zero, Min(usageRow, capacityRow) - baseRow) * f.InverseLag;

            // 5. Domestic output goes to CN alone.
            var domesticCn = wantCn * ConditionalSelect(GreaterThan(wantCn, zero), Min(one, domestic / wantCn), zero);

            // 6. Priority: the US alone, scaled down to S.
            var priorityUs = f.UsPriority * wantUs;
            priorityUs = ConditionalSelect(GreaterThan(priorityUs, usable), priorityUs * (usable / priorityUs), priorityUs);

            // 7. Eligible orders: CN through leakage; tier-2 caps on EU, ALLY and ROW.
            var eligibleUs = wantUs - priorityUs;
            var eligibleCn = (wantCn - domesticCn) * x.Leakage;
            var eligibleEu = wantEu;
            var eligibleAlly = wantAlly;
            var eligibleRow = wantRow;
            var tier2Total = (f.Tier2Eu * eligibleEu) + (f.Tier2Ally * eligibleAlly) + (f.Tier2Row * eligibleRow);
            var capped = GreaterThan(f.DiffusionOn, zero) & GreaterThan(tier2Total, f.Tier2Cap);
            var capScale = f.Tier2Cap / tier2Total;
            eligibleEu = ConditionalSelect(capped, ((one - f.Tier2Eu) * eligibleEu) + (f.Tier2Eu * eligibleEu * capScale), eligibleEu);
            eligibleAlly = ConditionalSelect(capped, ((one - f.Tier2Ally) * eligibleAlly) + (f.Tier2Ally * eligibleAlly * capScale), eligibleAlly);
            eligibleRow = ConditionalSelect(capped, ((one - f.Tier2Row) * eligibleRow) + (f.Tier2Row * eligibleRow * capScale), eligibleRow);
            var eligibleTotal = eligibleUs + eligibleCn + eligibleEu + eligibleAlly + eligibleRow;

            // 8. Allocation and slack (cancellation-free, as in production); 9. install.
            var left = Max(zero, usable - priorityUs);
            var k = ConditionalSelect(GreaterThan(eligibleTotal, left), left / eligibleTotal, one);
            k = ConditionalSelect(GreaterThan(eligibleTotal, zero) | LessThan(eligibleTotal, zero), k, zero);
            slack += Max(zero, left - eligibleTotal) + Max(zero, domestic - wantCn);
            installedUs = baseUs + (priorityUs + (k * eligibleUs));
            installedCn = baseCn + (k * eligibleCn) + domesticCn;
            installedEu = baseEu + (k * eligibleEu);
            installedAlly = baseAlly + (k * eligibleAlly);
            installedRow = baseRow + (k * eligibleRow);

            // 10. Focus share.
            var focusShare = installedEu / (installedUs + installedCn + installedEu + installedAlly + installedRow);
            focusShareMin = Min(focusShareMin, focusShare);
            focusTargetMonth = ConditionalSelect(GreaterThanOrEqual(focusShare, f.FocusTarget) & LessThan(focusTargetMonth, zero), month, focusTargetMonth);

            supply *= x.SupplyFactor;
            domestic *= f.DomesticFactor;
            demand *= f.DemandFactor;
            altTrend *= f.AltFactor;
            trendUs *= f.FactorUs;
            trendCn *= f.FactorCn;
            trendEu *= x.EuCapacityFactor;
            trendAlly *= f.FactorAlly;
            trendRow *= f.FactorRow;
            month += one;
        }

        // Step 10's cloud service after the last month, and the outcomes.
        var total = installedUs + installedCn + installedEu + installedAlly + installedRow;
        var hostSpare = Max(zero, installedUs - usageUs);
        var needTotal = (Max(zero, usageCn - installedCn) * f.CloudAccess) + Max(zero, usageEu - installedEu) + Max(zero, usageAlly - installedAlly) + Max(zero, usageRow - installedRow);
        var served = ConditionalSelect(GreaterThan(needTotal, zero), Min(one, hostSpare / needTotal), zero);

        outcomes[Regions.Us] = installedUs / total;
        outcomes[Regions.Cn] = installedCn / total;
        outcomes[Regions.Eu] = installedEu / total;
        outcomes[Regions.Ally] = installedAlly / total;
        outcomes[Regions.Row] = installedRow / total;
        var o = outcomes[Regions.Count..];
        o[(int)ScalarOutcome.FocusShareMin] = focusShareMin;
        o[(int)ScalarOutcome.FocusCoverage] = installedEu / usageEu;
        o[(int)ScalarOutcome.FocusCloudDependency] = Max(zero, usageEu - installedEu) * served / usageEu;
        o[(int)ScalarOutcome.FocusTargetMonth] = focusTargetMonth;
        o[(int)ScalarOutcome.ReeDepletionMonth] = depletionMonth;
        o[(int)ScalarOutcome.ReeLostH100e] = lost;
        o[(int)ScalarOutcome.GlobalInstalled] = total;
        o[(int)ScalarOutcome.RivalRatio] = ConditionalSelect(GreaterThan(installedCn, zero), installedUs / installedCn, new Vector<float>(float.PositiveInfinity));
        o[(int)ScalarOutcome.SupplySlack] = slack;
    }
}
