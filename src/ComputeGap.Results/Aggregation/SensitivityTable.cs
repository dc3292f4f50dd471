using ComputeGap.IO.Parquet;
using ComputeGap.IO.Reports;

namespace ComputeGap.Engine.Aggregation;

/// <summary>
/// The <c>sensitivity</c> aggregate table: one row per non-zero exact sum of <see cref="SensitivityState"/>,
/// columns <c>combination</c> (lever combination), <c>outcome</c>, <c>batch</c>, <c>entry</c> (position in
/// the record, see <see cref="IO.Sensitivity.SobolSums.ExportBatch"/> and <see cref="IO.Sensitivity.MorrisSums.Export"/>),
/// <c>value</c> (the sum rounded to a double) and <c>exact</c> (the exact sum, for merging).
/// </summary>
internal static class SensitivityTable
{
    public static (string, ColumnSpec[], Array[], int) Write(SensitivityState state)
    {
        var combination = new List<int>();
        var outcome = new List<string>();
        var batch = new List<int>();
        var entry = new List<int>();
        var value = new List<double>();
        var exact = new List<string>();
        for (var c = 0; c < state.Combinations; c++)
        {
            for (var o = 0; o < state.Outcomes.Count; o++)
            {
                for (var b = 0; b < state.Batches; b++)
                {
                    for (var i = 0; i < state.RecordLength; i++)
                    {
                        var sum = state.Sum(c, o, b, i);
                        if (sum.IsZero)
                        {
                            continue;
                        }

                        combination.Add(c);
                        outcome.Add(state.Outcomes[o]);
                        batch.Add(b);
                        entry.Add(i);
                        value.Add(sum.Round());
                        exact.Add(sum.ToExactString());
                    }
                }
            }
        }

        return (AggregateFiles.Sensitivity,
            [new("combination", ColumnType.Int32), new("outcome", ColumnType.String), new("batch", ColumnType.Int32),
                new("entry", ColumnType.Int32), new("value", ColumnType.Float64), new("exact", ColumnType.String)],
            [combination.ToArray(), outcome.ToArray(), batch.ToArray(), entry.ToArray(), value.ToArray(), exact.ToArray()],
            combination.Count);
    }

    /// <exception cref="KeyNotFoundException">The file has no design metadata, or names an unknown outcome.</exception>
    /// <exception cref="ArgumentException">A row lies outside the design's sums.</exception>
    public static void Read(AggregateState state, ColumnTable table)
    {
        state.KeepSensitivity(DesignInfo.Parse(table.Metadata[MetadataKeys.Design]));
        var sensitivity = state.Sensitivity!;
        var combination = table["combination"].As<int>();
        var outcome = table["outcome"].AsStrings();
        var batch = table["batch"].As<int>();
        var entry = table["entry"].As<int>();
        var exact = table["exact"].AsStrings();
        var outcomes = state.Shape.Outcomes;
        for (var row = 0; row < table.RowCount; row++)
        {
            var o = outcomes.ToList().IndexOf(outcome[row]);
            if (o < 0 || combination[row] < 0 || combination[row] >= sensitivity.Combinations || batch[row] < 0 || batch[row] >= sensitivity.Batches
                || entry[row] < 0 || entry[row] >= sensitivity.RecordLength)
            {
                throw new ArgumentException($"sensitivity row {row} ({combination[row]}, {outcome[row]}, {batch[row]}, {entry[row]}) lies outside the design's sums");
            }

            sensitivity.Set(combination[row], o, batch[row], entry[row], ExactSum.Parse(exact[row]));
        }
    }
}
