using System.Text;
using System.Text.Json;
using ComputeGap.IO.Discovery;

namespace ComputeGap.IO.Reports;

/// <summary>The <c>summarize --where</c> section: how often the condition holds, overall and per input.</summary>
internal static class ConditionReport
{
    private const int Width = 120;

    public static void WriteTable(SummaryData data, TextWriter writer)
    {
        if (data.ConditionResult is not { } c)
        {
            return;
        }

        writer.WriteLine();
        var weighting = data.Metadata.Design is null ? "; every grid point weighs the same" : string.Empty;
        writer.WriteLine($"P({c.Condition}) = {ReportNumbers.Probability(c.Probability)} ({ReportNumbers.Count(c.Holds)} of {ReportNumbers.Count(c.Cases)} scenarios{weighting}),");
        writer.WriteLine("by input (at each axis value, in each decile of a sampled parameter), largest swing first:");
        foreach (var group in c.ByInput)
        {
            var line = new StringBuilder($"  {group.Input} (swing {ReportNumbers.PercentagePoints(group.Swing)}):");
            foreach (var level in group.Levels)
            {
                var piece = $" {At(level)} {ReportNumbers.Probability(level.Probability)};";
                if (line.Length + piece.Length > Width)
                {
                    writer.WriteLine(line.ToString());
                    line.Clear().Append("   ");
                }

                line.Append(piece);
            }

            writer.WriteLine(line.ToString().TrimEnd(';'));
        }
    }

    public static void WriteJson(SummaryData data, Utf8JsonWriter json)
    {
        if (data.ConditionResult is not { } c)
        {
            return;
        }

        json.WriteStartObject("where");
        json.WriteString("condition", c.Condition.ToString());
        json.WriteNumber("cases", c.Cases);
        json.WriteNumber("holds", c.Holds);
        json.WriteNumber("probability", c.Probability);
        json.WriteStartObject("by_input");
        foreach (var group in c.ByInput)
        {
            json.WriteStartObject(group.Input);
            json.WriteString("groups", group.IsDecile ? "deciles" : "values");
            json.WriteNumber("swing", group.Swing);
            json.WriteStartArray("levels");
            foreach (var level in group.Levels)
            {
                json.WriteStartObject();
                json.WriteNumber("low", level.Low);
                json.WriteNumber("high", level.High);
                json.WriteNumber("probability", level.Probability);
                json.WriteNumber("count", level.Count);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndObject();
        json.WriteEndObject();
    }

    /// <summary>CSV rows: section <c>where</c>; name the condition (overall) or an input; statistics <c>probability</c>, <c>count</c>, <c>probability[v]</c> / <c>count[v]</c> (v a value, or <c>low..high</c> for a decile).</summary>
    public static IEnumerable<(string Name, string Statistic, string Value)> CsvRows(SummaryData data)
    {
        if (data.ConditionResult is not { } c)
        {
            yield break;
        }

        var condition = c.Condition.ToString();
        yield return (condition, "probability", ReportNumbers.Exact(c.Probability));
        yield return (condition, "count", c.Holds.ToString(System.Globalization.CultureInfo.InvariantCulture));
        yield return (condition, "total", c.Cases.ToString(System.Globalization.CultureInfo.InvariantCulture));
        foreach (var group in c.ByInput)
        {
            foreach (var level in group.Levels)
            {
                var at = level.Low == level.High ? ReportNumbers.Exact(level.Low) : $"{ReportNumbers.Exact(level.Low)}..{ReportNumbers.Exact(level.High)}";
                yield return (group.Input, $"probability[{at}]", ReportNumbers.Exact(level.Probability));
                yield return (group.Input, $"count[{at}]", level.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }
        }
    }

    private static string At(ConditionLevel level) => level.Low == level.High
        ? ReportNumbers.AxisValue(level.Low)
        : $"{ReportNumbers.AxisValue(level.Low)}..{ReportNumbers.AxisValue(level.High)}";
}
