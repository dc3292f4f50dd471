using ComputeGap.Core.Designs;
using ILGPU;

namespace ComputeGap.Kernels;

/// <summary>
/// A sweep's design on the device (see <see cref="IScenarioDesign"/>): per axis (or lever) its slot,
/// length, stride and where its values start, and the sampled design whose values scenario s takes at
/// evaluation s mod its evaluations. The kernels decode it with <see cref="ScenarioDesign"/>, as host
/// code decodes its arrays.
/// </summary>
public struct GridView : IScenarioDesign
{
    /// <summary>Parameter slot each axis overrides.</summary>
    public ArrayView<int> Slots;

    /// <summary>Number of values of each axis.</summary>
    public ArrayView<int> Counts;

    /// <summary>Scenarios between consecutive values of each axis.</summary>
    public ArrayView<long> Strides;

    /// <summary>Index of each axis's first value in <see cref="Values"/>.</summary>
    public ArrayView<int> Offsets;

    /// <summary>All axes' values, concatenated.</summary>
    public ArrayView<float> Values;

    /// <summary>Number of axes.</summary>
    public int Axes;

    /// <summary>The sampled part of the design (no dimensions for a grid); the axes are then its levers.</summary>
    public DeviceDesign Design;

    public readonly int AxisCount => Axes;

    public readonly DesignHeader Header => Design.Header;

    public readonly int Count(int axis) => Counts[axis];

    public readonly long Stride(int axis) => Strides[axis];

    public readonly int Offset(int axis) => Offsets[axis];

    public readonly int AxisSlot(int axis) => Slots[axis];

    public readonly float AxisValue(int index) => Values[index];

    public readonly uint this[int index] => Design[index];

    public readonly int Slot(int k) => Design.Slot(k);

    public readonly int Distribution(int k) => Design.Distribution(k);

    public readonly float Constant(int k, int j) => Design.Constant(k, j);

    public readonly uint Shift(int dimension) => Design.Shift(dimension);

    public readonly float ChoiceValue(int index) => Design.ChoiceValue(index);

    public readonly float ChoiceCumulative(int index) => Design.ChoiceCumulative(index);
}
