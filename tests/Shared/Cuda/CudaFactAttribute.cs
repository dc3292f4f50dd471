using ILGPU;
using ILGPU.Runtime.Cuda;

namespace ComputeGap.Tests.Shared;

/// <summary>A fact that needs a real CUDA device; skipped, with the reason, on machines without one.</summary>
public sealed class CudaFactAttribute : FactAttribute
{
    private static readonly Lazy<int> DeviceCount = new(() =>
    {
        using var context = Context.Create(b => b.Cuda());
        return context.GetCudaDevices().Count;
    });

    public CudaFactAttribute()
    {
        if (DeviceCount.Value == 0)
        {
            Skip = "needs a CUDA device; ILGPU found none on this machine";
        }
    }

    public static bool Available => DeviceCount.Value > 0;
}
