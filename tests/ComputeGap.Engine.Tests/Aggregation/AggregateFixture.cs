using ComputeGap.Core.Reduction;
using ComputeGap.Engine.Aggregation;
using ComputeGap.Engine.Output;
using ComputeGap.Engine.Running;
using ComputeGap.IO.Parquet;
using ComputeGap.IO.Reports;
using ComputeGap.Sweep.Spec;

namespace ComputeGap.Engine.Tests.Aggregation;

/// <summary>
/// A sweep of 20,160 scenarios (4.9 blocks) with synthetic outcome columns that exercise every
/// reduction: ties in the focus share, months with "never", infinities, NaN, zeros, negative values
/// and sums over a wide range of magnitudes. Block records come from the real <see cref="BlockReducer"/>.
/// </summary>
internal static class AggregateFixture
{
    public static SweepPlan Plan { get; } = new(SweepSpecParser.Parse("""
        {
          "model": "v1", "name": "aggregate-fixture",
          "horizon_months": 72,
          "axes": [
            { "param": "ree_export_quota", "range": { "from": 0, "to": 1, "count": 16 } },
            { "param": "dc_growth[EU]", "range": { "from": 0.2, "to": 1.1, "count": 10 } },
            { "param": "leakage", "values": [0, 0.1, 0.25, 0.5, 0.75, 1] },
            { "param": "supply_growth", "values": [0.1, 0.3, 0.5, 0.7, 0.9, 1.1, 1.3] },
            { "param": "bubble_month", "values": [-1, 12, 24] }
          ]
        }
        """, "aggregate-fixture.json"));

    public static PartialLayout Layout { get; } = AggregateBuffers.LayoutFor(Plan);

    public static long Scenarios => Plan.ScenarioCount;

    public static int Blocks => (int)((Scenarios + PartialLayout.BlockSize - 1) / PartialLayout.BlockSize);

    public static float[][] Outcomes { get; } = Synthesize(Plan, seed: 7);

