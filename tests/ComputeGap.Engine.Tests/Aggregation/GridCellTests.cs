using ComputeGap.Core.Reduction;
using ComputeGap.Engine.Aggregation;
using ComputeGap.Engine.Backends;
using ComputeGap.Engine.Running;
using ComputeGap.IO.Sensitivity;
using ComputeGap.Sweep.Spec;

namespace ComputeGap.Engine.Tests.Aggregation;

/// <summary>
/// A grid's variance decomposition from aggregates: the cells are the same bits whatever the chunk
/// size, thread count or device split, the decomposition is what the rows give, an additive outcome
/// has no interaction, and aggregates only some of whose parts hold cells give none.
/// </summary>
public sealed class GridCellTests
{
    [Fact]
    public async Task Cells_are_bit_identical_across_chunk_sizes_threads_and_devices()
    {
        var plan = TestSweeps.RandomGrid(seed: 41, horizon: 12, demandValues: 40);
        using var allCores = new CpuBackend();
        using var oneThread = new CpuBackend(maxThreads: 1);
        using var multi = new MultiDeviceBackend([new CpuBackend(maxThreads: 1), new CpuBackend(maxThreads: 1)]);
        var reference = (await AggregateRunner.StateAsync(plan, allCores, new SweepOptions(ChunkSize: 1 << 24))).GridCells;
        Assert.NotNull(reference);
        Assert.Equal(28, reference.Pairs.Count);
        foreach (var (backend, chunk) in new (ISweepBackend, int)[] { (allCores, 1 << 12), (oneThread, 3 << 12), (multi, 10_000), (multi, 1 << 20) })
        {
            var state = await AggregateRunner.StateAsync(plan, backend, new SweepOptions(ChunkSize: chunk));
            Assert.True(reference.ExactlyEquals(state.GridCells!), $"{backend.Name} with chunks of {chunk}");
        }
    }

    /// <summary>
    /// The ILGPU path reduces a chunk's cells on the host while the device computes the next chunk: the
    /// cells are the same bits in chunks of one block or one chunk, and the decomposition is the CPU's.
    /// </summary>
    [Fact]
    public async Task The_ilgpu_kernels_give_the_cpu_decomposition_with_cells_reduced_beside_the_device()
    {
        var plan = TestSweeps.RandomGrid(seed: 42, horizon: 12, demandValues: 40);
        using var devices = new Devices();
        using var kernel = devices.Open(BackendChoice.IlgpuCpu, 0, out _);
        using var cpu = new CpuBackend();
        var focus = plan.OutcomeNames[plan.Shape.Focus];
        var expected = (await AggregateRunner.StateAsync(plan, cpu, new SweepOptions(ChunkSize: 1 << 13))).GridCells!.Decompose(focus)!;
        var small = (await AggregateRunner.StateAsync(plan, kernel, new SweepOptions(ChunkSize: 1 << 12))).GridCells!;
        var whole = (await AggregateRunner.StateAsync(plan, kernel, new SweepOptions(ChunkSize: 1 << 20))).GridCells!;
        Assert.True(plan.ScenarioCount > 4 * (1 << 12));
        Assert.True(small.ExactlyEquals(whole));

        // The kernel and the vector lanes may round the model's float32 operations differently.
        AssertClose(expected, small.Decompose(focus)!, 1e-5);
    }

    /// <summary>Blocks whose shares are all finite share one count per cell; others count each share's own.</summary>
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Aggregates_decompose_every_share_as_the_rows_do_non_finite_values_left_out(bool nonFinite)
    {
        var plan = AggregateFixture.Plan;
        var outcomes = AggregateFixture.Outcomes.Select(c => (float[])c.Clone()).ToArray();
        for (var i = 0; nonFinite && i < outcomes[1].Length; i += 97)
        {
            outcomes[1][i] = i % 2 == 0 ? float.NaN : float.PositiveInfinity;
        }

        var state = new AggregateState(plan, AggregateFixture.Layout);
        foreach (var chunk in AggregateFixture.Chunks(0, AggregateFixture.Blocks, 2, outcomes))
        {
            state.Add(chunk);
        }

        var axes = plan.Spec.Axes.Select(a => a.Column).ToArray();
        var n = (int)plan.ScenarioCount;
        for (var o = 0; o < plan.Shape.Regions; o++)
        {
            var name = plan.OutcomeNames[o];
            var column = outcomes[o];
            Array Column(string c) => c == name
                ? column
                : Enumerable.Range(0, n).Select(i => (double)plan.AxisValue(Array.IndexOf(axes, c), i)).ToArray();
            var rows = GridDecomposition.Compute(name, axes, Column)!;
            AssertClose(rows, state.GridCells!.Decompose(name)!, 1e-9);
        }

        Assert.Null(state.GridCells!.Decompose(plan.OutcomeNames[plan.Shape.Regions]));
    }

