using ComputeGap.Core.Reduction;
using ComputeGap.IO.Parquet;

namespace ComputeGap.Engine.Aggregation;

/// <summary>
/// Writes an <see cref="AggregateState"/> as small Parquet tables, one file per table of
/// <see cref="AggregateFiles.Tables"/>. Each table holds what people read (means, quantiles…) and the
/// mergeable form the reader rebuilds the exact state from (integer counts, exact sums as text,
/// sketch counts), so parts written by shards merge exactly.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item><c>outcomes</c>: outcome, count, non_finite, never, sum, mean, min, max, p5, p25, p50, p75, p95 as
/// <c>summarize</c> reports them (month outcomes leave −1 "never" out), then the mergeable state over every
/// finite value: finite, finite_sum (exact, as canonical double parts separated by spaces), finite_min, finite_max.</item>
/// <item><c>sketch</c>: outcome, slot, count; non-zero slots only (<see cref="QuantileSketch"/>).</item>
/// <item><c>effects</c>: axis, level (position in the axis), value, outcome, count (scenarios with the value),
/// finite, sum, mean, sum_exact; empty when the sweep has too many axis values for main effects.</item>
/// <item><c>thresholds</c>: name, outcome, comparison (<c>below</c> or <c>at_least</c>), bound, from (the least value counted from below: −∞, 0 for months), count (scenarios with from ≤ outcome &lt; bound, or outcome ≥ bound), total.</item>
/// <item><c>extremes</c>: kind (best or worst), rank, scenario, focus_share, then each axis's value.</item>
/// </list>
/// Every file carries the caller's metadata plus <c>output = aggregate</c> and the shape
/// (<see cref="AggregateShape.MetadataKey"/>). Files are written under temporary names and renamed only
/// once all five are complete.
/// </remarks>
internal static class AggregateWriter
{
    public static async Task<IReadOnlyList<string>> WriteAsync(AggregateState state, string stem,
        IReadOnlyDictionary<string, string> metadata, ParquetCompression compression, CancellationToken cancellationToken)
    {
        var meta = new Dictionary<string, string>(metadata, StringComparer.Ordinal)
        {
            [AggregateFiles.OutputKey] = AggregateFiles.OutputValue,
            [AggregateShape.MetadataKey] = state.Shape.ToJson(),
        };
        var tables = new List<(string Name, ColumnSpec[] Columns, Array[] Values, int Rows)>
        {
            Outcomes(state),
            Sketch(state),
            Effects(state),
            ThresholdTable(state),
            Extremes(state),
        };
        if (state.Fans is { } fans)
        {
            tables.Add(FanTables.Quantiles(fans, FanTables.RegionNames(state.Shape)));
            tables.Add(FanTables.Counts(fans));
        }

        if (state.Sensitivity is { } sensitivity)
        {
            tables.Add(SensitivityTable.Write(sensitivity));
        }

        if (state.Where is { } where)
        {
            tables.Add(WhereTable.Write(where));
        }

        if (state.GridCells is { OutOfRange: false } cells)
        {
            tables.Add(GridCellTable.Write(cells));
        }

        if (state.Policies is { } policies)
        {
            if (!policies.IsSettled)
            {
                throw new InvalidOperationException("a window of futures is half compared: aggregates in future order are written at window boundaries");
            }

            tables.Add(PolicyTable.Write(policies));
        }

        var writers = new List<ParquetTableWriter>();
        try
        {
            foreach (var (name, columns, values, rows) in tables)
            {
                var writer = await ParquetTableWriter.CreateAsync(AggregateFiles.PathOf(stem, name), columns, meta, compression, cancellationToken)
                    .ConfigureAwait(false);
                writers.Add(writer);
                await writer.WriteRowGroupAsync(values, rows, cancellationToken).ConfigureAwait(false);
            }

            var committed = new List<string>();
            try
            {
                foreach (var writer in writers)
                {
                    await writer.CommitAsync(cancellationToken).ConfigureAwait(false);
                    committed.Add(writer.Path);
                }
            }
            catch
            {
                // A part is its tables together: when one fails to commit (a full disk), the ones already
                // renamed into place go too, so no table is visible that the manifest does not list.
                foreach (var path in committed)
                {
                    TryDelete(path);
                }

                throw;
            }

            return [.. writers.Select(w => w.Path)];
        }
        finally
        {
            // Release every writer even when one fails (a full disk): none may stay open or leave its temporary file.
            foreach (var writer in writers)
            {
                try
                {
                    await writer.DisposeAsync().ConfigureAwait(false);
                }
                catch (IOException)
                {
                    // Disposing deletes the temporary file; a failure here must not hide the first error.
                }
            }
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // Best effort: the commit's own failure is what the caller reports.
        }
    }

