namespace ComputeGap.Engine.Backends;

/// <summary>What the user asked for with <c>--backend</c>.</summary>
public enum BackendChoice
{
    /// <summary>CUDA when a CUDA device exists, else <see cref="Cpu"/>.</summary>
    Auto,
    /// <summary>The CUDA kernel on an NVIDIA GPU.</summary>
    Cuda,
    /// <summary>The vectorised CPU path.</summary>
    Cpu,
    /// <summary>The ILGPU kernel on ILGPU's CPU accelerator (slow; proves the kernel).</summary>
    IlgpuCpu,
}
