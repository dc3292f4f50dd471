using ComputeGap.Core.Reduction;
using ILGPU.Runtime.Cuda;

namespace ComputeGap.Kernels;

/// <summary>
/// Products on a CUDA device: an explicit <c>mul.rn.f64</c>, which ptxas may not fuse with a following
/// add (a plain <c>mul.f64</c> it may), so the device's sums are the host's bits. CUDA kernels only:
/// other accelerators (ILGPU's CPU accelerator) take <see cref="HostProducts"/>.
/// </summary>
public readonly struct CudaProducts : IProducts
{
    public double Multiply(double a, double b)
    {
        CudaAsm.Emit("mul.rn.f64 %0, %1, %2;", out double product, a, b);
        return product;
    }
}
