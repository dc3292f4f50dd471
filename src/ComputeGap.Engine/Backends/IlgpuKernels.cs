using ComputeGap.Core.Model;
using ComputeGap.Core.Models;
using ComputeGap.Core.Reduction;
using ComputeGap.Kernels;
using ILGPU;
using ILGPU.Runtime;

namespace ComputeGap.Engine.Backends;

/// <summary>One model's sweep kernels loaded on one accelerator (see <see cref="SweepKernels"/>).</summary>
internal sealed class IlgpuKernels
{
    public required Action<Index1D, ArrayView<float>, GridView, ModelShape, long, ArrayView<float>, int> Rows { get; init; }

    public required Action<Index1D, ArrayView<float>, GridView, ModelShape, long, ArrayView<float>, int, ArrayView<float>, int> RowsWithSeries { get; init; }

    public required Action<Index1D, ArrayView<float>, GridView, ModelShape, long, ArrayView<float>, int, ArrayView<long>, int> RowsWithFans { get; init; }

    /// <summary>Loads <paramref name="model"/>'s kernels on <paramref name="accelerator"/>.</summary>
    public static IlgpuKernels Load(Accelerator accelerator, ModelDescriptor model) => model.Accept(new Loader(accelerator));

    /// <summary>The block reduction, which is the same for every model.</summary>
    public static Action<Index2D, DeviceOutcomes, DeviceAxes, ArrayView<double>, DeviceSketch, PartialLayout, KeyColumns, DeviceThresholds, long, int> LoadReduction(Accelerator accelerator) =>
        accelerator.LoadAutoGroupedStreamKernel<Index2D, DeviceOutcomes, DeviceAxes, ArrayView<double>, DeviceSketch, PartialLayout, KeyColumns, DeviceThresholds, long, int>(ReductionKernels.ReduceBlocks);

    /// <summary>The sensitivity records of Saltelli and Morris designs, the same for every model.</summary>
    /// <remarks>On CUDA its products are <c>mul.rn.f64</c> (<see cref="CudaProducts"/>), which the driver may not fuse into an FMA.</remarks>
    public static Action<Index1D, DeviceOutcomes, ArrayView<double>, SensitivityUnits, long> LoadSensitivity(Accelerator accelerator) =>
        accelerator.AcceleratorType == AcceleratorType.Cuda
            ? accelerator.LoadAutoGroupedStreamKernel<Index1D, DeviceOutcomes, ArrayView<double>, SensitivityUnits, long>(ReductionKernels.SensitivityRecords<CudaProducts>)
            : accelerator.LoadAutoGroupedStreamKernel<Index1D, DeviceOutcomes, ArrayView<double>, SensitivityUnits, long>(ReductionKernels.SensitivityRecords<HostProducts>);

    private sealed class Loader(Accelerator accelerator) : IModelVisitor<IlgpuKernels>
    {
        public IlgpuKernels Visit<TModel>()
            where TModel : struct, IModel => new()
            {
                Rows = accelerator.LoadAutoGroupedStreamKernel<Index1D, ArrayView<float>, GridView, ModelShape, long, ArrayView<float>, int>(SweepKernels.Rows<TModel, GridView>),
                RowsWithSeries = accelerator.LoadAutoGroupedStreamKernel<Index1D, ArrayView<float>, GridView, ModelShape, long, ArrayView<float>, int, ArrayView<float>, int>(SweepKernels.RowsWithSeries<TModel, GridView>),
                RowsWithFans = accelerator.LoadAutoGroupedStreamKernel<Index1D, ArrayView<float>, GridView, ModelShape, long, ArrayView<float>, int, ArrayView<long>, int>(SweepKernels.RowsWithFans<TModel, GridView>),
            };
    }
}
