using ComputeGap.Core.Designs;
using ComputeGap.Core.Reduction;
using ILGPU;
using ILGPU.Runtime;
using ILGPU.Runtime.CPU;

namespace ComputeGap.Kernels.Tests;

/// <summary>
/// The sensitivity kernel (<see cref="ReductionKernels.SensitivityRecords"/>) on ILGPU's CPU accelerator
/// fills, bit for bit, the records the scalar driver fills on the host from the same outcome columns
/// (its thread indexing and its records' places; the vector driver's records are the scalar driver's,
/// tested in Core).
/// </summary>
public sealed class SensitivityKernelTests
{
    [Theory]
    [InlineData(DesignKind.Saltelli, false)]
    [InlineData(DesignKind.Saltelli, true)]
    [InlineData(DesignKind.Morris, false)]
    public void TheKernelFillsTheHostsRecords(DesignKind kind, bool secondOrder)
    {
        const int d = 3;
        var group = SampledDesign.GroupOf(kind, d, secondOrder);
        var design = new DesignHeader
        {
            Kind = (int)kind,
            Dimensions = d,
            Samples = 24,
            Group = group,
            Evaluations = 24L * group,
            SecondOrder = secondOrder ? 1 : 0,
            Levels = 6,
            Seed = 3,
        };
        var units = new SensitivityUnits { Design = design, UnitSamples = 3, Outcomes = 3 };
        const int count = 12;
        var evaluations = count * units.UnitEvaluations;
        var first = design.Evaluations + (4L * units.UnitEvaluations);
        var random = new Random(7);
        var columns = Enumerable.Range(0, units.Outcomes)
            .Select(_ => Enumerable.Range(0, evaluations).Select(i => i % 37 == 5 ? float.NaN : (float)(random.NextDouble() * 3 - 1)).ToArray())
            .ToArray();

        var host = new double[units.RecordLength(count)];
        for (var u = 0; u < count; u++)
        {
            for (var c = 0; c < units.Outcomes; c++)
            {
                units.FillRecord(columns, c, u, first, host);
            }
        }

        using var context = Context.Create(b => b.CPU(CPUDevice.Default).EnableAlgorithms());
        using var accelerator = context.CreateCPUAccelerator(0);
        var kernel = accelerator.LoadAutoGroupedStreamKernel<Index1D, DeviceOutcomes, ArrayView<double>, SensitivityUnits, long>(ReductionKernels.SensitivityRecords<HostProducts>);
        using var values = accelerator.Allocate1D(columns.SelectMany(c => c).ToArray());
        using var records = accelerator.Allocate1D<double>(host.Length);
        kernel(count * units.Outcomes * units.Entries, new DeviceOutcomes { Values = values.View, Capacity = evaluations }, records.View, units, first);
        accelerator.Synchronize();
        var device = records.GetAsArray1D();

        Assert.Equal(host.Length, device.Length);
        for (var i = 0; i < host.Length; i++)
        {
            Assert.True(
                BitConverter.DoubleToInt64Bits(host[i]) == BitConverter.DoubleToInt64Bits(device[i]) || (double.IsNaN(host[i]) && double.IsNaN(device[i])),
                $"record value {i}: host {host[i]:R}, kernel {device[i]:R}");
        }

        Assert.Contains(host, v => double.IsNaN(v));
        Assert.Contains(host, v => v != 0 && double.IsFinite(v));
    }
}
