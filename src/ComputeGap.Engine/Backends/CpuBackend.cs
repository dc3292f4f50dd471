using System.Numerics;
using System.Runtime.Intrinsics;
using ComputeGap.Core.Designs;
using ComputeGap.Core.Lanes;
using ComputeGap.Core.Model;
using ComputeGap.Core.Models;
using ComputeGap.Core.Reduction;
using ComputeGap.Engine.Running;

namespace ComputeGap.Engine.Backends;

/// <summary>
/// The fast CPU fallback: the Core model instantiated over a vector lane, so each call runs a
/// lane's worth of scenarios side by side, on every core. The lane is the widest the CPU accelerates:
/// <see cref="Vector512Lane"/> (16 scenarios) with AVX-512, else <see cref="VectorLane"/> (Vector&lt;float&gt;).
/// A scenario's arithmetic is element-wise either way, so its bits do not depend on the lane chosen.
/// </summary>
/// <remarks>
/// ILGPU's CPU accelerator emulates GPU threads with OS threads and barriers; running the same
/// model as SIMD lanes instead is an order of magnitude faster (see bench/).
/// </remarks>
/// <param name="maxThreads">Worker threads; 0 for every core.</param>
/// <param name="lanes">The lane width; <see cref="CpuLanes.Auto"/> picks the widest accelerated one.</param>
public sealed partial class CpuBackend(int maxThreads = 0, CpuLanes lanes = CpuLanes.Auto) : ISweepBackend
{
    /// <summary>Scenarios one parallel work item computes; a multiple of every vector width.</summary>
    private const int BlockSize = 512;

    private readonly int _threads = maxThreads > 0 ? maxThreads : Environment.ProcessorCount;
    private readonly bool _wide = lanes == CpuLanes.Vector512 || (lanes == CpuLanes.Auto && Vector512.IsHardwareAccelerated);

    public string Name => "cpu";

    public string Device => _wide
        ? $"CPU, {Environment.ProcessorCount} cores, Vector512<float> x{Vector512Lane.Width}"
        : $"CPU, {Environment.ProcessorCount} cores, Vector<float> x{VectorLane.Width}";

    /// <summary>Scenarios per lane of this backend.</summary>
    public int LaneWidth => _wide ? Vector512Lane.Width : VectorLane.Width;

    public void Compute(SweepPlan plan, long first, int count, ChunkBuffers buffers)
    {
        if (_wide)
        {
            Compute<Vector512Lane, Vector512<int>>(plan, first, count, buffers);
        }
        else
        {
            Compute<VectorLane, Vector<int>>(plan, first, count, buffers);
        }
    }

    public void ComputeAggregate(SweepPlan plan, long first, int count, AggregateBuffers target)
    {
        if (_wide)
        {
            Aggregate<Vector512Lane, Vector512<int>>(plan, first, count, target);
        }
        else
        {
            Aggregate<VectorLane, Vector<int>>(plan, first, count, target);
        }
    }

    public void Dispose()
    {
    }

