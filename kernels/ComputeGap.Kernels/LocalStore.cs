using ComputeGap.Core.Lanes;
using ComputeGap.Core.Model;
using ILGPU;

namespace ComputeGap.Kernels;

/// <summary>A scenario's working memory in thread-local memory (PTX <c>.local</c> on CUDA).</summary>
public struct LocalStore : ILaneStore<ScalarLane>
{
    /// <summary>Backing view from <c>LocalMemory.Allocate</c>.</summary>
    public ArrayView<float> Memory;

    public static bool HasDerivedSlots => false;

    public ScalarLane this[int slot]
    {
        readonly get => new(Memory[slot]);
        set => Memory[slot] = value.Value;
    }

    public ScalarLane this[int region, int slot]
    {
        readonly get => new(Memory[slot + region]);
        set => Memory[slot + region] = value.Value;
    }
}

/// <summary>Writes each month's series values into the series buffer: [scenario][month][value], <see cref="Width"/> values a month.</summary>
public struct DeviceSeries : IMonthObserver<ScalarLane>
{
    public ArrayView<float> Output;
    public int Scenario;
    public int Months;

    /// <summary>Series values a month (the model's series width for the run's regions); diagnostics beyond it are dropped.</summary>
    public int Width;

    public readonly bool Enabled => true;

    public readonly void Record(int month, int index, ScalarLane value)
    {
        if (index < Width)
        {
            Output[(((Scenario * Months) + month) * Width) + index] = value.Value;
        }
    }
}
