using ComputeGap.Core.Reduction;
using ComputeGap.IO.Parquet;

namespace ComputeGap.Engine.Aggregation;

/// <summary>
/// Reads aggregate files back into exact <see cref="AggregateState"/>s from their mergeable columns
/// and merges every part found: a directory of shards gives exactly the state of one unsharded run.
/// </summary>
internal static class AggregateReader
{
    public static async Task<AggregateState> ReadAsync(string directoryOrStem, CancellationToken cancellationToken)
    {
        var parts = AggregateFiles.Find(directoryOrStem);
        var infos = new List<ParquetFileInfo>();
        foreach (var file in parts.SelectMany(p => AggregateFiles.Tables.Select(t => p.Tables[t])))
        {
            infos.Add(await ParquetTableReader.ReadInfoAsync(file, cancellationToken).ConfigureAwait(false));
        }

        var first = infos[0];
        foreach (var info in infos)
        {
            CheckCompatible(first, info);
        }

        var shape = AggregateShape.FromJson(first.Metadata[AggregateShape.MetadataKey]);
        var total = new AggregateState(shape);
        foreach (var part in parts)
        {
            total.Merge(await ReadPartAsync(shape, part, cancellationToken).ConfigureAwait(false));
        }

        if (total.Scenarios > shape.GridSize)
        {
            throw new IncompatiblePartsException(parts[0].Stem, parts[^1].Stem,
                $"the {parts.Count} aggregates hold {total.Scenarios} scenarios but the grid has {shape.GridSize}, so some overlap " +
                "(e.g. an unsharded run beside its shards, or two shard counts)");
        }

        var metadata = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in infos.SelectMany(i => i.Metadata))
        {
            metadata.TryAdd(key, value);
        }

