using ComputeGap.Core.Models;
using ComputeGap.Core.Reduction;
using ComputeGap.Engine.Running;
using ComputeGap.Kernels;
using ILGPU;
using ILGPU.Runtime;

namespace ComputeGap.Engine.Backends;

/// <summary>
/// Runs <see cref="SweepKernels"/> on one ILGPU accelerator: CUDA on a GPU, or ILGPU's CPU
/// accelerator (<c>ilgpu-cpu</c>), which proves the real kernel on machines without a GPU.
/// Device buffers are allocated once per sweep and reused for every chunk.
/// </summary>
public sealed class IlgpuBackend : ISweepBackend
{
    private readonly Accelerator _accelerator;
    private readonly Dictionary<ModelDescriptor, IlgpuKernels> _kernels = [];
    private readonly Action<Index2D, DeviceOutcomes, DeviceAxes, ArrayView<double>, DeviceSketch, PartialLayout, KeyColumns, DeviceThresholds, long, int> _reduce;
    private readonly Action<Index1D, DeviceOutcomes, ArrayView<double>, SensitivityUnits, long> _sensitivity;
    private SweepPlan? _plan;
    private DeviceSweep? _device;

    /// <summary>Takes ownership of <paramref name="accelerator"/>.</summary>
    public IlgpuBackend(string name, Accelerator accelerator)
    {
        Name = name;
        _accelerator = accelerator;
        _reduce = IlgpuKernels.LoadReduction(accelerator);
        _sensitivity = IlgpuKernels.LoadSensitivity(accelerator);
    }

    /// <summary>The kernels of <paramref name="model"/>, loaded on first use.</summary>
    private IlgpuKernels KernelsOf(ModelDescriptor model)
    {
        if (!_kernels.TryGetValue(model, out var kernels))
        {
            kernels = IlgpuKernels.Load(_accelerator, model);
            _kernels[model] = kernels;
        }

        return kernels;
    }

    public string Name { get; }

    public string Device => $"{_accelerator.AcceleratorType}: {_accelerator.Name}";

    /// <summary>The device buffers for <paramref name="plan"/>, reallocated only when the plan or the sizes change.</summary>
    private DeviceSweep Prepare(SweepPlan plan, int capacity, long seriesLength)
    {
        if (!ReferenceEquals(plan, _plan) || _device is null || !_device.Fits(capacity, seriesLength))
        {
            _device?.Dispose();
            _device = new DeviceSweep(_accelerator, plan, capacity, seriesLength);
            _plan = plan;
        }

        return _device;
    }

