using System.Globalization;
using ComputeGap.IO.Statistics;

namespace ComputeGap.IO.Reports;

/// <summary>
/// The tidy CSV report: one row per number, header <c>section,name,key,statistic,value</c>. The key holds
/// what a number is "at" (an axis value, a value range <c>low..high</c>, a parameter, a region) and is
/// empty where there is nothing to hold:
/// <list type="bullet">
/// <item><c>metadata,KEY,,value,TEXT</c>; <c>summary,scenarios,,count,N</c>; <c>summary,outcome,,name,X</c> (what effects describe);
/// <c>summary,quantiles,,method,sketch|exact</c>; <c>summary,weighting,,method,grid|sample</c>;</item>
/// <item><c>headline,FOCUS,,STATISTIC,V</c>; <c>outcome,OUTCOME,,STATISTIC,V</c> (count, non_finite, never, mean, p5 … max);</item>
/// <item><c>threshold,RULE,,probability|count|total,V</c>; <c>where,CONDITION,,…</c> and <c>where,INPUT,VALUE,probability|count,V</c>;</item>
/// <item><c>main_effect,AXIS,,swing|inert,V</c> and <c>main_effect,AXIS,VALUE,mean|count,V</c>;</item>
/// <item><c>extreme,ranked_by,,name,OUTCOME</c> and <c>extreme,top|bottom,RANK,scenario|value|AXIS,V</c> when the run kept them;</item>
/// <item><c>sensitivity_confidence,batch_means|t_interval,,level|batches,V</c> (how the half-widths were made: their
/// level, and the batches of batch means); <c>sensitivity,OUTCOME,PARAMETER,S1|S1_conf|ST|ST_conf|S2|S2_conf|mu|mu_star|sigma|mu_star_conf,V</c>
/// (PARAMETER is <c>A|B</c> for a pair, after <c>lever=v;…;</c> for a lever combination);</item>
/// <item><c>grid_first_order,AXIS,,S1,V</c>, <c>two_way,A|B,,S2,V</c>, <c>two_way,A|B,a|b,mean,V</c>;
/// <c>policy,LEVER=v;…,,STATISTIC,V</c> and <c>policy,LEVER=v;…,RULE,probability,V</c>.</item>
/// </list>
/// Numbers are the shortest invariant text that round-trips the double; axis values the shortest that
/// round-trips the float32 the model used (<see cref="ReportNumbers.AxisExact"/>); non-finite numbers are empty cells.
/// </summary>
internal static class CsvReport
{
    public const string Header = "section,name,key,statistic,value";

