using ComputeGap.Core.Lanes;
using ComputeGap.Core.Model;
using ILGPU;

namespace ComputeGap.Kernels;

/// <summary>A scenario's working memory in thread-local memory (PTX <c>.local</c> on CUDA).</summary>
public struct LocalStore : ILaneStore<ScalarLane>
{
    /// <summary>Backing view from <c>LocalMemory.Allocate</c>.</summary>
    public ArrayView<float> Memory;

    public static bool HasGrowthFactors => false;

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

/// <summary>Writes each month's shares into the long-format series buffer: [scenario][month][region].</summary>
public struct DeviceSeries : IMonthObserver<ScalarLane>
{
    public ArrayView<float> Output;
    public int Scenario;
    public int Months;
    public int Regions;

    public readonly bool Enabled => true;

    public readonly void Share(int month, int region, ScalarLane share) =>
        Output[(((Scenario * Months) + month) * Regions) + region] = share.Value;
}
