using ComputeGap.Core.Designs;
using ComputeGap.Kernels;
using ILGPU;
using ILGPU.Runtime;

namespace ComputeGap.Engine.Backends;

/// <summary>A sampled design's tables on a device (one placeholder entry each for a grid: zero-length buffers are not allowed everywhere).</summary>
internal sealed class DeviceDesignBuffers : IDisposable
{
    private readonly MemoryBuffer1D<uint, Stride1D.Dense> _directions;
    private readonly MemoryBuffer1D<uint, Stride1D.Dense> _shifts;
    private readonly MemoryBuffer1D<int, Stride1D.Dense> _slots;
    private readonly MemoryBuffer1D<int, Stride1D.Dense> _kinds;
    private readonly MemoryBuffer1D<float, Stride1D.Dense> _constants;
    private readonly MemoryBuffer1D<float, Stride1D.Dense> _choiceValues;
    private readonly MemoryBuffer1D<float, Stride1D.Dense> _choiceCumulative;

    public DeviceDesignBuffers(Accelerator accelerator, SampledDesign? design)
    {
        _directions = accelerator.Allocate1D(design?.Directions ?? [0u]);
        _shifts = accelerator.Allocate1D(design?.Shifts ?? [0u]);
        _slots = accelerator.Allocate1D(design?.Slots is { Length: > 0 } slots ? slots : [0]);
        _kinds = accelerator.Allocate1D(design?.Kinds is { Length: > 0 } kinds ? kinds : [0]);
        _constants = accelerator.Allocate1D(design?.Constants is { Length: > 0 } constants ? constants : new float[DistributionTable.Width]);
        _choiceValues = accelerator.Allocate1D(design?.ChoiceValues ?? [0f]);
        _choiceCumulative = accelerator.Allocate1D(design?.ChoiceCumulative ?? [1f]);
    }

    /// <summary>The device view of <paramref name="design"/> (a header with no dimensions for a grid).</summary>
    public DeviceDesign View(SampledDesign? design) => new()
    {
        Header = design?.Header ?? new DesignHeader { Evaluations = 1, Group = 1 },
        Directions = _directions.View,
        Shifts = _shifts.View,
        Slots = _slots.View,
        Kinds = _kinds.View,
        Constants = _constants.View,
        ChoiceValues = _choiceValues.View,
        Cumulative = _choiceCumulative.View,
    };

    public void Dispose()
    {
        _directions.Dispose();
        _shifts.Dispose();
        _slots.Dispose();
        _kinds.Dispose();
        _constants.Dispose();
        _choiceValues.Dispose();
        _choiceCumulative.Dispose();
    }
}