    /// <summary>Computes a chunk's rows (and series) on every core, 512 scenarios a work item.</summary>
    private void Compute<TLane, TMask>(SweepPlan plan, long first, int count, ChunkBuffers buffers)
        where TLane : struct, ILane<TLane, TMask>, IHostLane<TLane>
        where TMask : struct
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, buffers.Capacity);
        var model = plan.Model;
        var setup = Setup<TLane, TMask>(plan);
        var blocks = (count + BlockSize - 1) / BlockSize;
        var options = new ParallelOptions { MaxDegreeOfParallelism = _threads };
        Parallel.For(
            0,
            blocks,
            options,
            () => new Worker<TLane>(new TLane[model.SlotCount], null, plan),
            (block, _, worker) =>
            {
                var start = block * BlockSize;
                RunRange(plan, setup, worker, buffers, first + start, start, Math.Min(count - start, BlockSize));
                return worker;
            },
            _ => { });
    }

    /// <summary>What every group of a chunk shares: the fixed parameters as lanes, the derived slots, the model's group runner.</summary>
    private static ChunkSetup<TLane> Setup<TLane, TMask>(SweepPlan plan)
        where TLane : struct, ILane<TLane, TMask>, IHostLane<TLane>
        where TMask : struct
    {
        var model = plan.Model;
        var broadcast = new TLane[model.SlotCount];
        for (var slot = 0; slot < model.ParamSlotCount; slot++)
        {
            broadcast[slot] = TLane.Broadcast(plan.FixedSlots[slot]);
        }

        var factorSlots = model.DerivedSlots.Select(d => d.Slot).ToArray();
        foreach (var factor in factorSlots)
        {
            broadcast[factor] = TLane.Broadcast(plan.FixedFactors[factor]);
        }

        return new ChunkSetup<TLane>(broadcast, factorSlots, model.Accept(new GroupRunner<TLane, TMask>()));
    }

    /// <summary>Computes <paramref name="count"/> scenarios from <paramref name="scenario"/> into <paramref name="buffers"/> from position <paramref name="local"/>.</summary>
    private static void RunRange<TLane>(SweepPlan plan, ChunkSetup<TLane> setup, Worker<TLane> worker, ChunkBuffers buffers, long scenario, int local, int count)
        where TLane : struct, IHostLane<TLane>
    {
        worker.Axes.Start(scenario);
        worker.Scenario = scenario;
        for (var i = 0; i < count; i += TLane.Width)
        {
            setup.Group(plan, local + i, Math.Min(TLane.Width, count - i), setup.Broadcast, setup.FactorSlots, worker, buffers);
        }
    }

    private sealed class Worker<TLane>(TLane[] memory, int[]? fans, SweepPlan plan)
    {
        public TLane[] Memory { get; } = memory;

        /// <summary>
        /// This worker's fan counts for the chunk at hand, added to the chunk's int64 counts when the worker
        /// finishes: a worker counts at most one chunk's scenarios per slot (fewer than 2^31), so 32 bits hold
        /// them, and each core's copy is half the size (30 MB for model v2 over 84 months).
        /// </summary>
        public int[]? Fans { get; } = fans;

        /// <summary>Each axis's value at the next scenario, stepped like an odometer from a work item's first scenario.</summary>
        public OdometerCursor<HostScenarioDesign, ArrayCursorMemory> Axes = new(plan.Decoder, new ArrayCursorMemory(new long[2 * plan.AxisSlots.Length]));

        /// <summary>The scenario the next group starts at (sampled designs decode their values from it).</summary>
        public long Scenario;

        /// <summary>Decodes the sampled design's values (null for a grid).</summary>
        public CpuDesignSampler? Sampler = plan.Design is { } design
            ? new CpuDesignSampler(design, [.. plan.DesignFactorSlots.Select((slot, k) => slot >= 0 ? plan.DesignTransforms[k] : (Transform?)null)])
            : null;

        /// <summary>Each uncertain parameter's lanes (parameter k's at [k · width …]).</summary>
        public float[] SampledLanes = [];

        /// <summary>The derived constants of <see cref="SampledLanes"/>, where a parameter has one.</summary>
        public float[] DerivedLanes = [];
    }

    /// <summary>A chunk's <see cref="Setup"/>.</summary>
    private sealed record ChunkSetup<TLane>(TLane[] Broadcast, int[] FactorSlots, GroupRun<TLane> Group);

    /// <summary>Runs one group of up to a lane's width of scenarios (a model's <see cref="ComputeGroup{TModel, TLane, TMask}"/>).</summary>
    private delegate void GroupRun<TLane>(SweepPlan plan, int local, int valid, TLane[] broadcast, int[] factorSlots, Worker<TLane> worker, ChunkBuffers buffers);

    /// <summary>Picks <see cref="ComputeGroup{TModel, TLane, TMask}"/> for a plan's model, once per chunk.</summary>
    private sealed class GroupRunner<TLane, TMask> : IModelVisitor<GroupRun<TLane>>
        where TLane : struct, ILane<TLane, TMask>, IHostLane<TLane>
        where TMask : struct
    {
        public GroupRun<TLane> Visit<TModel>()
            where TModel : struct, IModel => ComputeGroup<TModel, TLane, TMask>;
    }

    private static void ComputeGroup<TModel, TLane, TMask>(SweepPlan plan, int local, int valid, TLane[] broadcast, int[] factorSlots, Worker<TLane> worker, ChunkBuffers buffers)
        where TModel : struct, IModel
        where TLane : struct, ILane<TLane, TMask>, IHostLane<TLane>
        where TMask : struct
    {
        var memory = worker.Memory;
        Array.Copy(broadcast, memory, TModel.ParamSlotCount);
        foreach (var factor in factorSlots)
        {
            memory[factor] = broadcast[factor];
        }

        // Lanes past the chunk's end repeat its last scenario; their results are discarded.
        var width = TLane.Width;
        var axes = plan.AxisSlots.Length;
        Span<float> lanes = stackalloc float[axes * width];
        Span<float> factors = stackalloc float[axes * width];
        for (var j = 0; j < width; j++)
        {
            for (var a = 0; a < axes; a++)
            {
                var at = j < valid ? worker.Axes.ValueIndex(a) : -1;
                lanes[(a * width) + j] = at >= 0 ? plan.AxisValues[at] : lanes[(a * width) + j - 1];
                factors[(a * width) + j] = at >= 0 ? plan.AxisFactors[at] : factors[(a * width) + j - 1];
            }

            if (j < valid)
            {
                worker.Axes.Advance();
            }
        }

        for (var a = 0; a < axes; a++)
        {
            memory[plan.AxisSlots[a]] = TLane.Load(lanes.Slice(a * width, width));
            if (plan.AxisFactorSlots[a] >= 0)
            {
                memory[plan.AxisFactorSlots[a]] = TLane.Load(factors.Slice(a * width, width));
            }
        }

        if (plan.Design is { } design)
        {
            Sample(plan, design, worker, valid, memory);
        }

        worker.Scenario += valid;
        var shape = plan.Shape;
        var store = new CpuStore<TLane>(memory, TModel.SlotCount);
        if (worker.Fans is { } fanCounts)
        {
            var fans = new CpuFans<TLane>(fanCounts, valid, plan.SeriesWidth);
            TModel.Run<TLane, TMask, CpuStore<TLane>, CpuFans<TLane>>(store, shape, ref fans);
        }
        else if (buffers.Series is { } seriesOut)
        {
            var series = new CpuSeries<TLane>(seriesOut, local, valid, shape.Months, plan.SeriesWidth);
            TModel.Run<TLane, TMask, CpuStore<TLane>, CpuSeries<TLane>>(store, shape, ref series);
        }
        else
        {
            var none = default(NoSeries<TLane>);
            TModel.Run<TLane, TMask, CpuStore<TLane>, NoSeries<TLane>>(store, shape, ref none);
        }

        Span<float> values = stackalloc float[width];
        for (var c = 0; c < buffers.Outcomes.Length; c++)
        {
            memory[TModel.OutcomeSlot(c, shape.Regions)].Store(values);
            values[..valid].CopyTo(buffers.Outcomes[c].AsSpan(local));
        }
    }
}