    [Fact]
    public void An_additive_outcome_has_its_variance_split_between_its_axes_and_no_interaction()
    {
        // y = a + 10 b on a 4 × 3 grid: Var = Var(a) + 100 Var(b), no interaction (y is stored as a float:
        // the expected values are exact, so they agree to float rounding).
        var plan = new SweepPlan(SweepSpecParser.Parse("""
            {
              "model": "v1", "name": "additive", "horizon_months": 6,
              "axes": [
                { "param": "leakage", "values": [0, 0.1, 0.5, 1] },
                { "param": "ree_export_quota", "values": [0, 0.25, 1] }
              ]
            }
            """, "additive.json"));
        var n = (int)plan.ScenarioCount;
        var outcomes = Enumerable.Range(0, plan.OutcomeCount).Select(_ => new float[n]).ToArray();
        for (var i = 0; i < n; i++)
        {
            outcomes[0][i] = plan.AxisValue(0, i) + (10 * plan.AxisValue(1, i));
        }

        var state = new AggregateState(plan, AggregateBuffers.LayoutFor(plan));
        foreach (var chunk in AggregateFixture.Chunks(0, 1, 1, outcomes, plan))
        {
            state.Add(chunk);
        }

        var grid = state.GridCells!.Decompose(plan.OutcomeNames[0])!;
        double Variance(float[] v) => v.Select(x => (double)x * x).Average() - (v.Average(x => (double)x) * v.Average(x => (double)x));
        var va = Variance([0, 0.1f, 0.5f, 1]);
        var vb = 100 * Variance([0, 0.25f, 1]);
        Assert.Equal(va + vb, grid.Variance, 1e-5);
        Assert.Equal(va / (va + vb), grid.FirstOrder["leakage"], 1e-6);
        Assert.Equal(vb / (va + vb), grid.FirstOrder["ree_export_quota"], 1e-6);
        var pair = Assert.Single(grid.Pairs);
        Assert.Equal(0, pair.S2, 1e-9);
        Assert.Equal(0.5 + 2.5, pair.Means[2][1], 1e-6);
    }

    [Fact]
    public async Task Outcomes_beyond_the_shares_decompose_as_the_rows_do_round_trip_and_do_not_mix_with_other_lists()
    {
        // A month outcome ("never" and NaN-free months left out) and outcomes of large magnitude.
        var plan = AggregateFixture.Plan;
        string[] more = ["ree_depletion_month", "ree_lost_h100e", "global_installed"];
        var state = new AggregateState(plan, AggregateFixture.Layout);
        foreach (var chunk in AggregateFixture.Chunks(0, AggregateFixture.Blocks, 2, decompose: more))
        {
            state.Add(chunk);
        }

        var axes = plan.Spec.Axes.Select(a => a.Column).ToArray();
        var n = (int)plan.ScenarioCount;
        foreach (var name in more)
        {
            var column = AggregateFixture.Outcomes[plan.OutcomeNames.ToList().IndexOf(name)];
            Array Column(string c) => c == name ? column : Enumerable.Range(0, n).Select(i => (double)plan.AxisValue(Array.IndexOf(axes, c), i)).ToArray();
            AssertClose(GridDecomposition.Compute(name, axes, Column, IO.Reports.OutcomeColumns.Never(name))!, state.GridCells!.Decompose(name)!, 1e-9);
        }

        using var dir = new ComputeGap.IO.Tests.TempDirectory();
        await state.WriteAsync(dir.File("default"), AggregateFixture.Metadata());
        var read = await AggregateState.ReadAsync(dir.File("default"));
        Assert.Equal([.. plan.OutcomeNames.Take(plan.Shape.Regions), .. more], read.GridCells!.Names);
        Assert.True(state.ExactlyEquals(read));

        // Parts kept for other outcomes (a resumed run with another --decompose) describe different cells: none.
        var shares = AggregateFixture.State(0, AggregateFixture.Blocks, 2);
        shares.Merge(state);
        Assert.Null(shares.GridCells);
    }