    private static (string, ColumnSpec[], Array[], int) Outcomes(AggregateState state)
    {
        var n = state.Shape.Outcomes.Count;
        var stats = Enumerable.Range(0, n).Select(o => (Stats: AggregateSummary.Outcome(state, o, out var sum), Sum: sum)).ToArray();
        ColumnSpec[] columns =
        [
            new("outcome", ColumnType.String), new("count", ColumnType.Int64), new("non_finite", ColumnType.Int64),
            new("never", ColumnType.Int64), new("sum", ColumnType.Float64), new("mean", ColumnType.Float64),
            new("min", ColumnType.Float64), new("max", ColumnType.Float64), new("p5", ColumnType.Float64),
            new("p25", ColumnType.Float64), new("p50", ColumnType.Float64), new("p75", ColumnType.Float64),
            new("p95", ColumnType.Float64), new("finite", ColumnType.Int64), new("finite_sum", ColumnType.String),
            new("finite_min", ColumnType.Float64), new("finite_max", ColumnType.Float64),
        ];
        Array[] values =
        [
            stats.Select(s => s.Stats.Name).ToArray(), stats.Select(s => s.Stats.Count).ToArray(),
            stats.Select(s => s.Stats.NonFiniteCount).ToArray(), stats.Select(s => s.Stats.NeverCount).ToArray(),
            stats.Select(s => s.Stats.Count == 0 ? 0 : s.Sum).ToArray(), stats.Select(s => s.Stats.Mean).ToArray(),
            stats.Select(s => s.Stats.Min).ToArray(), stats.Select(s => s.Stats.Max).ToArray(),
            stats.Select(s => s.Stats.P5).ToArray(), stats.Select(s => s.Stats.P25).ToArray(),
            stats.Select(s => s.Stats.P50).ToArray(), stats.Select(s => s.Stats.P75).ToArray(),
            stats.Select(s => s.Stats.P95).ToArray(),
            Enumerable.Range(0, n).Select(state.FiniteCount).ToArray(),
            Enumerable.Range(0, n).Select(o => state.SumOf(o).ToExactString()).ToArray(),
            Enumerable.Range(0, n).Select(state.Min).ToArray(), Enumerable.Range(0, n).Select(state.Max).ToArray(),
        ];
        return (AggregateFiles.Outcomes, columns, values, n);
    }

    private static (string, ColumnSpec[], Array[], int) Sketch(AggregateState state)
    {
        var outcome = new List<string>();
        var slot = new List<int>();
        var count = new List<long>();
        for (var o = 0; o < state.Shape.Outcomes.Count; o++)
        {
            var sketch = state.Sketch(o);
            for (var s = 0; s < sketch.Length; s++)
            {
                if (sketch[s] != 0)
                {
                    outcome.Add(state.Shape.Outcomes[o]);
                    slot.Add(s);
                    count.Add(sketch[s]);
                }
            }
        }

        return (AggregateFiles.Sketch,
            [new("outcome", ColumnType.String), new("slot", ColumnType.Int32), new("count", ColumnType.Int64)],
            [outcome.ToArray(), slot.ToArray(), count.ToArray()], count.Count);
    }