    public static void Write(SummaryData data, TextWriter writer)
    {
        var subject = ReportSubject.Of(data);
        writer.WriteLine(Header);
        foreach (var (key, value) in data.Metadata.Echoed)
        {
            Row(writer, "metadata", key, string.Empty, "value", value);
        }

        Row(writer, "summary", "scenarios", string.Empty, "count", Integer(data.RowCount));
        Row(writer, "summary", "outcome", string.Empty, "name", subject.Outcome);
        Row(writer, "summary", "quantiles", string.Empty, "method", subject.FromSketches ? "sketch" : "exact");
        Row(writer, "summary", "weighting", string.Empty, "method", subject.IsGrid ? "grid" : "sample");
        if (data.Verification is { } verification)
        {
            Row(writer, "summary", "verification", string.Empty, "text", verification);
        }
        if (data.Headline is { } h)
        {
            Row(writer, "headline", h.Focus, string.Empty, "usage_share", Exact(h.UsageShare));
            Row(writer, "headline", h.Focus, string.Empty, "year", h.Year is { } year ? Integer(year) : string.Empty);
            Row(writer, "headline", h.Focus, string.Empty, "share_p5", Exact(h.ShareP5));
            Row(writer, "headline", h.Focus, string.Empty, "share_p50", Exact(h.ShareP50));
            Row(writer, "headline", h.Focus, string.Empty, "share_p95", Exact(h.ShareP95));
            Row(writer, "headline", h.Focus, string.Empty, "coverage_p50", Exact(h.CoverageP50));
            Row(writer, "headline", h.Focus, string.Empty, "cloud_dependency_p50", Exact(h.CloudDependencyP50));
        }

        foreach (var outcome in data.Outcomes)
        {
            foreach (var statistic in OutcomeStats.StatisticNames)
            {
                Row(writer, "outcome", outcome.Name, string.Empty, statistic, Exact(outcome.Get(statistic)));
            }
        }

        foreach (var t in subject.Thresholds)
        {
            Row(writer, "threshold", t.Name, string.Empty, "probability", Exact(t.Probability));
            Row(writer, "threshold", t.Name, string.Empty, "count", Integer(t.Count));
            Row(writer, "threshold", t.Name, string.Empty, "total", Integer(t.Total));
        }

        foreach (var (name, key, statistic, value) in ConditionReport.CsvRows(data))
        {
            Row(writer, "where", name, key, statistic, value);
        }

        foreach (var effect in subject.Effects)
        {
            Row(writer, "main_effect", effect.Axis, string.Empty, "swing", Exact(effect.Swing));
            Row(writer, "main_effect", effect.Axis, string.Empty, "inert", subject.IsInert(effect) ? "1" : "0");
            foreach (var level in effect.Levels)
            {
                var at = ReportNumbers.AxisExact(level.Value);
                Row(writer, "main_effect", effect.Axis, at, "mean", Exact(level.Mean));
                Row(writer, "main_effect", effect.Axis, at, "count", Integer(level.Count));
            }
        }

        WriteExtremes(data.Extremes, writer);
        if (data.Sensitivity is { } sensitivity)
        {
            var (method, batches, _) = SensitivityReport.ConfidenceOf(sensitivity);
            Row(writer, "sensitivity_confidence", method, string.Empty, "level", Exact(SensitivityReport.ConfidenceLevel));
            if (batches > 0)
            {
                Row(writer, "sensitivity_confidence", method, string.Empty, "batches", Exact(batches));
            }
        }

        foreach (var (name, key, statistic, value) in SensitivityReport.CsvRows(data))
        {
            Row(writer, "sensitivity", name, key, statistic, Exact(value));
        }

        foreach (var (section, name, key, statistic, value) in GridReport.CsvRows(subject.Grid))
        {
            Row(writer, section, name, key, statistic, Exact(value));
        }

        foreach (var (name, key, statistic, value) in PolicyReport.CsvRows(data))
        {
            Row(writer, "policy", name, key, statistic, Exact(value));
        }
    }

    private static void WriteExtremes(ScenarioExtremes? extremes, TextWriter writer)
    {
        if (extremes is null)
        {
            return;
        }

        Row(writer, "extreme", "ranked_by", string.Empty, "name", extremes.Outcome);
        foreach (var (name, list) in new[] { ("top", extremes.Top), ("bottom", extremes.Bottom) })
        {
            for (var rank = 0; rank < list.Count; rank++)
            {
                var s = list[rank];
                var key = Integer(rank + 1);
                Row(writer, "extreme", name, key, "scenario", Integer(s.Scenario));
                Row(writer, "extreme", name, key, "value", Exact(s.Value));
                foreach (var (axis, value) in s.Inputs)
                {
                    Row(writer, "extreme", name, key, axis, ReportNumbers.AxisExact(value));
                }
            }
        }
    }

    private static string Exact(double? value) => value is { } v ? ReportNumbers.Exact(v) : string.Empty;

    private static string Integer(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static void Row(TextWriter writer, string section, string name, string key, string statistic, string value) =>
        writer.WriteLine($"{Field(section)},{Field(name)},{Field(key)},{Field(statistic)},{Field(value)}");

    /// <summary>RFC 4180 quoting: fields with a comma, quote or line break are quoted, quotes doubled.</summary>
    internal static string Field(string text) =>
        text.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? $"\"{text.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : text;
}
