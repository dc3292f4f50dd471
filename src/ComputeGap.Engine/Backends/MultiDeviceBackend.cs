using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;
using ComputeGap.Core.Reduction;
using ComputeGap.Engine.Running;

namespace ComputeGap.Engine.Backends;

/// <summary>
/// Spreads every chunk over several devices. Each inner backend is driven by its own dedicated,
/// long-running worker thread, which binds the device to itself once (for ILGPU,
/// <c>Accelerator.Bind()</c>) and then runs every sub-range that device gets.
/// </summary>
/// <remarks>
/// A chunk is cut into one contiguous sub-range per device on block boundaries
/// (<see cref="PartialLayout.BlockSize"/>, counted from the chunk's first scenario), the devices
/// compute their sub-ranges concurrently into their own reused buffers, and the results are copied
/// to the caller's buffers at the right offsets. Every scenario and every block is computed exactly
/// as one device would compute it (block partials depend only on the block's scenarios; sketch
/// counts are integers, added in any order), so results are bit-identical to a single device of the
/// same kind whatever the split.
/// </remarks>
public sealed class MultiDeviceBackend : ISweepBackend
{
    private readonly Worker[] _workers;
    private bool _disposed;

    /// <summary>Takes ownership of <paramref name="devices"/>: one worker thread per backend, in this order.</summary>
    public MultiDeviceBackend(IReadOnlyList<ISweepBackend> devices)
    {
        ArgumentOutOfRangeException.ThrowIfZero(devices.Count);
        _workers = [.. devices.Select((backend, i) => new Worker(backend, i))];
        Name = devices[0].Name;
        Device = $"{devices.Count} devices: " + string.Join(" | ", devices.Select((d, i) => $"[{i}] {d.Device}"));
    }

    public string Name { get; }

    public string Device { get; }

    /// <summary>Devices the chunks are spread over.</summary>
    public int DeviceCount => _workers.Length;

    /// <summary>The inner backends, in worker order.</summary>
    public IReadOnlyList<ISweepBackend> Inner => [.. _workers.Select(w => w.Backend)];

