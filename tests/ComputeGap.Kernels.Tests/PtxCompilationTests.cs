using System.Reflection;
using ComputeGap.Core.Models;
using ILGPU;
using ILGPU.Backends.EntryPoints;
using ILGPU.Backends.PTX;
using ILGPU.Runtime.CPU;
using ILGPU.Runtime.Cuda;

namespace ComputeGap.Kernels.Tests;

/// <summary>
/// Compiles every kernel to PTX with ILGPU's PTX backend. This needs no GPU, and it catches what
/// passes on the CPU accelerator but fails on CUDA: MathF without ILGPU.Algorithms, static arrays,
/// exceptions, unsupported intrinsics.
/// </summary>
public sealed class PtxCompilationTests
{
    /// <summary>Every kernel, for every model (generic kernels are compiled once per model type).</summary>
    public static TheoryData<string, string> Kernels()
    {
        var data = new TheoryData<string, string>();
        foreach (var method in KernelMethods())
        {
            foreach (var model in method.IsGenericMethodDefinition && method.Name != nameof(ReductionKernels.SensitivityRecords) ? ModelCatalog.All.Select(m => m.Name) : ["-"])
            {
                data.Add(method.Name, model);
            }
        }

        return data;
    }

    [Fact]
    public void EveryPublicKernelIsCovered()
    {
        Assert.Equal(["ReduceBlocks", "Rows", "RowsWithFans", "RowsWithSeries", "SensitivityRecords"], KernelMethods().Select(m => m.Name).Order().ToArray());
    }

    [Theory]
    [MemberData(nameof(Kernels))]
    public void KernelCompilesToPtx(string name, string model)
    {
        var method = KernelMethods().Single(m => m.Name == name);
        if (name == nameof(ReductionKernels.SensitivityRecords))
        {
            // The CUDA instantiation: its products are rounded on their own.
            method = method.MakeGenericMethod(typeof(CudaProducts));
        }
        else if (method.IsGenericMethodDefinition)
        {
            // The sweep kernels are generic over the model and the design (the device's GridView).
            var modelType = ModelCatalog.Find(model)!.Accept(new ModelTypeOf());
            method = method.GetGenericArguments().Length == 2 ? method.MakeGenericMethod(modelType, typeof(GridView)) : method.MakeGenericMethod(modelType);
        }

        using var context = Context.Create(b => b.CPU(CPUDevice.Default).EnableAlgorithms());
        foreach (var (architecture, isa) in new[] { (CudaArchitecture.SM_75, CudaInstructionSet.ISA_75), (CudaArchitecture.SM_90, CudaInstructionSet.ISA_80) })
        {
            using var backend = new PTXBackend(context, new CudaCapabilityContext(architecture), architecture, isa, null!);
            var entry = EntryPointDescription.FromImplicitlyGroupedKernel(method);
            var compiled = (PTXCompiledKernel)backend.Compile(entry, default);
            var ptx = compiled.PTXAssembly;
            Assert.Contains(".entry", ptx, StringComparison.Ordinal);
            Assert.Contains(".target sm_", ptx, StringComparison.Ordinal);

            // The model's working memory lives in per-thread local memory; the reduction's sketch
            // counts are atomic adds; the sensitivity records are float64 stores; math became device
            // code, not calls into the host runtime.
            Assert.Contains(name.StartsWith("Rows", StringComparison.Ordinal) ? ".local" : name == "SensitivityRecords" ? "st.f64" : "red.add.u64", ptx, StringComparison.Ordinal);
            Assert.DoesNotContain("System.", ptx, StringComparison.Ordinal);
            if (name == "SensitivityRecords")
            {
                // Every float64 product is rounded on its own: a plain mul.f64 the driver may fuse with the add after it.
                Assert.Contains("mul.rn.f64", ptx, StringComparison.Ordinal);
                Assert.DoesNotMatch(@"mul\.f64|fma\.", ptx);
            }
        }
    }

    /// <summary>The model type behind a descriptor.</summary>
    private sealed class ModelTypeOf : IModelVisitor<Type>
    {
        public Type Visit<TModel>()
            where TModel : struct, IModel => typeof(TModel);
    }

    private static IEnumerable<MethodInfo> KernelMethods() =>
        new[] { typeof(SweepKernels), typeof(ReductionKernels) }
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Static))
            .Where(m => m.GetParameters().FirstOrDefault()?.ParameterType is { } first && (first == typeof(Index1D) || first == typeof(Index2D)));
}