    [Fact]
    public void States_of_which_only_some_hold_cells_merge_to_none()
    {
        var with = AggregateFixture.State(0, 2, 1);
        var without = new AggregateState(AggregateFixture.Plan, AggregateFixture.Layout);
        foreach (var chunk in AggregateFixture.Chunks(2, 3, 1))
        {
            without.Add(chunk with { GridCells = null });
        }

        Assert.NotNull(with.GridCells);
        Assert.Null(without.GridCells);
        with.Merge(without);
        Assert.Null(with.GridCells);

        var empty = new AggregateState(AggregateFixture.Plan, AggregateFixture.Layout);
        empty.Merge(AggregateFixture.State(0, 1, 1));
        Assert.NotNull(empty.GridCells);
        empty.Merge(without);
        Assert.Null(empty.GridCells);
    }

    [Fact]
    public void Fixed_point_units_round_once_to_nearest_and_mark_what_they_cannot_hold()
    {
        static Int128 Units(double x) => GridCells.TryUnits(x, out var units) ? units : throw new ArgumentOutOfRangeException(nameof(x));
        Assert.Equal((Int128)1 << 64, Units(1.0));
        Assert.Equal(-((Int128)3 << 62), Units(-0.75));
        Assert.Equal((Int128)0, Units(Math.ScaleB(1, -65)));  // a half unit: ties to even
        Assert.Equal((Int128)2, Units(Math.ScaleB(3, -65)));  // one and a half units
        Assert.Equal(4096.5, GridCells.ToDouble(Units(4096.5)));
        Assert.False(GridCells.TryUnits(double.NaN, out _));
        Assert.False(GridCells.TryUnits(Math.ScaleB(1, 40), out _));

        // The shift-based conversion gives the runtime's (Int128) conversion of every whole double in range.
        var rng = new Random(9);
        for (var i = 0; i < 100_000; i++)
        {
            var whole = Math.Round(Math.ScaleB(rng.NextDouble() - 0.5, rng.Next(0, 114)));
            Assert.Equal((Int128)whole, GridCells.Whole(whole));
        }

        foreach (var edge in new[] { 0.0, -0.0, 1.0, -1.0, Math.ScaleB(1, 63), -Math.ScaleB(1, 63), Math.ScaleB(1, 113), -Math.ScaleB(1, 113), 9.2233720368547748E18 })
        {
            Assert.Equal((Int128)edge, GridCells.Whole(edge));
        }

        // A block sum beyond 2^40, or totals beyond 128 bits, mark the cells; merged, the mark spreads.
        var cells = AggregateBuffers.GridCellsFor(AggregateFixture.Plan, AggregateFixture.Layout)!;
        cells.Add(0, 0, 1, Math.ScaleB(1, 41));
        Assert.True(cells.OutOfRange);
        var other = new GridCells(cells.Shape);
        other.Add(0, 0, 1, Math.ScaleB(1, 40) - 1);
        for (var i = 0; i < 30 && !other.OutOfRange; i++)
        {
            other.Merge(other); // doubles every sum: 2^104 units reach 2^127 after 23 doublings
        }

        Assert.True(other.OutOfRange);
        var clean = new GridCells(cells.Shape);
        clean.Merge(cells);
        Assert.True(clean.OutOfRange);
        Assert.Null(clean.Decompose(AggregateFixture.Plan.OutcomeNames[0]));
    }

