using ILGPU;
using ILGPU.Runtime;
using ILGPU.Runtime.CPU;
using ILGPU.Runtime.Cuda;

namespace ComputeGap.Engine.Backends;

/// <summary>
/// Owns the ILGPU context (CUDA devices plus ILGPU's default CPU device, with ILGPU.Algorithms
/// enabled so <c>MathF</c> maps to device code) and opens backends on it.
/// </summary>
public sealed class Devices : IDisposable
{
    private readonly Context _context;

    public Devices()
    {
        _context = Context.Create(b => b.Cuda().CPU(CPUDevice.Default).EnableAlgorithms());
    }

    /// <summary>Every device ILGPU sees, CUDA first.</summary>
    public IReadOnlyList<Device> All => _context.Devices;

    /// <summary>CUDA devices ILGPU sees (none without an NVIDIA driver).</summary>
    public IReadOnlyList<CudaDevice> Cuda => [.. _context.GetCudaDevices()];

    /// <summary>Opens the backend for <paramref name="choice"/>; <paramref name="reason"/> says why it was chosen.</summary>
    public ISweepBackend Open(BackendChoice choice, int cudaDevice, out string reason)
    {
        switch (choice)
        {
            case BackendChoice.Cuda:
                if (Cuda.Count == 0)
                {
                    throw new BackendUnavailableException("--backend cuda: ILGPU finds no CUDA device (is the NVIDIA driver installed?). Use --backend cpu.");
                }

                reason = "asked for cuda";
                return OpenCuda(cudaDevice);
            case BackendChoice.IlgpuCpu:
                reason = "asked for ilgpu-cpu (the ILGPU kernel on ILGPU's CPU accelerator; slow, for checking the kernel)";
                return new IlgpuBackend("ilgpu-cpu", _context.CreateCPUAccelerator(0));
            case BackendChoice.Cpu:
                reason = "asked for cpu";
                return new CpuBackend();
            default:
                if (Cuda.Count > 0)
                {
                    reason = $"auto: found {Cuda.Count} CUDA device(s)";
                    return OpenCuda(cudaDevice);
                }

                reason = "auto: no CUDA device found, using the vectorised CPU backend";
                return new CpuBackend();
        }
    }

    /// <summary>
    /// Opens one CUDA backend per device of <paramref name="devicesSpec"/> (<c>all</c> or indices such
    /// as <c>0,1</c>, see <see cref="DeviceList"/>) and spreads chunks over them with a
    /// <see cref="MultiDeviceBackend"/>; a single device is returned as it is. Without any CUDA device
    /// it returns the vectorised CPU backend and says so in <paramref name="reason"/>, unless
    /// <paramref name="requireCuda"/> (<c>--backend cuda</c>) makes that an error.
    /// </summary>
    public ISweepBackend OpenMany(string devicesSpec, out string reason, bool requireCuda = false)
    {
        DeviceList.CheckSyntax(devicesSpec);
        var cuda = Cuda;
        if (cuda.Count == 0)
        {
            if (requireCuda)
            {
                throw new BackendUnavailableException($"--backend cuda --devices {devicesSpec}: ILGPU finds no CUDA device (is the NVIDIA driver installed?). Use --backend cpu.");
            }

            reason = $"--devices {devicesSpec}: no CUDA device found, using the vectorised CPU backend";
            return new CpuBackend();
        }

        var indices = DeviceList.Parse(devicesSpec, cuda.Count);
        var opened = new List<ISweepBackend>();
        try
        {
            foreach (var index in indices)
            {
                opened.Add(new IlgpuBackend("cuda", cuda[index].CreateAccelerator(_context)));
            }
        }
        catch
        {
            opened.ForEach(b => b.Dispose());
            throw;
        }

        reason = $"--devices {devicesSpec}: CUDA device(s) {string.Join(',', indices)} of {cuda.Count}";
        return opened.Count == 1 ? opened[0] : new MultiDeviceBackend(opened);
    }

    public void Dispose() => _context.Dispose();

    private IlgpuBackend OpenCuda(int index)
    {
        if (index < 0 || index >= Cuda.Count)
        {
            throw new BackendUnavailableException($"--device {index}: there are {Cuda.Count} CUDA device(s).");
        }

        return new IlgpuBackend("cuda", Cuda[index].CreateAccelerator(_context));
    }
}

/// <summary>The requested backend cannot run on this machine.</summary>
public sealed class BackendUnavailableException : Exception
{
    public BackendUnavailableException()
    {
    }

    public BackendUnavailableException(string message)
        : base(message)
    {
    }

    public BackendUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
