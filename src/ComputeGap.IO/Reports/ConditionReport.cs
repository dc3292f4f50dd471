using System.Text;
using System.Text.Json;
using ComputeGap.IO.Discovery;

namespace ComputeGap.IO.Reports;

/// <summary>The <c>summarize --where</c> section: how often the condition holds, overall and per input.</summary>
internal static class ConditionReport
{
    private const int Width = 120;

    public static void WriteTable(SummaryData data, IReportSink sink)
    {
        if (data.ConditionResult is not { } c)
        {
            return;
        }

        var weighting = data.Metadata.Design is null ? "; every grid point weighs the same" : string.Empty;
        sink.Section($"P({c.Condition}) = {ReportNumbers.Probability(c.Probability)} ({ReportNumbers.Count(c.Holds)} of {ReportNumbers.Count(c.Cases)} scenarios{weighting}),");
        sink.Text($"by input (at each axis value, more than {Statistics.AxisBins.MaxGroups} values in {Statistics.AxisBins.MaxGroups} groups, low..high; in each decile of a sampled parameter), largest swing first:");
        foreach (var group in c.ByInput)
        {
            var line = new StringBuilder($"  {group.Input} (swing {ReportNumbers.PercentagePoints(group.Swing)}):");
            foreach (var level in Shown(group))
            {
                var piece = $" {At(level)} {ReportNumbers.Probability(level.Probability)};";
                if (line.Length + piece.Length > Width)
                {
                    sink.Line(line.ToString());
                    line.Clear().Append("   ");
                }

                line.Append(piece);
            }

            sink.Line(line.ToString().TrimEnd(';'));
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
                JsonReport.AxisValue(json, "low", level.Low);
                JsonReport.AxisValue(json, "high", level.High);
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

    /// <summary>CSV rows: section <c>where</c>; name the condition (overall, empty key; statistics <c>probability</c>, <c>count</c>, <c>total</c>)
    /// or an input (key a value, or <c>low..high</c> for a decile; statistics <c>probability</c> and <c>count</c>).</summary>
    public static IEnumerable<(string Name, string Key, string Statistic, string Value)> CsvRows(SummaryData data)
    {
        if (data.ConditionResult is not { } c)
        {
            yield break;
        }

        var condition = c.Condition.ToString();
        yield return (condition, string.Empty, "probability", ReportNumbers.Exact(c.Probability));
        yield return (condition, string.Empty, "count", c.Holds.ToString(System.Globalization.CultureInfo.InvariantCulture));
        yield return (condition, string.Empty, "total", c.Cases.ToString(System.Globalization.CultureInfo.InvariantCulture));
        foreach (var group in c.ByInput)
        {
            foreach (var level in group.Levels)
            {
                var at = level.Low == level.High ? ReportNumbers.AxisExact(level.Low) : $"{ReportNumbers.AxisExact(level.Low)}..{ReportNumbers.AxisExact(level.High)}";
                yield return (group.Input, at, "probability", ReportNumbers.Exact(level.Probability));
                yield return (group.Input, at, "count", level.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }
        }
    }

    /// <summary>The groups the table prints: an axis of more than <see cref="Statistics.AxisBins.MaxGroups"/> values in that many
    /// groups of neighbouring values (the probability over each group's scenarios), other inputs as they are.</summary>
    private static IEnumerable<ConditionLevel> Shown(ConditionByInput group) =>
        group.IsDecile || group.Levels.Count <= Statistics.AxisBins.MaxGroups
            ? group.Levels
            : Statistics.AxisBins.Group(new Statistics.AxisEffect(group.Input, [.. group.Levels.Select(l => new Statistics.AxisLevel(l.Low, l.Probability, l.Count))]))
                .Select(b => new ConditionLevel(b.Low, b.High, b.Mean, b.Count));

    private static string At(ConditionLevel level) => level.Low == level.High
        ? ReportNumbers.AxisValue(level.Low)
        : $"{ReportNumbers.AxisValue(level.Low)}..{ReportNumbers.AxisValue(level.High)}";
}
