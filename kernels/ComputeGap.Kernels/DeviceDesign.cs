using ComputeGap.Core.Designs;
using ILGPU;

namespace ComputeGap.Kernels;

/// <summary>A sweep's sampled design on the device: its header and its tables as views (see <see cref="SampledDesign"/>).</summary>
public struct DeviceDesign : IDesignTables
{
    /// <summary>The scalar part; <see cref="DesignHeader.Dimensions"/> 0 for a grid.</summary>
    public DesignHeader Header;

    /// <summary>Scrambled Sobol direction numbers, 32 per dimension.</summary>
    public ArrayView<uint> Directions;

    /// <summary>Digital shifts, one per Sobol dimension.</summary>
    public ArrayView<uint> Shifts;

    /// <summary>The slot each uncertain parameter sets.</summary>
    public ArrayView<int> Slots;

    /// <summary>Each uncertain parameter's distribution kind.</summary>
    public ArrayView<int> Kinds;

    /// <summary><see cref="DistributionTable.Width"/> constants per uncertain parameter.</summary>
    public ArrayView<float> Constants;

    /// <summary>Concatenated choice values.</summary>
    public ArrayView<float> ChoiceValues;

    /// <summary>Concatenated cumulative choice weights.</summary>
    public ArrayView<float> Cumulative;

    public readonly uint this[int index] => Directions[index];

    public readonly int Slot(int k) => Slots[k];

    public readonly int Distribution(int k) => Kinds[k];

    public readonly float Constant(int k, int j) => Constants[(k * DistributionTable.Width) + j];

    public readonly uint Shift(int dimension) => Shifts[dimension];

    public readonly float ChoiceValue(int index) => ChoiceValues[index];

    public readonly float ChoiceCumulative(int index) => Cumulative[index];
}
