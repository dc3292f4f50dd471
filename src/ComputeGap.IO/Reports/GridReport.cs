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

    public static void WriteTable(SummaryData data, TextWriter writer)
    {
        if (data.Grid is not { } grid)
        {
            return;
        }

        var outcome = grid.Outcome;
        writer.WriteLine();
        writer.WriteLine($"Variance of {outcome} over the grid: first-order indices (exact for the grid's equally weighted points)");
        TextTable.Write(
            [.. grid.FirstOrder.OrderByDescending(f => f.Value).Select(f => new[] { f.Key, ReportNumbers.Index(f.Value) })],
            writer, "  ", static c => c > 0);
        var interactions = 1 - grid.FirstOrder.Values.Sum();
        writer.WriteLine($"  interactions: {ReportNumbers.Index(interactions)} of the variance is not explained by any axis alone");
        if (grid.Pairs.Count == 0)
        {
            return;
        }

        writer.WriteLine("  strongest two-way interactions (S2):");
        TextTable.Write(
            [.. grid.Pairs.Take(TopPairs).Select(p => new[] { $"{p.First} x {p.Second}", ReportNumbers.Index(p.S2) })],
            writer, "    ", static c => c > 0);

        var top = grid.Pairs[0];
        var rows = Math.Min(top.FirstValues.Count, MaxShown);
        var columns = Math.Min(top.SecondValues.Count, MaxShown);
        writer.WriteLine();
        var cut = rows < top.FirstValues.Count || columns < top.SecondValues.Count ? $", first {MaxShown} values of each" : string.Empty;
        writer.WriteLine($"Mean {outcome} by {top.First} (rows) and {top.Second} (columns){cut}");
        string[] header = [$"{top.First} \\ {top.Second}", .. top.SecondValues.Take(columns).Select(ReportNumbers.AxisValue)];
        var table = new List<string[]> { header };
        for (var i = 0; i < rows; i++)
        {
            table.Add([ReportNumbers.AxisValue(top.FirstValues[i]), .. top.Means[i].Take(columns).Select(m => data.Metadata.Show(outcome, m))]);
        }

        TextTable.Write(table, writer, "  ", static c => c > 0);
    }

    public static void WriteJson(SummaryData data, Utf8JsonWriter json)
    {
        if (data.Grid is not { } grid)
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

    /// <summary>Rows <c>grid_first_order,AXIS,S1,V</c>, <c>two_way,A|B,S2,V</c> and <c>two_way,A|B,mean[a|b],V</c>.</summary>
    public static IEnumerable<(string Section, string Name, string Statistic, double Value)> CsvRows(SummaryData data)
    {
        if (data.Grid is not { } grid)
        {
            yield break;
        }

        foreach (var (axis, s1) in grid.FirstOrder)
        {
            yield return ("grid_first_order", axis, "S1", s1);
        }

        foreach (var pair in grid.Pairs)
        {
            var name = $"{pair.First}|{pair.Second}";
            yield return ("two_way", name, "S2", pair.S2);
            for (var i = 0; i < pair.FirstValues.Count; i++)
            {
                for (var j = 0; j < pair.SecondValues.Count; j++)
                {
                    yield return ("two_way", name, $"mean[{ReportNumbers.Exact(pair.FirstValues[i])}|{ReportNumbers.Exact(pair.SecondValues[j])}]", pair.Means[i][j]);
                }
            }
        }
    }

    private static void Array(Utf8JsonWriter json, string name, IReadOnlyList<double> values)
    {
        json.WriteStartArray(name);
        foreach (var v in values)
        {
            json.WriteNumberValue(v);
        }

        json.WriteEndArray();
    }
}
