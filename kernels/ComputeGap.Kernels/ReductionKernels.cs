using ComputeGap.Core.Models;
using ComputeGap.Core.Reduction;
using ILGPU;

namespace ComputeGap.Kernels;

/// <summary>
/// Aggregate mode on the device: after <see cref="SweepKernels.Rows"/> has left a chunk's outcomes in
/// device memory, one thread per (block, outcome column) runs <see cref="BlockReducer"/>, the same
/// per-value step the CPU path runs. Only the block partials and sketch counts leave the device.
/// </summary>
public static class ReductionKernels
{
    /// <summary>Reduces block <c>index.X</c> of the chunk for outcome column <c>index.Y</c>.</summary>
    public static void ReduceBlocks(
        Index2D index,
        DeviceOutcomes outcomes,
        DeviceAxes axes,
        ArrayView<double> partials,
        DeviceSketch sketch,
        PartialLayout layout,
        KeyColumns keys,
        DeviceThresholds thresholds,
        long first,
        int count)
    {
        var block = index.X;
        var column = index.Y;
        var local = block * PartialLayout.BlockSize;
        var inBlock = count - local < PartialLayout.BlockSize ? count - local : PartialLayout.BlockSize;
        var part = new DevicePartial { Partials = partials, Offset = block * layout.Length };
        var cursor = new OdometerCursor<DeviceAxes, LocalCursor>(axes, new LocalCursor { Memory = LocalMemory.Allocate<long>(2 * MainEffects.MaxAxes) });
        BlockReducer.ReduceColumn(outcomes, axes, ref cursor, ref part, ref sketch, layout, column, keys, thresholds, first + local, local, inBlock);
    }

    /// <summary>
    /// The sensitivity records of a chunk of a Saltelli or Morris design (<see cref="SensitivityUnits"/>): one
    /// thread per entry of each unit's record of each outcome column, the same scalar form the CPU's vector
    /// form reproduces, with products by <typeparamref name="TProducts"/> (<see cref="CudaProducts"/> on CUDA,
    /// <see cref="HostProducts"/> elsewhere). Only the records leave the device.
    /// </summary>
    public static void SensitivityRecords<TProducts>(Index1D index, DeviceOutcomes outcomes, ArrayView<double> records, SensitivityUnits units, long first)
        where TProducts : struct, IProducts
    {
        var entries = units.Entries;
        var perUnit = entries * units.Outcomes;
        var unit = index / perUnit;
        var rest = index - (unit * perUnit);
        var column = rest / entries;
        var entry = rest - (column * entries);
        var local = unit * units.UnitEvaluations;
        var record = new DevicePartial { Partials = records, Offset = ((unit * units.Outcomes) + column) * units.Slots };
        units.Fill(outcomes, column, local, first + local, entry, ref record, default(TProducts));
    }
}
