using System.Collections.Concurrent;
using System.Numerics;
using ComputeGap.Core.Lanes;
using ComputeGap.Core.Model;
using ComputeGap.Core.Models;
using ComputeGap.Core.Reduction;
using ComputeGap.Engine.Running;

namespace ComputeGap.Engine.Backends;

/// <summary>
/// The fast CPU fallback: the Core model instantiated over <see cref="VectorLane"/>, so each call
/// runs <see cref="Vector{T}.Count"/> scenarios side by side, on every core.
/// </summary>
/// <remarks>
/// ILGPU's CPU accelerator emulates GPU threads with OS threads and barriers; running the same
/// model as SIMD lanes instead is an order of magnitude faster (see bench/).
/// </remarks>
public sealed class CpuBackend(int maxThreads = 0) : ISweepBackend
{
    /// <summary>Scenarios one parallel work item computes; a multiple of every vector width.</summary>
    private const int BlockSize = 512;

    private readonly int _threads = maxThreads > 0 ? maxThreads : Environment.ProcessorCount;
    private ChunkBuffers? _scratch;
    private readonly CpuReduction _reduction = new();

    /// <summary>Per-worker fan sketches (months × regions × 8,003 counts each), kept between chunks.</summary>
    private readonly ConcurrentBag<long[]> _fanPool = [];

    public string Name => "cpu";

    public string Device => $"CPU, {Environment.ProcessorCount} cores, Vector<float> x{Vector<float>.Count}";

    public void Compute(SweepPlan plan, long first, int count, ChunkBuffers buffers) => Compute(plan, first, count, buffers, null);

    public void ComputeAggregate(SweepPlan plan, long first, int count, AggregateBuffers target)
    {
        if (_scratch is null || _scratch.Capacity < count || _scratch.Outcomes.Length != plan.OutcomeCount)
        {
            _scratch = new ChunkBuffers(plan.OutcomeCount, count, 0);
        }

        _scratch.First = first;
        _scratch.Count = count;
        Compute(plan, first, count, _scratch, target.Fans);
        _reduction.Reduce(plan, _scratch, target, _threads);
    }

    public void Dispose()
    {
    }

    /// <summary>Computes a chunk; with <paramref name="fans"/>, every month's shares are also counted into fan sketches.</summary>
    private void Compute(SweepPlan plan, long first, int count, ChunkBuffers buffers, long[]? fans)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, buffers.Capacity);
        var model = plan.Model;
        var broadcast = new VectorLane[model.SlotCount];
        for (var slot = 0; slot < model.ParamSlotCount; slot++)
        {
            broadcast[slot] = VectorLane.Broadcast(plan.FixedSlots[slot]);
        }

        var factorSlots = model.DerivedSlots.Select(d => d.Slot).ToArray();
        foreach (var factor in factorSlots)
        {
            broadcast[factor] = VectorLane.Broadcast(plan.FixedFactors[factor]);
        }

        var group = model.Accept(GroupRunner.Instance);

        if (fans is not null)
        {
            Array.Clear(fans);
        }

        var blocks = (count + BlockSize - 1) / BlockSize;
        var options = new ParallelOptions { MaxDegreeOfParallelism = _threads };
        Parallel.For(
            0,
            blocks,
            options,
            () => new Worker(new VectorLane[model.SlotCount], fans is null ? null : RentFans(fans.Length), plan),
            (block, _, worker) =>
            {
                var start = block * BlockSize;
                var end = Math.Min(count, start + BlockSize);
                worker.Axes.Start(first + start);
                for (var i = start; i < end; i += VectorLane.Width)
                {
                    group(plan, i, Math.Min(VectorLane.Width, end - i), broadcast, factorSlots, worker, buffers);
                }

                return worker;
            },
            worker =>
            {
                if (fans is not null && worker.Fans is { } own)
                {
                    // Integer counts: adding the workers' sketches in any order gives the same result.
                    lock (fans)
                    {
                        for (var i = 0; i < own.Length; i++)
                        {
                            fans[i] += own[i];
                        }
                    }

                    _fanPool.Add(own);
                }
            });
    }

    private long[] RentFans(int length)
    {
        while (_fanPool.TryTake(out var counts))
        {
            if (counts.Length == length)
            {
                Array.Clear(counts);
                return counts;
            }
        }

        return new long[length];
    }

    private sealed class Worker(VectorLane[] memory, long[]? fans, SweepPlan plan)
    {
        public VectorLane[] Memory { get; } = memory;

        public long[]? Fans { get; } = fans;

        /// <summary>Each axis's value at the next scenario, stepped like an odometer from a work item's first scenario.</summary>
        public OdometerCursor<PlanAxes, CursorMemory> Axes = new(new PlanAxes(plan), new CursorMemory(new long[2 * plan.AxisSlots.Length]));
    }

    /// <summary>Runs one group of up to <see cref="VectorLane.Width"/> scenarios (a model's <see cref="ComputeGroup{TModel}"/>).</summary>
    private delegate void GroupRun(SweepPlan plan, int local, int valid, VectorLane[] broadcast, int[] factorSlots, Worker worker, ChunkBuffers buffers);

    /// <summary>Picks <see cref="ComputeGroup{TModel}"/> for a plan's model, once per chunk.</summary>
    private sealed class GroupRunner : IModelVisitor<GroupRun>
    {
        public static GroupRunner Instance { get; } = new();

        public GroupRun Visit<TModel>()
            where TModel : struct, IModel => ComputeGroup<TModel>;
    }

    private static void ComputeGroup<TModel>(SweepPlan plan, int local, int valid, VectorLane[] broadcast, int[] factorSlots, Worker worker, ChunkBuffers buffers)
        where TModel : struct, IModel
    {
        var memory = worker.Memory;
        Array.Copy(broadcast, memory, TModel.ParamSlotCount);
        foreach (var factor in factorSlots)
        {
            memory[factor] = broadcast[factor];
        }

        // Lanes past the chunk's end repeat its last scenario; their results are discarded.
        var width = VectorLane.Width;
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
            memory[plan.AxisSlots[a]] = new VectorLane(new Vector<float>(lanes.Slice(a * width, width)));
            if (plan.AxisFactorSlots[a] >= 0)
            {
                memory[plan.AxisFactorSlots[a]] = new VectorLane(new Vector<float>(factors.Slice(a * width, width)));
            }
        }

        var shape = plan.Shape;
        var store = new CpuStore(memory, TModel.SlotCount);
        if (worker.Fans is { } fanCounts)
        {
            var fans = new CpuFans(fanCounts, valid, shape.Regions);
            TModel.Run<VectorLane, Vector<int>, CpuStore, CpuFans>(store, shape, ref fans);
        }
        else if (buffers.Series is { } seriesOut)
        {
            var series = new CpuSeries(seriesOut, local, valid, shape.Months, plan.SeriesWidth);
            TModel.Run<VectorLane, Vector<int>, CpuStore, CpuSeries>(store, shape, ref series);
        }
        else
        {
            var none = default(NoSeries<VectorLane>);
            TModel.Run<VectorLane, Vector<int>, CpuStore, NoSeries<VectorLane>>(store, shape, ref none);
        }

        for (var c = 0; c < buffers.Outcomes.Length; c++)
        {
            var value = memory[TModel.OutcomeSlot(c, shape.Regions)].Value;
            var column = buffers.Outcomes[c].AsSpan(local);
            if (valid == VectorLane.Width)
            {
                value.CopyTo(column);
            }
            else
            {
                for (var j = 0; j < valid; j++)
                {
                    column[j] = value[j];
                }
            }
        }
    }
}
