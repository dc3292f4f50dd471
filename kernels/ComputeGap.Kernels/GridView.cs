using ILGPU;

namespace ComputeGap.Kernels;

/// <summary>
/// A sweep's design on the device: per axis (or lever) its slot, length, stride and where its values
/// start, and the sampled design whose values scenario s takes at evaluation s mod its evaluations.
/// </summary>
public struct GridView
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
    public int AxisCount;

    /// <summary>The sampled part of the design (no dimensions for a grid); the axes are then its levers.</summary>
    public DeviceDesign Design;
}
