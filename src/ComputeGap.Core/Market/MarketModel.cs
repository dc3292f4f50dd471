using System.Runtime.CompilerServices;
using ComputeGap.Core.Lanes;
using ComputeGap.Core.Model;
using ComputeGap.Core.Models;

namespace ComputeGap.Core.Market;

/// <summary>
/// Model v2 (docs/model-v2.md): the one implementation of its equations. The ILGPU kernels
/// instantiate it with <see cref="ScalarLane"/>, the CPU path with <see cref="VectorLane"/>. Each
/// month is a fixed sequence of lane operations, three passes over the regions and no data-dependent
/// loop: rationing and the sticky price are selects, not searches.
/// </summary>
public static partial class MarketModel
{
    /// <summary>Runs one scenario per lane whose parameters are in the store; leaves its outcomes in the outcome slots.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Run<TL, TM, TS, TO>(TS s, in ModelShape shape, ref TO series)
        where TL : struct, ILane<TL, TM>
        where TM : struct
        where TS : struct, ILaneStore<TL>
        where TO : struct, IMonthObserver<TL>
    {
        var regions = shape.Regions;
        if (!TS.HasDerivedSlots)
        {
            Derive<TL, TM, TS>(s, regions);
        }

        var m = Initialise<TL, TM, TS>(s, regions);
        var zero = TL.Broadcast(0f);
        var one = TL.Broadcast(1f);
        var halving = s[MarketSlots.Of(MarketDerived.Halving)];
        var floorFactor = s[MarketSlots.Of(MarketDerived.FloorFactor)];
        var efficiencyFactor = s[MarketSlots.Of(MarketDerived.EfficiencyFactor)];
        var altFactor = s[MarketSlots.Of(MarketDerived.AltFactor)];
        var fabRate = s[MarketSlots.Of(MarketDerived.FabRate)];
        var waferRate = s[MarketSlots.Of(MarketDerived.WaferRate)];
        var hbmRate = s[MarketSlots.Of(MarketDerived.HbmRate)];
        var demandRate = s[MarketSlots.Of(MarketDerived.DemandRate)];
        var asmlFrom = Never<TL, TM>(s[MarketSlots.Of(MarketGlobal.AsmlControlsMonth)]);
        var controls = s[MarketSlots.Of(MarketGlobal.AsmlControls)];
        var fabSlowed = one - (s[MarketSlots.Of(MarketGlobal.AsmlFabElasticity)] * controls);
        var cnSlowed = one - (s[MarketSlots.Of(MarketGlobal.AsmlCnElasticity)] * controls);
        for (var t = 0; t < shape.Months; t++)
        {
            var month = TL.Broadcast(t);
            var output = RareEarths<TL, TM, TS>(s, ref m, month, out var reeRatio);
            var chips = TL.Min(m.Wafer, m.Hbm);
            var domestic = chips * s[MarketSlots.Of(MarketGlobal.DomesticH100ePerChip)];
            m.Price = m.Floor * m.Markup;
            m.PriceSum += m.Price;

            var orders = Orders<TL, TM, TS>(s, m, month, reeRatio, t == shape.Months - 1, regions);
            var exportShare = s[MarketSlots.Of(MarketGlobal.CnExportShare)];
            var home = (one - exportShare) * domestic;
            var exported = exportShare * domestic;
            var fillHome = TL.Select(TL.Greater(orders.DomesticWanted, zero), TL.Min(one, home / orders.DomesticWanted), zero);
            var fillExport = TL.Select(TL.Greater(orders.ExportWanted, zero), TL.Min(one, exported / orders.ExportWanted), zero);
            var eligible = Eligible<TL, TM, TS>(s, month, fillHome, fillExport, series.Enabled, regions);
            var ration = Ration<TL, TM>(output, eligible);
            var installed = Install<TL, TM, TS>(s, ref m, ration, eligible.Smuggled, series.Enabled, regions);

            // Step 7's accumulators, without cancellation: S − Σa is max(0, S − E), and the domestic
            // output no region took is max(0, (1 − x)D − W_d) + max(0, xD − W_x).
            m.Unsold += TL.Max(zero, output - eligible.Total) + TL.Max(zero, home - orders.DomesticWanted) + TL.Max(zero, exported - orders.ExportWanted);
            m.Rationed += TL.Max(zero, eligible.Total - output);
            m.Markup = NextMarkup<TL, TM, TS>(s, m.Markup, eligible.Total, output);
            m.Rent = orders.Rent;

            Shares<TL, TM, TS, TO>(s, ref m, ref series, shape, t, month, installed);
            if (series.Enabled)
            {
                Diagnostics<TL, TM, TS, TO>(s, m, ref series, t, regions, new MonthFlows<TL>
                {
                    Output = output, Sold = TL.Min(output, eligible.Total), Eligible = eligible.Total,
                    Chips = chips, Domestic = domestic, ReeRatio = reeRatio, Rent = orders.Rent, K = ration.K,
                });
            }

            // Every halving rate is its t = 0 value times the common decay δ.
            var asml = TL.GreaterOrEqual(month, asmlFrom);
            m.Capacity *= one + (fabRate * m.Decay * TL.Select(asml, fabSlowed, one));
            m.Wafer *= one + (waferRate * m.Decay * TL.Select(asml, cnSlowed, one));
            m.Hbm *= one + (hbmRate * m.Decay);
            m.Demand *= one + (demandRate * m.Decay);
            m.Decay *= halving;
            m.Floor *= floorFactor;
            m.Efficiency *= efficiencyFactor;
            m.AltTrend *= altFactor;
        }

        Finish<TL, TM, TS>(s, m, shape);
    }

    /// <summary>A month parameter as a starting month: −1 (or any negative) becomes +∞, so one comparison decides.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TL Never<TL, TM>(TL month)
        where TL : struct, ILane<TL, TM>
        where TM : struct =>
        TL.Select(TL.Less(month, TL.Broadcast(0f)), TL.Broadcast(float.PositiveInfinity), month);

    /// <summary>Step 9's markup: m·(E/S)^κ with the ratio clamped to [1/16, 16], never below 1.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TL NextMarkup<TL, TM, TS>(TS s, TL markup, TL eligible, TL output)
        where TL : struct, ILane<TL, TM>
        where TM : struct
        where TS : struct, ILaneStore<TL>
    {
        var zero = TL.Broadcast(0f);
        var one = TL.Broadcast(1f);
        var ratio = TL.Select(
            TL.Greater(output, zero),
            eligible / output,
            TL.Select(TL.Greater(eligible, zero), TL.Broadcast(RatioLimit), one));
        ratio = TL.Min(TL.Broadcast(RatioLimit), TL.Max(TL.Broadcast(1f / RatioLimit), ratio));
        var step = TL.Exp(s[MarketSlots.Of(MarketGlobal.PriceAdjustment)] * TL.Log(ratio));
        return TL.Max(one, markup * step);
    }

    /// <summary>The order/output ratio a month's markup step takes is clamped to [1/16, 16].</summary>
    private const float RatioLimit = 16f;

    /// <summary>
    /// The month's steps are compiled each on its own, not inlined into <see cref="Run"/>: a v2 month
    /// inlined whole exceeds the JIT's inlining budget, which then leaves lane operators as calls
    /// (measured: 0.14 M scenarios/s against 1.9 M/s with the steps apart, on the bench's 2 cores).
    /// Five calls a month cost nothing next to the region passes inside them.
    /// </summary>
    private const MethodImplOptions StepOptions = MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization;
}