    [Fact]
    public async Task A_test_function_beyond_the_fixed_point_range_runs_and_reports_no_decomposition()
    {
        // Ishigami with b = 10^10: y reaches 3·10^15 per scenario, beyond what the cells hold; the sweep
        // still runs on every path, and its aggregates keep no cells (the first version failed the sweep).
        var plan = new SweepPlan(Sweep.Spec.SweepSpecParser.Parse("""
            { "model": "ishigami", "name": "big", "set": { "b": 1e10, "x1": 1.5, "x3": 3 },
              "axes": [ { "param": "x2", "range": { "from": -3, "to": 3, "count": 2048 } }, { "param": "a", "values": [1, 2] } ] }
            """, "big.json"));
        Assert.NotNull(AggregateBuffers.GridCellsFor(plan, AggregateBuffers.LayoutFor(plan)));
        using var cpu = new CpuBackend();
        using var devices = new Devices();
        using var kernel = devices.Open(BackendChoice.IlgpuCpu, 0, out _);
        foreach (var (backend, chunk) in new (ISweepBackend, int)[] { (cpu, 1 << 12), (cpu, 1 << 20), (kernel, 1 << 12) })
        {
            var state = await AggregateRunner.StateAsync(plan, backend, new SweepOptions(ChunkSize: chunk));
            Assert.Equal(plan.ScenarioCount, state.Scenarios);
            Assert.Null(state.GridCells);
            var summary = state.ToSummary(Engine.Output.OutputMetadata.For(plan, "test", backend.Device, DateTimeOffset.UnixEpoch));
            Assert.Contains("beyond the cells' range", summary.GridNote!("y"), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_grid_too_long_for_main_effects_keeps_no_cells_and_says_so()
    {
        var plan = new SweepPlan(Sweep.Spec.SweepSpecParser.Parse("""
            { "model": "v1", "name": "long", "horizon_months": 6,
              "axes": [ { "param": "leakage", "range": { "from": 0, "to": 1, "count": 5000 } } ] }
            """, "long.json"));
        Assert.Null(AggregateBuffers.GridCellsFor(plan, AggregateBuffers.LayoutFor(plan)));
        using var cpu = new CpuBackend();
        var state = await AggregateRunner.StateAsync(plan, cpu, new SweepOptions());
        Assert.Null(state.GridCells);
        var summary = state.ToSummary(Engine.Output.OutputMetadata.For(plan, "test", cpu.Device, DateTimeOffset.UnixEpoch));
        Assert.Contains("more than 4096 axis values", summary.GridNote!(plan.OutcomeNames[0]), StringComparison.Ordinal);
    }

    [Fact]
    public void A_share_that_varies_little_or_not_at_all_has_the_variance_the_rows_give()
    {
        var plan = AggregateFixture.Plan;
        var n = (int)plan.ScenarioCount;
        foreach (var spread in new[] { 0.0, 1e-5, 1e-3 })
        {
            var outcomes = AggregateFixture.Outcomes.Select(c => (float[])c.Clone()).ToArray();
            var rng = new Random(3);
            for (var i = 0; i < n; i++)
            {
                outcomes[0][i] = (float)(0.7 + (spread * (plan.AxisValue(0, i) + (0.1 * rng.NextDouble()))));
            }

            var state = new AggregateState(plan, AggregateFixture.Layout);
            foreach (var chunk in AggregateFixture.Chunks(0, AggregateFixture.Blocks, 3, outcomes))
            {
                state.Add(chunk);
            }

            var name = plan.OutcomeNames[0];
            var aggregates = state.GridCells!.Decompose(name)!;
            var values = outcomes[0].Select(v => (double)v).ToArray();
            var mean = values.Average();
            var variance = values.Select(v => (v - mean) * (v - mean)).Average();
            if (spread == 0)
            {
                Assert.Equal(0, aggregates.Variance);
                continue;
            }

            Assert.Equal(variance, aggregates.Variance, variance * 1e-9);
            var axes = plan.Spec.Axes.Select(a => a.Column).ToArray();
            Array Column(string c) => c == name ? outcomes[0] : Enumerable.Range(0, n).Select(i => plan.AxisWritten[plan.AxisOffsets[Array.IndexOf(axes, c)] + AxisPosition(plan, Array.IndexOf(axes, c), i)]).ToArray();
            AssertClose(GridDecomposition.Compute(name, axes, Column)!, aggregates, 1e-6);
        }
    }

    [Fact]
    public async Task The_cpu_workers_and_the_chunk_reducer_give_the_same_cells_and_a_backend_that_skips_them_is_caught()
    {
        var plan = TestSweeps.RandomGrid(seed: 43, horizon: 6, demandValues: 20);
        var layout = AggregateBuffers.LayoutFor(plan);
        const int count = 5 * PartialLayout.BlockSize;
        using var cpu = new CpuBackend();
        AggregateBuffers Target() => new(layout, plan.OutcomeCount, 5, gridCells: AggregateBuffers.GridCellsFor(plan, layout)) { FirstBlock = 0, Blocks = 5, Count = count };
        var workers = Target();
        cpu.ComputeAggregate(plan, 0, count, workers);
        var rows = new ChunkBuffers(plan.OutcomeCount, count, 0) { First = 0, Count = count };
        cpu.Compute(plan, 0, count, rows);
        var reduced = Target();
        GridCellReducer.ReduceChunk(rows.Outcomes, 0, count, reduced.GridCells!, []);
        Assert.True(workers.GridCells!.ExactlyEquals(reduced.GridCells!));
        Assert.NotEqual(0, workers.GridCells!.Count(0, 0));

        // Cells left empty by a backend do not pass for a grid's.
        var state = new AggregateState(plan, layout);
        var skipped = Target();
        cpu.ComputeAggregate(plan, 0, count, skipped);
        skipped.GridCells!.Clear();
        var error = Assert.Throws<ArgumentException>(() => state.Add(skipped.ToChunk()));
        Assert.Contains("grid cells count 0 finite values", error.Message);
        await Task.CompletedTask;
    }

    [Fact]
    public void Axis_values_equal_as_floats_are_one_level_as_the_model_sees_them()
    {
        var plan = new SweepPlan(Sweep.Spec.SweepSpecParser.Parse("""
            { "model": "v1", "name": "repeated", "horizon_months": 6,
              "axes": [ { "param": "leakage", "values": [0.5, 0, 0.50000001, 1] }, { "param": "ree_export_quota", "values": [0, 0.25, 1] } ] }
            """, "repeated.json"));
        var n = (int)plan.ScenarioCount;
        var rng = new Random(4);
        var outcomes = Enumerable.Range(0, plan.OutcomeCount).Select(_ => Enumerable.Range(0, n).Select(_ => (float)rng.NextDouble()).ToArray()).ToArray();
        var state = new AggregateState(plan, AggregateBuffers.LayoutFor(plan));
        foreach (var chunk in AggregateFixture.Chunks(0, 1, 1, outcomes, plan))
        {
            state.Add(chunk);
        }

        var axes = plan.Spec.Axes.Select(a => a.Column).ToArray();
        var name = plan.OutcomeNames[0];
        Array Column(string c) => c == name ? outcomes[0] : Enumerable.Range(0, n).Select(i => (double)plan.AxisValue(Array.IndexOf(axes, c), i)).ToArray();
        var aggregates = state.GridCells!.Decompose(name)!;
        Assert.Equal([0.0, 0.5, 1.0], aggregates.MainEffects[0].Levels.Select(l => l.Value));
        AssertClose(GridDecomposition.Compute(name, axes, Column)!, aggregates, 1e-9);
    }

    private static int AxisPosition(SweepPlan plan, int axis, long scenario) => Core.Designs.ScenarioDesign.Position(plan.Decoder, axis, scenario);

    private static void AssertClose(GridDecomposition expected, GridDecomposition actual, double tolerance)
    {
        static bool Close(double a, double b, double tolerance) =>
            double.IsNaN(a) ? double.IsNaN(b) : Math.Abs(a - b) <= tolerance * Math.Max(1, Math.Abs(a));
        Assert.True(Close(expected.Variance, actual.Variance, tolerance), $"variance {expected.Variance} against {actual.Variance}");
        Assert.Equal(expected.FirstOrder.Keys, actual.FirstOrder.Keys);
        foreach (var (axis, s1) in expected.FirstOrder)
        {
            Assert.True(Close(s1, actual.FirstOrder[axis], tolerance), $"S1 of {axis}: {s1} against {actual.FirstOrder[axis]}");
        }

        var pairs = actual.Pairs.ToDictionary(p => (p.First, p.Second));
        Assert.Equal(expected.Pairs.Count, pairs.Count);
        foreach (var table in expected.Pairs)
        {
            var other = pairs[(table.First, table.Second)];
            Assert.True(Close(table.S2, other.S2, tolerance), $"S2 of {table.First}|{table.Second}: {table.S2} against {other.S2}");
            Assert.Equal(table.FirstValues.Count, other.FirstValues.Count);
            for (var i = 0; i < table.Means.Length; i++)
            {
                Assert.True(Math.Abs(table.FirstValues[i] - other.FirstValues[i]) <= 1e-6 * Math.Max(1, Math.Abs(table.FirstValues[i])));
                for (var j = 0; j < table.Means[i].Length; j++)
                {
                    Assert.True(Close(table.Means[i][j], other.Means[i][j], tolerance), $"{table.First}|{table.Second} [{i}][{j}]");
                }
            }
        }
    }
}
