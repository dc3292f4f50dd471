using ComputeGap.Core.Lanes;
using ComputeGap.Core.Model;
using ComputeGap.Core.Models;

namespace ComputeGap.Core.Market;

/// <summary>Model v2 (docs/model-v2.md), <see cref="MarketModel"/>, behind the model seam.</summary>
public readonly struct ModelV2 : IModel
{
    /// <summary>The descriptor of model v2.</summary>
    public static ModelDescriptor Descriptor { get; } = new ModelDescriptor<ModelV2>(MarketOutcomes.Infos, MarketOutcomes.Keys)
    {
        Name = "v2",
        Version = "2",
        Title = "model v2: a market that clears, with scarce chips, budgets, prices, power and export rules",
        Globals = MarketCatalog.Globals,
        Regionals = MarketCatalog.Regionals,
        ParamSlotCount = MarketSlots.ParamCount,
        SlotCount = MarketSlots.Count,
        DerivedSlots = MarketModel.DerivedSlots(),
        SeriesColumns = MarketSeries.Columns,
        BaselineFile = "baseline-v2.json",
        ExclusiveFlags = [("domestic_supply", "cn_export_target")],
    };

    public static int SlotCount => MarketSlots.Count;

    public static int ParamSlotCount => MarketSlots.ParamCount;

    public static int OutcomeCount(int regions) => MarketOutcomes.Count(regions);

    public static int OutcomeSlot(int column, int regions) => MarketOutcomes.Slot(column, regions);

    public static void Run<TL, TM, TS, TO>(TS s, in ModelShape shape, ref TO series)
        where TL : struct, ILane<TL, TM>
        where TM : struct
        where TS : struct, ILaneStore<TL>
        where TO : struct, IMonthObserver<TL> =>
        MarketModel.Run<TL, TM, TS, TO>(s, shape, ref series);
}
