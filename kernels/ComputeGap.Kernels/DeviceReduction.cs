using ComputeGap.Core.Lanes;
using ComputeGap.Core.Model;
using ComputeGap.Core.Models;
using ComputeGap.Core.Reduction;
using ILGPU;

namespace ComputeGap.Kernels;

/// <summary>The chunk's outcome columns on the device (column c of scenario i at <c>c * Capacity + i</c>).</summary>
public struct DeviceOutcomes : IOutcomeSource
{
    public ArrayView<float> Values;
    public int Capacity;

    public readonly float Get(int column, int local) => Values[(column * Capacity) + local];
}

/// <summary>Axis positions read from the device copy of the grid; no axes when main effects are off.</summary>
public struct DeviceAxes : IAxisSource
{
    public GridView Grid;
    public int Enabled;

    public readonly int AxisCount => Enabled != 0 ? Grid.Axes : 0;

    public readonly int Count(int axis) => Grid.Counts[axis];

    public readonly long Stride(int axis) => Grid.Strides[axis];

    public readonly int Offset(int axis) => Grid.Offsets[axis];
}

/// <summary>The axis cursor's scratch in thread-local memory.</summary>
public struct LocalCursor : ICursorMemory
{
    public ArrayView<long> Memory;

    public long this[int slot]
    {
        readonly get => Memory[slot];
        set => Memory[slot] = value;
    }
}

/// <summary>One block's partial record in device memory.</summary>
public struct DevicePartial : IPartialRecord
{
    public ArrayView<double> Partials;
    public int Offset;

    public double this[int slot]
    {
        readonly get => Partials[Offset + slot];
        set => Partials[Offset + slot] = value;
    }
}

/// <summary>Sketch counts in device memory, incremented atomically (integer adds: order-free).</summary>
public struct DeviceSketch : ISketchCounts
{
    public ArrayView<long> Counts;

    public readonly void Increment(int column, int slot) =>
        Atomic.Add(ref Counts[(column * QuantileSketch.Length) + slot], 1L);
}

/// <summary>Fan charts on the device: each month's series values (every series column; not the diagnostics after them) go straight into per-(month, series value) sketches.</summary>
public struct DeviceFans : IMonthObserver<ScalarLane>
{
    public ArrayView<long> Counts;

    /// <summary>Series values per month (<see cref="SeriesLayout.Width"/>); later indices are diagnostics, not counted.</summary>
    public int Width;

    public readonly bool Enabled => true;

    public readonly void Record(int month, int index, ScalarLane value)
    {
        if (index < Width && value.Value - value.Value == 0f)
        {
            Atomic.Add(ref Counts[QuantileSketch.FanOffset(month, index, Width) + QuantileSketch.Slot(value.Value)], 1L);
        }
    }
}

/// <summary>The run's threshold tests in device memory.</summary>
public struct DeviceThresholds : IThresholdSource
{
    public ArrayView<ThresholdTest> Tests;

    public readonly int Count => (int)Tests.Length;

    public readonly ThresholdTest Get(int j) => Tests[j];
}