    public void Compute(SweepPlan plan, long first, int count, ChunkBuffers buffers)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, buffers.Capacity);
        var d = Prepare(plan, buffers.Capacity, buffers.Series?.LongLength ?? 0);
        var kernels = KernelsOf(plan.Model);
        if (buffers.Series is not null)
        {
            kernels.RowsWithSeries(count, d.Fixed.View, d.Grid, plan.Shape, first, d.Outcomes.View, d.Capacity, d.Series!.View, plan.SeriesWidth);
        }
        else
        {
            kernels.Rows(count, d.Fixed.View, d.Grid, plan.Shape, first, d.Outcomes.View, d.Capacity);
        }

        _accelerator.Synchronize();
        for (var c = 0; c < buffers.Outcomes.Length; c++)
        {
            d.Outcomes.View.AsContiguous().SubView((long)c * d.Capacity, count).CopyToCPU(buffers.Outcomes[c].AsSpan(0, count));
        }

        if (buffers.Series is { } host)
        {
            var length = (long)count * plan.SeriesPerScenario;
            d.Series!.View.AsContiguous().SubView(0, length).CopyToCPU(host.AsSpan(0, (int)length));
        }
    }

    public void ComputeAggregate(SweepPlan plan, long first, int count, AggregateBuffers target)
    {
        var d = Prepare(plan, count, 0);
        d.EnsureReduction(_accelerator, target);
        var kernels = KernelsOf(plan.Model);
        if (target.Fans is not null)
        {
            d.Fans!.MemSetToZero();
            kernels.RowsWithFans(count, d.Fixed.View, d.Grid, plan.Shape, first, d.Outcomes.View, d.Capacity, d.Fans!.View, plan.SeriesWidth);
        }
        else
        {
            kernels.Rows(count, d.Fixed.View, d.Grid, plan.Shape, first, d.Outcomes.View, d.Capacity);
        }

        d.Sketch!.MemSetToZero();
        var blocks = target.Blocks;
        _reduce(
            new Index2D(blocks, plan.OutcomeCount),
            new DeviceOutcomes { Values = d.Outcomes.View, Capacity = d.Capacity },
            new DeviceAxes { Grid = d.Grid, Enabled = target.Layout.AxisValues > 0 ? 1 : 0 },
            d.Partials!.View,
            new DeviceSketch { Counts = d.Sketch!.View },
            target.Layout,
            plan.Keys,
            d.Thresholds,
            first,
            count);
        var records = 0L;
        if (target.Units is { } units)
        {
            var unitCount = count / units.UnitEvaluations;
            records = units.RecordLength(unitCount);
            _sensitivity(
                checked(unitCount * units.Outcomes * units.Entries),
                new DeviceOutcomes { Values = d.Outcomes.View, Capacity = d.Capacity },
                d.Records!.View,
                units,
                first);
        }

        _accelerator.Synchronize();
        d.Partials!.View.AsContiguous().SubView(0, (long)blocks * target.Layout.Length).CopyToCPU(target.Partials.AsSpan(0, blocks * target.Layout.Length));
        if (records > 0)
        {
            d.Records!.View.AsContiguous().SubView(0, records).CopyToCPU(target.Sensitivity.AsSpan(0, checked((int)records)));
        }
        d.Sketch!.View.AsContiguous().CopyToCPU(target.Sketch.AsSpan());
        for (var c = 0; c < (target.Outcomes?.Length ?? 0); c++)
        {
            if (target.Outcomes![c].Length > 0)
            {
                d.Outcomes.View.AsContiguous().SubView((long)c * d.Capacity, count).CopyToCPU(target.Outcomes[c].AsSpan(0, count));
            }
        }

        if (target.Fans is { } fans)
        {
            d.Fans!.View.AsContiguous().CopyToCPU(fans.AsSpan());
        }

        if (target.GridCells is { } cells)
        {
            // This buffer's previous cells (a consumer that never took them) must be done before its shares are overwritten.
            target.CellsReduced.GetAwaiter().GetResult();

            // The cells' one definition runs on the host, over the regional shares copied back, while the
            // device computes the next chunk: whoever takes the chunk (ToChunk) waits for it.
            var shares = target.SharesFor(cells.Columns, plan.OutcomeCount);
            foreach (var c in cells.Columns)
            {
                d.Outcomes.View.AsContiguous().SubView((long)c * d.Capacity, count).CopyToCPU(shares[c].AsSpan(0, count));
            }

            target.CellsReduced = Task.Run(() => Aggregation.GridCellReducer.ReduceChunk(shares, first, count, cells, _gridCellWorkers));
        }
    }

    /// <summary>The host's grid-cell reducers, kept from chunk to chunk (two chunks' reductions may overlap).</summary>
    private readonly System.Collections.Concurrent.ConcurrentBag<(Aggregation.GridCellReducer Reducer, Aggregation.GridCells Cells)> _gridCellWorkers = [];

    /// <summary>
    /// Makes this backend's accelerator the current one of the calling thread (ILGPU
    /// <c>Accelerator.Bind()</c>); <see cref="MultiDeviceBackend"/> calls it once on each device's worker thread.
    /// </summary>
    public void BindToCurrentThread() => _accelerator.Bind();

    public void Dispose()
    {
        _device?.Dispose();
        _accelerator.Dispose();
    }
}
