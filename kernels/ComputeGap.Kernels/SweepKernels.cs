using ComputeGap.Core.Lanes;
using ComputeGap.Core.Model;
using ComputeGap.Core.Parameters;
using ILGPU;

namespace ComputeGap.Kernels;

/// <summary>
/// The sweep kernels: one thread per scenario. Each thread decodes its scenario index into
/// parameters, runs <see cref="CapacityModel"/> (the same code the CPU path runs) and writes its
/// outcome columns. Indices are 32-bit inside a chunk; the chunk's first scenario is a 64-bit base.
/// </summary>
public static class SweepKernels
{
    /// <summary>Row output: outcome column <c>c</c> of scenario <c>i</c> goes to <c>outcomes[c * capacity + i]</c>.</summary>
    public static void Rows(
        Index1D index,
        ArrayView<float> fixedSlots,
        GridView grid,
        ModelShape shape,
        long first,
        ArrayView<float> outcomes,
        int capacity)
    {
        var store = Load(index, fixedSlots, grid, first);
        var series = default(NoSeries<ScalarLane>);
        CapacityModel.Run<ScalarLane, bool, LocalStore, NoSeries<ScalarLane>>(store, shape, ref series);
        Store(index, store, shape, outcomes, capacity);
    }

    /// <summary>Row output plus every month's shares in <paramref name="seriesOut"/> ([scenario][month][region]).</summary>
    public static void RowsWithSeries(
        Index1D index,
        ArrayView<float> fixedSlots,
        GridView grid,
        ModelShape shape,
        long first,
        ArrayView<float> outcomes,
        int capacity,
        ArrayView<float> seriesOut)
    {
        var store = Load(index, fixedSlots, grid, first);
        var series = new DeviceSeries { Output = seriesOut, Scenario = index, Months = shape.Months, Regions = shape.Regions };
        CapacityModel.Run<ScalarLane, bool, LocalStore, DeviceSeries>(store, shape, ref series);
        Store(index, store, shape, outcomes, capacity);
    }

    /// <summary>Row outcomes plus each month's shares counted into fan sketches (aggregate mode with a series).</summary>
    public static void RowsWithFans(
        Index1D index,
        ArrayView<float> fixedSlots,
        GridView grid,
        ModelShape shape,
        long first,
        ArrayView<float> outcomes,
        int capacity,
        ArrayView<long> fans)
    {
        var store = Load(index, fixedSlots, grid, first);
        var series = new DeviceFans { Counts = fans, Regions = shape.Regions };
        CapacityModel.Run<ScalarLane, bool, LocalStore, DeviceFans>(store, shape, ref series);
        Store(index, store, shape, outcomes, capacity);
    }

    private static LocalStore Load(Index1D index, ArrayView<float> fixedSlots, GridView grid, long first)
    {
        var store = new LocalStore { Memory = LocalMemory.Allocate<float>(ModelSlots.Count) };
        for (var slot = 0; slot < ParamSlots.Count; slot++)
        {
            store.Memory[slot] = fixedSlots[slot];
        }

        var scenario = first + index;
        for (var a = 0; a < grid.AxisCount; a++)
        {
            var position = GridPosition.Of(scenario, grid.Strides[a], grid.Counts[a]);
            store.Memory[grid.Slots[a]] = grid.Values[grid.Offsets[a] + position];
        }

        return store;
    }

    private static void Store(Index1D index, LocalStore store, ModelShape shape, ArrayView<float> outcomes, int capacity)
    {
        var columns = OutcomeColumns.Count(shape.Regions);
        for (var c = 0; c < columns; c++)
        {
            outcomes[(c * capacity) + index] = store.Memory[OutcomeColumns.Slot(c, shape.Regions)];
        }
    }
}
