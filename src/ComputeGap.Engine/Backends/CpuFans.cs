using ComputeGap.Core.Lanes;
using ComputeGap.Core.Model;
using ComputeGap.Core.Reduction;

namespace ComputeGap.Engine.Backends;

/// <summary>Counts each month's series values (the first <paramref name="width"/> observer values; diagnostics after them are not) of a scenario group into per-worker fan sketches.</summary>
internal readonly struct CpuFans<TLane>(int[] counts, int valid, int width) : IMonthObserver<TLane>
    where TLane : struct, IHostLane<TLane>
{
    public bool Enabled => true;

    public void Record(int month, int index, TLane value)
    {
        if (index >= width)
        {
            return;
        }

        var offset = QuantileSketch.FanOffset(month, index, width);
        Span<float> values = stackalloc float[TLane.Width];
        Span<int> slots = stackalloc int[TLane.Width];
        value.Store(values);
        VectorSketch.Slots(values, slots);

        for (var j = 0; j < valid; j++)
        {
            if (float.IsFinite(values[j]))
            {
                counts[offset + slots[j]]++;
            }
        }
    }
}
