using ComputeGap.Engine.Running;
using ComputeGap.Kernels;
using ILGPU;
using ILGPU.Runtime;

namespace ComputeGap.Engine.Backends;

/// <summary>One sweep's buffers on a device: its fixed parameters and axes, and chunk-sized outputs.</summary>
internal sealed class DeviceSweep : IDisposable
{
    private readonly MemoryBuffer1D<int, Stride1D.Dense> _slots;
    private readonly MemoryBuffer1D<int, Stride1D.Dense> _counts;
    private readonly MemoryBuffer1D<long, Stride1D.Dense> _strides;
    private readonly MemoryBuffer1D<int, Stride1D.Dense> _offsets;
    private readonly MemoryBuffer1D<float, Stride1D.Dense> _values;
    private readonly DeviceDesignBuffers _design;
    private readonly MemoryBuffer1D<Core.Reduction.ThresholdTest, Stride1D.Dense> _thresholds;

    public DeviceSweep(Accelerator accelerator, SweepPlan plan, int capacity, long seriesLength)
    {
        Capacity = capacity;
        Fixed = accelerator.Allocate1D(plan.FixedSlots);

        // Zero-length device buffers are not allowed everywhere: pad empty axis arrays to one entry.
        _slots = accelerator.Allocate1D(NonEmpty(plan.AxisSlots));
        _counts = accelerator.Allocate1D(NonEmpty(plan.AxisCounts));
        _strides = accelerator.Allocate1D(NonEmpty(plan.AxisStrides));
        _offsets = accelerator.Allocate1D(NonEmpty(plan.AxisOffsets));
        _values = accelerator.Allocate1D(NonEmpty(plan.AxisValues));
        _design = new DeviceDesignBuffers(accelerator, plan.Design);
        Grid = new GridView
        {
            Slots = _slots.View,
            Counts = _counts.View,
            Strides = _strides.View,
            Offsets = _offsets.View,
            Values = _values.View,
            Axes = plan.AxisSlots.Length,
            Design = _design.View(plan.Design),
        };

        _thresholds = accelerator.Allocate1D(NonEmpty(plan.Thresholds));
        Thresholds = new DeviceThresholds { Tests = _thresholds.View.SubView(0, plan.Thresholds.Length) };
        Outcomes = accelerator.Allocate1D<float>((long)Capacity * plan.OutcomeCount);
        SeriesLength = seriesLength;
        Series = SeriesLength > 0 ? accelerator.Allocate1D<float>(SeriesLength) : null;
    }

    public int Capacity { get; }

    public long SeriesLength { get; }

    public MemoryBuffer1D<float, Stride1D.Dense> Fixed { get; }

    public GridView Grid { get; }

    /// <summary>The run's threshold tests.</summary>
    public DeviceThresholds Thresholds { get; }

    public MemoryBuffer1D<float, Stride1D.Dense> Outcomes { get; }

    public MemoryBuffer1D<float, Stride1D.Dense>? Series { get; }

    /// <summary>Block partials of a chunk in aggregate mode.</summary>
    public MemoryBuffer1D<double, Stride1D.Dense>? Partials { get; private set; }

    /// <summary>Sketch counts of a chunk in aggregate mode.</summary>
    public MemoryBuffer1D<long, Stride1D.Dense>? Sketch { get; private set; }

    /// <summary>True when these device buffers can serve chunks of <paramref name="capacity"/> scenarios.</summary>
    public bool Fits(int capacity, long seriesLength) => capacity <= Capacity && seriesLength == SeriesLength;

    /// <summary>Allocates the aggregate-mode buffers once.</summary>
    public void EnsureReduction(Accelerator accelerator, AggregateBuffers target)
    {
        if (Partials is null || Partials.Length < target.Partials.LongLength)
        {
            Partials?.Dispose();
            Partials = accelerator.Allocate1D<double>(target.Partials.LongLength);
        }

        Sketch ??= accelerator.Allocate1D<long>(target.Sketch.LongLength);
        if (target.Sensitivity is { } records && (Records is null || Records.Length < records.LongLength))
        {
            Records?.Dispose();
            Records = accelerator.Allocate1D<double>(records.LongLength);
        }
        if (target.Fans is { } fans && (Fans is null || Fans.Length != fans.LongLength))
        {
            Fans?.Dispose();
            Fans = accelerator.Allocate1D<long>(fans.LongLength);
        }
    }

    /// <summary>Sensitivity records of a chunk in aggregate mode (Saltelli and Morris designs).</summary>
    public MemoryBuffer1D<double, Stride1D.Dense>? Records { get; private set; }

    /// <summary>Fan-chart sketch counts of a chunk in aggregate mode with a series.</summary>
    public MemoryBuffer1D<long, Stride1D.Dense>? Fans { get; private set; }

    public void Dispose()
    {
        Fixed.Dispose();
        _slots.Dispose();
        _counts.Dispose();
        _strides.Dispose();
        _offsets.Dispose();
        _values.Dispose();
        _design.Dispose();
        _thresholds.Dispose();
        Outcomes.Dispose();
        Series?.Dispose();
        Partials?.Dispose();
        Sketch?.Dispose();
        Fans?.Dispose();
        Records?.Dispose();
    }

    private static T[] NonEmpty<T>(T[] values) => values.Length > 0 ? values : new T[1];
}
