using System.Numerics;
using ComputeGap.Core.Lanes;
using ComputeGap.Core.Model;

namespace ComputeGap.Engine.Backends;

/// <summary>A scenario group's working memory on the CPU: one reused array per worker.</summary>
internal struct CpuStore(VectorLane[] lanes) : ILaneStore<VectorLane>
{
    public readonly VectorLane[] Lanes = lanes;

    public readonly VectorLane this[int slot]
    {
        get => Lanes[slot];
        set => Lanes[slot] = value;
    }
}

/// <summary>Scatters each month's shares of a scenario group into the long-format series buffer.</summary>
internal struct CpuSeries(float[] output, int firstLocal, int valid, int months, int regions) : IMonthObserver<VectorLane>
{
    public readonly void Share(int month, int region, VectorLane share)
    {
        for (var j = 0; j < valid; j++)
        {
            output[((((long)(firstLocal + j) * months) + month) * regions) + region] = share.Value[j];
        }
    }
}

