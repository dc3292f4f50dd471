using ComputeGap.Core.Designs;

namespace ComputeGap.Engine.Running;

/// <summary>
/// A plan's design in host arrays (see <see cref="IScenarioDesign"/>): what the kernels read from device
/// views, so host code names a scenario's values with the same <see cref="ScenarioDesign"/> code. The
/// sampled members are read only when the plan has a sampled design.
/// </summary>
public readonly struct HostScenarioDesign(SweepPlan plan) : IScenarioDesign
{
    public DesignHeader Header => plan.Design?.Header ?? default;

    public int AxisCount => plan.AxisSlots.Length;

    public int Count(int axis) => plan.AxisCounts[axis];

    public long Stride(int axis) => plan.AxisStrides[axis];

    public int Offset(int axis) => plan.AxisOffsets[axis];

    public int AxisSlot(int axis) => plan.AxisSlots[axis];

    public float AxisValue(int index) => plan.AxisValues[index];

    public uint this[int index] => Tables[index];

    public int Slot(int k) => Tables.Slot(k);

    public int Distribution(int k) => Tables.Distribution(k);

    public float Constant(int k, int j) => Tables.Constant(k, j);

    public uint Shift(int dimension) => Tables.Shift(dimension);

    public float ChoiceValue(int index) => Tables.ChoiceValue(index);

    public float ChoiceCumulative(int index) => Tables.ChoiceCumulative(index);

    /// <summary>The sampled design's own tables (<see cref="HostDesignTables"/>).</summary>
    private HostDesignTables Tables => (plan.Design ?? throw new InvalidOperationException("a grid has no sampled design")).Tables;
}
