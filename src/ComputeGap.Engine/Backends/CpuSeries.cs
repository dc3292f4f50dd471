using ComputeGap.Core.Lanes;
using ComputeGap.Core.Model;

namespace ComputeGap.Engine.Backends;

/// <summary>Scatters each month's series values of a scenario group into the series buffer ([scenario][month][value]).</summary>
internal struct CpuSeries<TLane>(float[] output, int firstLocal, int valid, int months, int width) : IMonthObserver<TLane>
    where TLane : struct, IHostLane<TLane>
{
    public readonly bool Enabled => true;

    public readonly void Record(int month, int index, TLane value)
    {
        if (index >= width)
        {
            return;
        }

        Span<float> values = stackalloc float[TLane.Width];
        value.Store(values);
        for (var j = 0; j < valid; j++)
        {
            output[((((long)(firstLocal + j) * months) + month) * width) + index] = values[j];
        }
    }
}
