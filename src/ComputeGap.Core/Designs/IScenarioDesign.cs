using ComputeGap.Core.Reduction;

namespace ComputeGap.Core.Designs;

/// <summary>
/// A sweep's design as every decoder reads it: its axes (a grid's, or a sampled design's levers) and its
/// sampled part (no dimensions for a grid). Kernels read it from device views, host code from arrays;
/// both decode scenario indices through the one <see cref="ScenarioDesign"/>.
/// </summary>
public interface IScenarioDesign : IAxisSource, IDesignTables
{
    /// <summary>The sampled part's scalars (<see cref="DesignHeader.Dimensions"/> 0 for a grid).</summary>
    DesignHeader Header { get; }

    /// <summary>The parameter slot axis <paramref name="axis"/> sets.</summary>
    int AxisSlot(int axis);

    /// <summary>Entry <paramref name="index"/> of all axes' values, concatenated (as float32, the model's precision).</summary>
    float AxisValue(int index);
}
