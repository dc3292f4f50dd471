using System.CommandLine;
using System.Numerics;
using ComputeGap.Engine.Backends;

namespace ComputeGap.Cli.Commands;

/// <summary><c>computegap devices</c>: what ILGPU sees and what <c>--backend auto</c> would pick.</summary>
public static class DevicesCommand
{
    public static Command Create()
    {
        var command = new Command("devices", "List the accelerators ILGPU sees and the backend auto would choose.");
        command.SetAction((parse, _) => Guard.RunAsync(
            () =>
            {
                var output = parse.InvocationConfiguration.Output;
                using var devices = new Devices();
                foreach (var device in devices.All)
                {
                    var memory = device.MemorySize >= long.MaxValue / 2 ? "host memory" : $"{device.MemorySize / (1024.0 * 1024 * 1024):F1} GiB";
                    output.WriteLine($"{device.AcceleratorType,-5} {device.Name} ({memory}, warp {device.WarpSize}, up to {device.MaxNumThreadsPerGroup} threads/group)");
                }

                output.WriteLine($"cpu   vectorised fallback: {Environment.ProcessorCount} cores x Vector<float> of {Vector<float>.Count} lanes");
                output.WriteLine(devices.Cuda.Count > 0
                    ? $"--backend auto uses cuda ({devices.Cuda.Count} device(s))"
                    : "--backend auto uses cpu: no CUDA device found");
                return Task.FromResult(ExitCodes.Ok);
            },
            parse.InvocationConfiguration.Error));
        return command;
    }
}
