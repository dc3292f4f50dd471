using ComputeGap.Core.Lanes;
using ComputeGap.Core.Model;
using ComputeGap.Core.Parameters;

namespace ComputeGap.Core.Models;

/// <summary>Model v1 (docs/model.md), <see cref="CapacityModel"/>, behind the model seam.</summary>
public readonly struct ModelV1 : IModel
{
    /// <summary>The descriptor of model v1.</summary>
    public static ModelDescriptor Descriptor { get; } = new ModelDescriptor<ModelV1>(OutcomeColumns.Infos, OutcomeColumns.Keys)
    {
        Name = "v1",
        Version = ModelLimits.ModelVersion,
        Title = "model v1: regional capacity against usage demand, supply never priced",
        Globals = ParamCatalog.Globals,
        Regionals = ParamCatalog.Regionals,
        ParamSlotCount = ParamSlots.Count,
        SlotCount = ModelSlots.Count,
        DerivedSlots = [.. GrowthFactors.Pairs().Select(p => new DerivedSlot(p.Param, p.Factor, Transform.MonthlyFactor))],
        SeriesColumns = [new SeriesColumn("share", OutcomeKind.Fraction, PerRegion: true)],
        BaselineFile = "baseline.json",
    };

    public static int SlotCount => ModelSlots.Count;

    public static int ParamSlotCount => ParamSlots.Count;

    public static int OutcomeCount(int regions) => OutcomeColumns.Count(regions);

    public static int OutcomeSlot(int column, int regions) => OutcomeColumns.Slot(column, regions);

    public static void Run<TL, TM, TS, TO>(TS s, in ModelShape shape, ref TO series)
        where TL : struct, ILane<TL, TM>
        where TM : struct
        where TS : struct, ILaneStore<TL>
        where TO : struct, IMonthObserver<TL> =>
        CapacityModel.Run<TL, TM, TS, TO>(s, shape, ref series);
}