/// <summary>The sampled part of a design on the CPU: each lane's uncertain values, decoded as the kernels decode them.</summary>
public sealed partial class CpuBackend
{
    /// <summary>
    /// Writes the uncertain parameters (and their derived slots) of the worker's next
    /// <paramref name="valid"/> scenarios into <paramref name="memory"/> (the bits of
    /// <see cref="DesignPoint.Value"/>, decoded by the worker's <see cref="CpuDesignSampler"/>); lanes
    /// past <paramref name="valid"/> repeat the last scenario.
    /// </summary>
    private static void Sample<TLane>(SweepPlan plan, SampledDesign design, Worker<TLane> worker, int valid, TLane[] memory)
        where TLane : struct, IHostLane<TLane>
    {
        var header = design.Header;
        var evaluations = header.Evaluations;
        var width = TLane.Width;
        var d = header.Dimensions;
        if (worker.SampledLanes.Length != d * width)
        {
            worker.SampledLanes = new float[d * width];
            worker.DerivedLanes = new float[d * width];
        }

        var all = worker.SampledLanes;
        var derived = worker.DerivedLanes;
        worker.Sampler!.Fill(worker.Scenario % evaluations, valid, all, width, derived);

        for (var k = 0; k < d; k++)
        {
            var lanes = all.AsSpan(k * width, width);
            for (var j = valid; j < width; j++)
            {
                lanes[j] = lanes[j - 1];
            }

            memory[design.Slots[k]] = TLane.Load(lanes);
            if (plan.DesignFactorSlots[k] is var factor and >= 0)
            {
                var factors = derived.AsSpan(k * width, width);
                for (var j = valid; j < width; j++)
                {
                    factors[j] = factors[j - 1];
                }

                memory[factor] = TLane.Load(factors);
            }
        }
    }
}

/// <summary>Which vector lane the CPU backend runs.</summary>
public enum CpuLanes
{
    /// <summary>The widest the CPU accelerates: <see cref="Vector512Lane"/> with AVX-512, else <see cref="VectorLane"/>.</summary>
    Auto,

    /// <summary><see cref="VectorLane"/>: Vector&lt;float&gt; (256 bits on AVX2 machines).</summary>
    Vector,

    /// <summary><see cref="Vector512Lane"/>: 16 floats.</summary>
    Vector512,
}