        total.Metadata = metadata;
        return total;
    }

    private static void CheckCompatible(ParquetFileInfo first, ParquetFileInfo other)
    {
        if (!other.Metadata.TryGetValue(AggregateFiles.OutputKey, out var output) || output != AggregateFiles.OutputValue)
        {
            throw new InvalidDataException($"'{other.Path}' is not aggregate output (metadata '{AggregateFiles.OutputKey}' is not '{AggregateFiles.OutputValue}').");
        }

        foreach (var key in ParquetTableReader.IdentityKeys.Append(AggregateShape.MetadataKey))
        {
            first.Metadata.TryGetValue(key, out var a);
            other.Metadata.TryGetValue(key, out var b);
            if (!string.Equals(a, b, StringComparison.Ordinal))
            {
                throw new IncompatiblePartsException(first.Path, other.Path,
                    $"metadata '{key}' is '{a ?? "(absent)"}' in the first and '{b ?? "(absent)"}' in the second");
            }
        }
    }

    private static async Task<AggregateState> ReadPartAsync(AggregateShape shape, AggregatePart part, CancellationToken cancellationToken)
    {
        var state = new AggregateState(shape);
        var outcomes = await ReadTableAsync(part, AggregateFiles.Outcomes, cancellationToken).ConfigureAwait(false);
        var sketch = await ReadTableAsync(part, AggregateFiles.Sketch, cancellationToken).ConfigureAwait(false);
        var effects = await ReadTableAsync(part, AggregateFiles.Effects, cancellationToken).ConfigureAwait(false);
        var thresholds = await ReadTableAsync(part, AggregateFiles.Thresholds, cancellationToken).ConfigureAwait(false);
        var extremes = await ReadTableAsync(part, AggregateFiles.Extremes, cancellationToken).ConfigureAwait(false);
        try
        {
            ReadOutcomes(state, outcomes);
            ReadSketch(state, sketch);
            ReadEffects(state, effects);
            ReadThresholds(state, thresholds);
            ReadExtremes(state, extremes);
            if (part.Tables.ContainsKey(AggregateFiles.Sensitivity))
            {
                var table = await ReadTableAsync(part, AggregateFiles.Sensitivity, cancellationToken).ConfigureAwait(false);
                SensitivityTable.Read(state, table);
            }

            if (part.Tables.ContainsKey(AggregateFiles.Where))
            {
                WhereTable.Read(state, await ReadTableAsync(part, AggregateFiles.Where, cancellationToken).ConfigureAwait(false));
            }

            if (part.Tables.ContainsKey(AggregateFiles.Grid))
            {
                state.SetGridCells(GridCellTable.Read(shape, await ReadTableAsync(part, AggregateFiles.Grid, cancellationToken).ConfigureAwait(false)));
            }

            if (part.Tables.ContainsKey(AggregateFiles.Policy))
            {
                state.SetPolicies(PolicyTable.Read(shape, await ReadTableAsync(part, AggregateFiles.Policy, cancellationToken).ConfigureAwait(false)));
            }

            if (part.Tables.ContainsKey(AggregateFiles.FanSketch))
            {
                FanTables.Read(state, await ReadTableAsync(part, AggregateFiles.FanSketch, cancellationToken).ConfigureAwait(false));
            }
        }
        catch (Exception e) when (e is FormatException or KeyNotFoundException or InvalidCastException or ArgumentException or OverflowException)
        {
            throw new InvalidDataException($"The aggregate '{part.Stem}' is malformed: {e.Message}", e);
        }

        return state;
    }

    private static async Task<ColumnTable> ReadTableAsync(AggregatePart part, string table, CancellationToken cancellationToken) =>
        await ParquetTableReader.ReadAsync(part.Tables[table], cancellationToken: cancellationToken).ConfigureAwait(false);

    private static void ReadOutcomes(AggregateState state, ColumnTable table)
    {
        var names = table["outcome"].AsStrings();
        var nonFinite = table["non_finite"].As<long>();
        var finite = table["finite"].As<long>();
        var sums = table["finite_sum"].AsStrings();
        var min = table["finite_min"].As<double>();
        var max = table["finite_max"].As<double>();
        Require(names.Order(StringComparer.Ordinal).SequenceEqual(state.Shape.Outcomes.Order(StringComparer.Ordinal)),
            $"its outcomes [{string.Join(", ", names)}] are not the shape's");
        for (var row = 0; row < names.Length; row++)
        {
            var scenarios = finite[row] + nonFinite[row];
            Require(row == 0 || scenarios == state.Scenarios, $"outcome '{names[row]}' counts {scenarios} scenarios, not {state.Scenarios}");
            state.SetScenarios(scenarios);
            state.SetOutcome(Index(state.Shape.Outcomes, names[row]), finite[row], ExactSum.Parse(sums[row]), min[row], max[row]);
        }
    }

    private static void ReadSketch(AggregateState state, ColumnTable table)
    {
        var names = table["outcome"].AsStrings();
        var slots = table["slot"].As<int>();
        var counts = table["count"].As<long>();
        for (var row = 0; row < names.Length; row++)
        {
            Require(slots[row] >= 0 && slots[row] < QuantileSketch.Length && counts[row] >= 0, $"sketch slot {slots[row]} = {counts[row]} is out of range");
            state.SetSketch(Index(state.Shape.Outcomes, names[row]), slots[row], counts[row]);
        }
    }

    private static void ReadEffects(AggregateState state, ColumnTable table)
    {
        var shape = state.Shape;
        var axes = table["axis"].AsStrings();
        var levels = table["level"].As<int>();
        var outcomes = table["outcome"].AsStrings();
        var counts = table["count"].As<long>();
        var finite = table["finite"].As<long>();
        var sums = table["sum_exact"].AsStrings();
        Require(!shape.HasEffects || axes.Length == shape.TotalAxisValues * shape.Outcomes.Count,
            $"it holds {axes.Length} main-effect rows, not {shape.TotalAxisValues * shape.Outcomes.Count}");
        for (var row = 0; row < axes.Length; row++)
        {
            var a = Index(shape.Axes.Select(x => x.Column).ToArray(), axes[row]);
            Require(levels[row] >= 0 && levels[row] < shape.Axes[a].Values.Count, $"axis '{axes[row]}' has no level {levels[row]}");
            var v = shape.AxisOffsets[a] + levels[row];
            state.SetEffectCount(v, counts[row]);
            state.SetEffect(v, Index(shape.Outcomes, outcomes[row]), finite[row], ExactSum.Parse(sums[row]));
        }
    }

    private static void ReadThresholds(AggregateState state, ColumnTable table)
    {
        // Each row is found by its outcome, comparison, bound and floor (files before run-time thresholds have no comparison
        // and no floor: all below, from −∞).
        var tests = state.Shape.Thresholds;
        var outcomes = table["outcome"].AsStrings();
        const string below = IO.Reports.ChosenThreshold.BelowKey, atLeast = IO.Reports.ChosenThreshold.AtLeastKey;
        var comparisons = table.Contains("comparison") ? table["comparison"].AsStrings() : [.. outcomes.Select(_ => below)];
        var bounds = table["bound"].As<double>();
        var floors = table.Contains("from") ? table["from"].As<double>() : [.. outcomes.Select(_ => double.NegativeInfinity)];
        var counts = table["count"].As<long>();
        Require(outcomes.Length == tests.Count, $"it holds {outcomes.Length} thresholds, not the shape's {tests.Count}");
        for (var row = 0; row < outcomes.Length; row++)
        {
            Require(comparisons[row] is below or atLeast, $"threshold comparison '{comparisons[row]}' is neither {below} nor {atLeast}");
            var test = new ThresholdTest(Index(state.Shape.Outcomes, outcomes[row]), (float)bounds[row], comparisons[row] == atLeast, (float)floors[row]);
            var j = Thresholds.IndexOf(tests, test);
            Require(j >= 0, $"threshold '{outcomes[row]} {test.Operator} {bounds[row]}' is not one of the shape's");
            state.SetThreshold(j, counts[row]);
        }
    }

    private static void ReadExtremes(AggregateState state, ColumnTable table)
    {
        var kinds = table["kind"].AsStrings();
        var scenarios = table["scenario"].As<long>();
        var values = table["focus_share"].As<double>();
        for (var row = 0; row < kinds.Length; row++)
        {
            Require(kinds[row] is "best" or "worst", $"extreme kind '{kinds[row]}' is neither best nor worst");
            state.OfferExtreme(kinds[row] == "best", scenarios[row], values[row]);
        }
    }

    private static int Index(IReadOnlyList<string> names, string name)
    {
        for (var i = 0; i < names.Count; i++)
        {
            if (names[i] == name)
            {
                return i;
            }
        }

        throw new FormatException($"'{name}' is not one of [{string.Join(", ", names)}]");
    }

    private static void Require(bool condition, string problem)
    {
        if (!condition)
        {
            throw new FormatException(problem);
        }
    }
}
