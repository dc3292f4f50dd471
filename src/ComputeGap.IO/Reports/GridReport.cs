using System.Text.Json;
using ComputeGap.IO.Sensitivity;

namespace ComputeGap.IO.Reports;

/// <summary>A grid's variance decomposition and two-way tables, in the three report formats.</summary>
internal static class GridReport
{
    /// <summary>Pairs the table report lists.</summary>
    private const int TopPairs = 5;

    /// <summary>Values per axis the table report prints of the strongest pair's two-way table.</summary>
    private const int MaxShown = 10;

    public static void WriteTable(SummaryData data, GridDecomposition? decomposition, IReportSink sink)
    {
        if (decomposition is not { } grid)
        {
            if (SummaryReport.ReportOutcome(data) is { Length: > 0 } reported && data.GridNote?.Invoke(reported) is { } note)
            {
                sink.Section($"Variance of {reported} over the grid: none ({note})");
            }

            return;
        }

        var outcome = grid.Outcome;
        sink.Section($"Variance of {outcome} over the grid: first-order indices (exact for the grid's equally weighted points)");
        sink.Table(new ReportTable(["axis", "S1"], [.. grid.FirstOrder.OrderByDescending(f => f.Value).Select(f => new[] { f.Key, ReportNumbers.Index(f.Value) })])
        {
            HeaderInText = false,
        });
        var interactions = 1 - grid.FirstOrder.Values.Sum();
        sink.Text($"interactions: {ReportNumbers.Index(interactions)} of the variance is not explained by any axis alone", "  ");
        if (grid.Pairs.Count == 0)
        {
            return;
        }

        sink.Text("strongest two-way interactions (S2):", "  ");
        sink.Table(new ReportTable(["pair", "S2"], [.. grid.Pairs.Take(TopPairs).Select(p => new[] { $"{p.First} x {p.Second}", ReportNumbers.Index(p.S2) })])
        {
            HeaderInText = false,
            Indent = "    ",
        });

        var top = grid.Pairs[0];
        var rows = Math.Min(top.FirstValues.Count, MaxShown);
        var columns = Math.Min(top.SecondValues.Count, MaxShown);
        List<string[]> table;
        // Fewer columns until the widest line fits the report's width.
        while (true)
        {
            table = [[$"{top.First} \\ {top.Second}", .. top.SecondValues.Take(columns).Select(ReportNumbers.AxisValue)]];
            for (var i = 0; i < rows; i++)
            {
                table.Add([ReportNumbers.AxisValue(top.FirstValues[i]), .. top.Means[i].Take(columns).Select(m => data.Metadata.Show(outcome, m))]);
            }

            var width = 2 + Enumerable.Range(0, columns + 1).Sum(c => table.Max(r => r[c].Length) + 2) - 2;
            if (width <= TextFit.Width || columns == 1)
            {
                break;
            }

            columns--;
        }

        var cut = rows < top.FirstValues.Count || columns < top.SecondValues.Count
            ? $", first {rows} of {top.FirstValues.Count} rows and {columns} of {top.SecondValues.Count} columns"
            : string.Empty;
        sink.Section($"Mean {outcome} by {top.First} (rows) and {top.Second} (columns){cut}");
        sink.Table(new ReportTable(table[0], table[1..]));
    }

    public static void WriteJson(GridDecomposition? decomposition, Utf8JsonWriter json)
    {
        if (decomposition is not { } grid)
        {
            json.WriteNull("grid_sensitivity");
            return;
        }

        json.WriteStartObject("grid_sensitivity");
        json.WriteString("outcome", grid.Outcome);
        JsonReport.Number(json, "variance", grid.Variance);
        json.WriteStartObject("first_order");
        foreach (var (axis, s1) in grid.FirstOrder)
        {
            JsonReport.Number(json, axis, s1);
        }

        json.WriteEndObject();
        json.WriteStartArray("two_way");
        foreach (var pair in grid.Pairs)
        {
            json.WriteStartObject();
            json.WriteString("first", pair.First);
            json.WriteString("second", pair.Second);
            JsonReport.Number(json, "S2", pair.S2);
            Array(json, "first_values", pair.FirstValues);
            Array(json, "second_values", pair.SecondValues);
            json.WriteStartArray("means");
            foreach (var row in pair.Means)
            {
                json.WriteStartArray();
                foreach (var m in row)
                {
                    if (double.IsFinite(m))
                    {
                        json.WriteNumberValue(m);
                    }
                    else
                    {
                        json.WriteNullValue();
                    }
                }

                json.WriteEndArray();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    /// <summary>Rows <c>grid_first_order,AXIS,,S1,V</c>, <c>two_way,A|B,,S2,V</c> and <c>two_way,A|B,a|b,mean,V</c> (a, b the axis values).</summary>
    public static IEnumerable<(string Section, string Name, string Key, string Statistic, double Value)> CsvRows(GridDecomposition? decomposition)
    {
        if (decomposition is not { } grid)
        {
            yield break;
        }

        foreach (var (axis, s1) in grid.FirstOrder)
        {
            yield return ("grid_first_order", axis, string.Empty, "S1", s1);
        }

        foreach (var pair in grid.Pairs)
        {
            var name = $"{pair.First}|{pair.Second}";
            yield return ("two_way", name, string.Empty, "S2", pair.S2);
            for (var i = 0; i < pair.FirstValues.Count; i++)
            {
                for (var j = 0; j < pair.SecondValues.Count; j++)
                {
                    yield return ("two_way", name, $"{ReportNumbers.AxisExact(pair.FirstValues[i])}|{ReportNumbers.AxisExact(pair.SecondValues[j])}", "mean", pair.Means[i][j]);
                }
            }
        }
    }

    private static void Array(Utf8JsonWriter json, string name, IReadOnlyList<double> values)
    {
        json.WriteStartArray(name);
        foreach (var v in values)
        {
            JsonReport.AxisValue(json, v);
        }

        json.WriteEndArray();
    }
}
