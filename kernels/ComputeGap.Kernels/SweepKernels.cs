using ComputeGap.Core.Designs;
using ComputeGap.Core.Lanes;
using ComputeGap.Core.Model;
using ComputeGap.Core.Models;
using ILGPU;

namespace ComputeGap.Kernels;

/// <summary>
/// The sweep kernels, generic over the model and the design: one thread per scenario. Each thread
/// decodes its scenario index into parameters (<see cref="ScenarioDesign.Load"/>, the definition host
/// code decodes with too), runs the model (the same code the CPU path runs) and writes its outcome
/// columns. Indices are 32-bit inside a chunk; the chunk's first scenario is a 64-bit base.
/// </summary>
public static class SweepKernels
{
    /// <summary>Row output: outcome column <c>c</c> of scenario <c>i</c> goes to <c>outcomes[c * capacity + i]</c>.</summary>
    public static void Rows<TModel, TDesign>(
        Index1D index,
        ArrayView<float> fixedSlots,
        TDesign design,
        ModelShape shape,
        long first,
        ArrayView<float> outcomes,
        int capacity)
        where TModel : struct, IModel
        where TDesign : struct, IScenarioDesign
    {
        var store = Load<TModel, TDesign>(index, fixedSlots, design, first);
        var series = default(NoSeries<ScalarLane>);
        TModel.Run<ScalarLane, bool, LocalStore, NoSeries<ScalarLane>>(store, shape, ref series);
        Store<TModel>(index, store, shape, outcomes, capacity);
    }

    /// <summary>Row output plus every month's series values in <paramref name="seriesOut"/> ([scenario][month][value], <paramref name="width"/> a month).</summary>
    public static void RowsWithSeries<TModel, TDesign>(
        Index1D index,
        ArrayView<float> fixedSlots,
        TDesign design,
        ModelShape shape,
        long first,
        ArrayView<float> outcomes,
        int capacity,
        ArrayView<float> seriesOut,
        int width)
        where TModel : struct, IModel
        where TDesign : struct, IScenarioDesign
    {
        var store = Load<TModel, TDesign>(index, fixedSlots, design, first);
        var series = new DeviceSeries { Output = seriesOut, Scenario = index, Months = shape.Months, Width = width };
        TModel.Run<ScalarLane, bool, LocalStore, DeviceSeries>(store, shape, ref series);
        Store<TModel>(index, store, shape, outcomes, capacity);
    }

    /// <summary>Row outcomes plus each month's series values (<paramref name="width"/> of them) counted into fan sketches (aggregate mode with a series).</summary>
    public static void RowsWithFans<TModel, TDesign>(
        Index1D index,
        ArrayView<float> fixedSlots,
        TDesign design,
        ModelShape shape,
        long first,
        ArrayView<float> outcomes,
        int capacity,
        ArrayView<long> fans,
        int width)
        where TModel : struct, IModel
        where TDesign : struct, IScenarioDesign
    {
        var store = Load<TModel, TDesign>(index, fixedSlots, design, first);
        var series = new DeviceFans { Counts = fans, Width = width };
        TModel.Run<ScalarLane, bool, LocalStore, DeviceFans>(store, shape, ref series);
        Store<TModel>(index, store, shape, outcomes, capacity);
    }

    private static LocalStore Load<TModel, TDesign>(Index1D index, ArrayView<float> fixedSlots, TDesign design, long first)
        where TModel : struct, IModel
        where TDesign : struct, IScenarioDesign
    {
        var store = new LocalStore { Memory = LocalMemory.Allocate<float>(TModel.SlotCount) };
        for (var slot = 0; slot < TModel.ParamSlotCount; slot++)
        {
            store.Memory[slot] = fixedSlots[slot];
        }

        ScenarioDesign.Load(design, first + index, ref store);
        return store;
    }

    private static void Store<TModel>(Index1D index, LocalStore store, ModelShape shape, ArrayView<float> outcomes, int capacity)
        where TModel : struct, IModel
    {
        var columns = TModel.OutcomeCount(shape.Regions);
        for (var c = 0; c < columns; c++)
        {
            outcomes[(c * capacity) + index] = store.Memory[TModel.OutcomeSlot(c, shape.Regions)];
        }
    }
}