    public void Compute(SweepPlan plan, long first, int count, ChunkBuffers buffers)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, buffers.Capacity);
        ObjectDisposedException.ThrowIf(_disposed, this);
        var perScenario = buffers.Series is null ? 0 : plan.SeriesPerScenario;
        var capacity = Math.Min(buffers.Capacity, BlocksPerWorker(Blocks(buffers.Capacity), PartialLayout.BlockSize) * PartialLayout.BlockSize);
        Run(count, PartialLayout.BlockSize, (worker, start, length) =>
        {
            var local = worker.RowBuffers(plan.OutcomeCount, capacity, perScenario);
            local.First = first + start;
            local.Count = length;
            worker.Backend.Compute(plan, local.First, length, local);
            for (var c = 0; c < buffers.Outcomes.Length; c++)
            {
                Array.Copy(local.Outcomes[c], 0, buffers.Outcomes[c], start, length);
            }

            if (buffers.Series is { } series)
            {
                Array.Copy(local.Series!, 0, series, (long)start * perScenario, (long)length * perScenario);
            }
        });
    }

    public void ComputeAggregate(SweepPlan plan, long first, int count, AggregateBuffers target)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (first % PartialLayout.BlockSize != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(first), $"aggregate chunks start on a block boundary ({PartialLayout.BlockSize}); got {first}");
        }

        var layout = target.Layout;
        // Each device takes whole blocks, and whole sensitivity units when the chunk's records are kept.
        var piece = target.Units is { } units ? Lcm(PartialLayout.BlockSize, units.UnitEvaluations) : PartialLayout.BlockSize;
        var capacityBlocks = BlocksPerWorker(target.CapacityBlocks, piece);
        var fanSketches = (int)((target.Fans?.LongLength ?? 0) / QuantileSketch.Length);
        var used = Run(count, piece, (worker, start, length) =>
        {
            var local = worker.AggregateBuffers(layout, target.Sketch.Length / QuantileSketch.Length, capacityBlocks, fanSketches, target.Outcomes is not null, target.GridCells, target.KeptColumns, target.Units);
            local.FirstBlock = (first + start) / PartialLayout.BlockSize;
            local.Blocks = Blocks(length);
            local.Count = length;
            worker.Backend.ComputeAggregate(plan, first + start, length, local);
            var offset = (long)(start / PartialLayout.BlockSize) * layout.Length;
            Array.Copy(local.Partials, 0, target.Partials, offset, (long)local.Blocks * layout.Length);
            for (var c = 0; c < (target.Outcomes?.Length ?? 0); c++)
            {
                if (target.Outcomes![c].Length > 0)
                {
                    Array.Copy(local.Outcomes![c], 0, target.Outcomes[c], start, length);
                }
            }

            if (target.Units is { } kept)
            {
                var records = kept.RecordLength(length / kept.UnitEvaluations);
                Array.Copy(local.Sensitivity!, 0, target.Sensitivity!, kept.RecordLength(start / kept.UnitEvaluations), records);
            }
        });

        // Sketch and fan counts are integers: adding the devices' counts gives one device's counts.
        Array.Clear(target.Sketch);
        if (target.Fans is { } fans)
        {
            Array.Clear(fans);
        }

        target.GridCells?.Clear();
        for (var w = 0; w < used; w++)
        {
            var local = _workers[w].Aggregate!;
            local.CellsReduced.GetAwaiter().GetResult();
            target.GridCells?.Merge(local.GridCells!);
            Add(local.Sketch, target.Sketch);
            if (target.Fans is { } total)
            {
                Add(local.Fans!, total);
            }
        }
    }

    /// <summary>Stops the worker threads; each disposes its backend on its own thread.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        foreach (var worker in _workers)
        {
            worker.Stop();
        }

        foreach (var worker in _workers)
        {
            worker.Join();
        }
    }

    /// <summary>
    /// Splits <c>[0, count)</c> into contiguous sub-ranges of whole pieces of <paramref name="piece"/> scenarios
    /// (whole blocks, and whole sensitivity units when kept; the last piece may be short), one per worker
    /// (as even as pieces allow; workers past the last piece get none), runs <paramref name="work"/> on every
    /// worker's thread concurrently and waits for all; rethrows the first worker's failure.
    /// Returns the number of workers used (always the first ones).
    /// </summary>
    private int Run(int count, int piece, Action<Worker, int, int> work)
    {
        var pieces = (int)(((long)count + piece - 1) / piece);
        var used = Math.Max(1, Math.Min(_workers.Length, pieces));
        var tasks = new Task[used];
        for (var w = 0; w < used; w++)
        {
            var start = (int)Math.Min(count, (long)w * pieces / used * piece);
            var end = (int)Math.Min(count, (long)(w + 1) * pieces / used * piece);
            var worker = _workers[w];
            tasks[w] = worker.Post(() => work(worker, start, end - start));
        }

        try
        {
            Task.WaitAll(tasks);
        }
        catch (AggregateException)
        {
            // Every worker has finished (none still writes into the caller's buffers): rethrow the first failure as it was.
            var failure = tasks.First(t => t.IsFaulted).Exception!.InnerExceptions[0];
            ExceptionDispatchInfo.Capture(failure).Throw();
        }

        return used;
    }

    private static void Add(long[] counts, long[] total)
    {
        for (var i = 0; i < counts.Length; i++)
        {
            total[i] += counts[i];
        }
    }

    private static int Blocks(int count) => (int)(((long)count + PartialLayout.BlockSize - 1) / PartialLayout.BlockSize);

    /// <summary>The blocks one worker's share of <paramref name="blocks"/> blocks may take when shares are whole pieces of <paramref name="piece"/> scenarios.</summary>
    private int BlocksPerWorker(int blocks, int piece)
    {
        var pieces = ((long)blocks * PartialLayout.BlockSize + piece - 1) / piece;
        var share = (pieces + _workers.Length - 1) / _workers.Length;
        return (int)Math.Max(1, ((share * piece) + PartialLayout.BlockSize - 1) / PartialLayout.BlockSize);
    }

    private static int Lcm(int a, int b)
    {
        var (x, y) = (a, b);
        while (y != 0)
        {
            (x, y) = (y, x % y);
        }

        return checked(a / x * b);
    }

    /// <summary>One device: its backend, its dedicated thread and queue, and its reused host buffers.</summary>
    private sealed class Worker
    {
        private readonly BlockingCollection<(Action Work, TaskCompletionSource Done)> _queue = [];
        private readonly Thread _thread;

        public Worker(ISweepBackend backend, int index)
        {
            Backend = backend;
            _thread = new Thread(Loop) { IsBackground = true, Name = $"computegap device {index}" };
            _thread.Start();
        }

        public ISweepBackend Backend { get; }

        public ChunkBuffers? Rows { get; private set; }

        public AggregateBuffers? Aggregate { get; private set; }

        public Task Post(Action work)
        {
            var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _queue.Add((work, done));
            return done.Task;
        }

        /// <summary>Row buffers of at least <paramref name="capacity"/> scenarios, reallocated only when the shape changes.</summary>
        public ChunkBuffers RowBuffers(int outcomes, int capacity, int perScenario)
        {
            if (Rows is null || Rows.Capacity != capacity || Rows.Outcomes.Length != outcomes || (Rows.Series?.LongLength ?? 0) != (long)capacity * perScenario)
            {
                Rows = new ChunkBuffers(outcomes, capacity, perScenario);
            }

            return Rows;
        }

        /// <summary>Aggregate buffers of <paramref name="capacityBlocks"/> blocks, reallocated only when the shape changes.</summary>
        public AggregateBuffers AggregateBuffers(PartialLayout layout, int outcomes, int capacityBlocks, int fanSketches, bool keepOutcomes, Aggregation.GridCells? gridCells,
            IReadOnlyList<int>? keptColumns, SensitivityUnits? sensitivity)
        {
            if (Aggregate is null || Aggregate.Layout != layout || Aggregate.CapacityBlocks != capacityBlocks || Aggregate.Sketch.Length != outcomes * QuantileSketch.Length
                || (Aggregate.Fans?.LongLength ?? 0) != (long)fanSketches * QuantileSketch.Length || (Aggregate.Outcomes is not null) != keepOutcomes
                || (Aggregate.GridCells is null ? gridCells is not null : gridCells is null || !Aggregate.GridCells.SameLayout(gridCells))
                || !(Aggregate.KeptColumns ?? []).SequenceEqual(keptColumns ?? []) || !Nullable.Equals(Aggregate.Units, sensitivity))
            {
                Aggregate = new AggregateBuffers(layout, outcomes, capacityBlocks, fanSketches, keepOutcomes, gridCells?.EmptyLike(), keptColumns, sensitivity);
            }

            return Aggregate;
        }

        public void Stop() => _queue.CompleteAdding();

        public void Join()
        {
            _thread.Join();
            _queue.Dispose();
        }

        private void Loop()
        {
            try
            {
                // Bind once: every later call of this device runs on this thread. If binding fails,
                // every request fails with that error rather than leaving its caller waiting.
                Exception? broken = null;
                try
                {
                    (Backend as IlgpuBackend)?.BindToCurrentThread();
                }
#pragma warning disable CA1031 // A worker reports every failure to the waiting caller instead of dying with it.
                catch (Exception e)
                {
                    broken = e;
                }

                foreach (var (work, done) in _queue.GetConsumingEnumerable())
                {
                    try
                    {
                        if (broken is not null)
                        {
                            ExceptionDispatchInfo.Throw(broken);
                        }

                        work();
                        done.SetResult();
                    }
                    catch (Exception e)
                    {
                        done.SetException(e);
                    }
                }
#pragma warning restore CA1031
            }
            finally
            {
                Backend.Dispose();
            }
        }
    }
}