    public static IReadOnlyDictionary<string, string> Metadata(string sweepSha = "sha-a") =>
        new Dictionary<string, string>(OutputMetadata.For(Plan, "test", "synthetic", new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero)))
        {
            [MetadataKeys.SweepSha256] = sweepSha,
        };

    /// <summary>One chunk per <paramref name="blocksPerChunk"/> blocks of <c>[firstBlock, endBlock)</c>.</summary>
    public static List<AggregateChunk> Chunks(int firstBlock, int endBlock, int blocksPerChunk, float[][]? outcomes = null, SweepPlan? plan = null, IReadOnlyList<string>? decompose = null)
    {
        plan ??= Plan;
        outcomes ??= Outcomes;
        var layout = AggregateBuffers.LayoutFor(plan);
        var scenarios = outcomes[0].Length;
        var chunks = new List<AggregateChunk>();
        for (var start = firstBlock; start < endBlock; start += blocksPerChunk)
        {
            var blocks = Math.Min(blocksPerChunk, endBlock - start);
            var partials = new double[blocks * layout.Length];
            var sketch = new long[plan.OutcomeCount * QuantileSketch.Length];
            var counts = new SketchArray(sketch);
            var cursor = new OdometerCursor<HostScenarioDesign, ArrayCursorMemory>(plan.Decoder, new ArrayCursorMemory(new long[2 * MainEffects.MaxAxes]));
            for (var b = 0; b < blocks; b++)
            {
                var first = (long)(start + b) * PartialLayout.BlockSize;
                var count = (int)Math.Min(PartialLayout.BlockSize, scenarios - first);
                var part = new RecordArray(partials, b * layout.Length);
                for (var column = 0; column < plan.OutcomeCount; column++)
                {
                    BlockReducer.ReduceColumn(new ColumnArrays(outcomes), plan.Decoder, ref cursor, ref part, ref counts, layout,
                        column, plan.Keys, new HostThresholds(plan.Thresholds), first, (int)first, count);
                }
            }

            // The grid's cells, through the reducer GPU backends run on the outcomes they copy back.
            var cells = AggregateBuffers.GridCellsFor(plan, layout, decompose)!;
            var firstScenario = (long)start * PartialLayout.BlockSize;
            var chunkScenarios = (int)Math.Min((long)blocks * PartialLayout.BlockSize, scenarios - firstScenario);
            GridCellReducer.ReduceChunk([.. outcomes.Select(c => c.AsSpan((int)firstScenario, chunkScenarios).ToArray())], firstScenario, chunkScenarios, cells, []);
            chunks.Add(new AggregateChunk(start, blocks, partials, sketch) { GridCells = cells });
        }

        return chunks;
    }

    /// <summary>The state of blocks <c>[firstBlock, endBlock)</c>, added <paramref name="blocksPerChunk"/> at a time.</summary>
    public static AggregateState State(int firstBlock, int endBlock, int blocksPerChunk)
    {
        var state = new AggregateState(Plan, Layout);
        foreach (var chunk in Chunks(firstBlock, endBlock, blocksPerChunk))
        {
            state.Add(chunk);
        }

        return state;
    }

    /// <summary>The rows a row-output sweep would write for the same outcomes.</summary>
    public static ColumnTable Rows()
    {
        var n = (int)Scenarios;
        var columns = new List<TableColumn> { new("scenario", ColumnType.Int64, Enumerable.Range(0, n).Select(i => (long)i).ToArray()) };
        for (var a = 0; a < Plan.Spec.Axes.Count; a++)
        {
            columns.Add(new TableColumn(Plan.Spec.Axes[a].Column, ColumnType.Float32, Enumerable.Range(0, n).Select(i => Plan.AxisValue(a, i)).ToArray()));
        }

        for (var o = 0; o < Plan.OutcomeCount; o++)
        {
            columns.Add(OutcomeColumns.IsMonth(Plan.OutcomeNames[o])
                ? new TableColumn(Plan.OutcomeNames[o], ColumnType.Int32, Outcomes[o].Select(v => (int)v).ToArray())
                : new TableColumn(Plan.OutcomeNames[o], ColumnType.Float32, Outcomes[o]));
        }

        return new ColumnTable(columns, n, Metadata());
    }

    private static float[][] Synthesize(SweepPlan plan, int seed)
    {
        var rng = new Random(seed);
        var n = (int)plan.ScenarioCount;
        var regions = plan.Shape.Regions;
        var columns = Enumerable.Range(0, plan.OutcomeCount).Select(_ => new float[n]).ToArray();
        float Uniform(double lo, double hi) => (float)(lo + (rng.NextDouble() * (hi - lo)));
        for (var i = 0; i < n; i++)
        {
            var weights = Enumerable.Range(0, regions).Select(_ => rng.NextDouble() + 0.01).ToArray();
            var total = weights.Sum();
            for (var r = 0; r < regions; r++)
            {
                columns[r][i] = (float)(weights[r] / total);
            }

            // Coarse focus shares: many ties, for the extremes' tie-breaks.
            var focus = plan.Shape.Focus;
            columns[focus][i] = MathF.Round(columns[focus][i] * 200) / 200;
            var s = regions;
            columns[s][i] = columns[focus][i] * Uniform(0.5, 1);                                   // focus_share_min
            columns[s + 1][i] = Uniform(0, 2);                                                       // focus_coverage
            columns[s + 2][i] = rng.Next(10) == 0 ? 0 : Uniform(-0.5, 0.5);                          // focus_cloud_dependency
            columns[s + 3][i] = rng.Next(5) < 2 ? -1 : rng.Next(72);                                 // focus_target_month
            columns[s + 4][i] = rng.Next(10) < 7 ? -1 : rng.Next(72);                                // ree_depletion_month
            columns[s + 5][i] = rng.Next(8) == 0 ? 0 : (float)Math.Exp(Uniform(7, 16));             // ree_lost_h100e
            columns[s + 6][i] = Uniform(1e6f, 1e8f);                                                 // global_installed
            columns[s + 7][i] = rng.Next(50) == 0 ? float.PositiveInfinity : Uniform(0.2f, 5);      // rival_ratio
            columns[s + 8][i] = rng.Next(100) == 0 ? float.NaN : (float)Math.Exp(Uniform(-14, 14)); // supply_slack
        }

        return columns;
    }
}