    private static (string, ColumnSpec[], Array[], int) Effects(AggregateState state)
    {
        var shape = state.Shape;
        var rows = new List<(string Axis, int Level, float Value, string Outcome, long Count, long Finite, ExactSum Sum)>();
        for (var a = 0; a < shape.Axes.Count && shape.HasEffects; a++)
        {
            for (var p = 0; p < shape.Axes[a].Values.Count; p++)
            {
                var v = shape.AxisOffsets[a] + p;
                for (var o = 0; o < shape.Outcomes.Count; o++)
                {
                    rows.Add((shape.Axes[a].Column, p, shape.Axes[a].Values[p], shape.Outcomes[o], state.EffectCount(v),
                        state.EffectFinite(v, o), state.EffectSumOf(v, o)));
                }
            }
        }

        var sums = rows.Select(r => r.Sum.Round()).ToArray();
        ColumnSpec[] columns =
        [
            new("axis", ColumnType.String), new("level", ColumnType.Int32), new("value", ColumnType.Float32),
            new("outcome", ColumnType.String), new("count", ColumnType.Int64), new("finite", ColumnType.Int64),
            new("sum", ColumnType.Float64), new("mean", ColumnType.Float64), new("sum_exact", ColumnType.String),
        ];
        Array[] values =
        [
            rows.Select(r => r.Axis).ToArray(), rows.Select(r => r.Level).ToArray(), rows.Select(r => r.Value).ToArray(),
            rows.Select(r => r.Outcome).ToArray(), rows.Select(r => r.Count).ToArray(), rows.Select(r => r.Finite).ToArray(),
            sums, rows.Select((r, i) => r.Finite == 0 ? double.NaN : sums[i] / r.Finite).ToArray(),
            rows.Select(r => r.Sum.ToExactString()).ToArray(),
        ];
        return (AggregateFiles.Effects, columns, values, rows.Count);
    }

    private static (string, ColumnSpec[], Array[], int) ThresholdTable(AggregateState state)
    {
        var shape = state.Shape;
        var tests = shape.Thresholds;
        var j = Enumerable.Range(0, tests.Count).ToArray();
        return (AggregateFiles.Thresholds,
            [new("name", ColumnType.String), new("outcome", ColumnType.String), new("comparison", ColumnType.String),
             new("bound", ColumnType.Float64), new("from", ColumnType.Float64), new("count", ColumnType.Int64), new("total", ColumnType.Int64)],
            [j.Select(i => tests[i].Name(shape.Outcomes)).ToArray(), j.Select(i => shape.Outcomes[tests[i].Column]).ToArray(),
             j.Select(i => Running.RunThresholds.ComparisonName(tests[i])).ToArray(),
             j.Select(i => (double)tests[i].Bound).ToArray(), j.Select(i => (double)tests[i].Floor).ToArray(), j.Select(state.ThresholdCount).ToArray(),
             j.Select(_ => state.Scenarios).ToArray()],
            j.Length);
    }

    private static (string, ColumnSpec[], Array[], int) Extremes(AggregateState state)
    {
        var shape = state.Shape;
        var rows = state.Best.Select((e, rank) => (Kind: "best", Rank: rank, Extreme: e))
            .Concat(state.Worst.Select((e, rank) => (Kind: "worst", Rank: rank, Extreme: e)))
            .ToArray();
        var columns = new List<ColumnSpec>
        {
            new("kind", ColumnType.String), new("rank", ColumnType.Int32), new("scenario", ColumnType.Int64), new("focus_share", ColumnType.Float64),
        };
        var values = new List<Array>
        {
            rows.Select(r => r.Kind).ToArray(), rows.Select(r => r.Rank).ToArray(),
            rows.Select(r => r.Extreme.Scenario).ToArray(), rows.Select(r => r.Extreme.Value).ToArray(),
        };
        for (var a = 0; a < shape.Axes.Count; a++)
        {
            columns.Add(new ColumnSpec(shape.Axes[a].Column, ColumnType.Float32));
            values.Add(rows.Select(r => shape.AxisValue(a, r.Extreme.Scenario)).ToArray());
        }

        return (AggregateFiles.Extremes, [.. columns], [.. values], rows.Length);
    }
}
