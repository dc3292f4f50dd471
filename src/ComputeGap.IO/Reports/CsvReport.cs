using System.Globalization;
using ComputeGap.IO.Statistics;

namespace ComputeGap.IO.Reports;

/// <summary>
/// The long-form CSV report: header <c>section,name,statistic,value</c>; sections <c>metadata</c>,
/// <c>summary</c>, <c>headline</c>, <c>outcome</c>, <c>threshold</c> and <c>main_effect</c> (statistics
/// <c>swing</c>, <c>mean[v]</c> and <c>count[v]</c> for axis value v) and <c>sensitivity</c> (name: the outcome;
/// statistic: <c>[lever=v;…]PARAMETER:S1</c>, <c>…:S1_conf</c>, <c>…:ST</c>, <c>…:ST_conf</c>, <c>A|B:S2</c>, or Morris's <c>mu</c>, <c>mu_star</c>, <c>sigma</c>, <c>mu_star_conf</c>). Numbers are invariant round-trip
/// text; non-finite numbers are empty cells.
/// </summary>
internal static class CsvReport
{
    public const string Header = "section,name,statistic,value";

    public static void Write(SummaryData data, TextWriter writer)
    {
        writer.WriteLine(Header);
        foreach (var (key, value) in data.Metadata.Raw.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            Row(writer, "metadata", key, "value", value);
        }

        Row(writer, "summary", "scenarios", "count", Integer(data.RowCount));
        if (data.Verification is { } verification)
        {
            Row(writer, "summary", "verification", "text", verification);
        }
        if (data.Headline is { } h)
        {
            Row(writer, "headline", h.Focus, "usage_share", Exact(h.UsageShare));
            Row(writer, "headline", h.Focus, "year", h.Year is { } year ? Integer(year) : string.Empty);
            Row(writer, "headline", h.Focus, "share_p5", Exact(h.ShareP5));
            Row(writer, "headline", h.Focus, "share_p50", Exact(h.ShareP50));
            Row(writer, "headline", h.Focus, "share_p95", Exact(h.ShareP95));
            Row(writer, "headline", h.Focus, "coverage_p50", Exact(h.CoverageP50));
            Row(writer, "headline", h.Focus, "cloud_dependency_p50", Exact(h.CloudDependencyP50));
        }

        foreach (var outcome in data.Outcomes)
        {
            foreach (var statistic in OutcomeStats.StatisticNames)
            {
                Row(writer, "outcome", outcome.Name, statistic, Exact(outcome.Get(statistic)));
            }
        }

        foreach (var t in data.Thresholds)
        {
            Row(writer, "threshold", t.Name, "probability", Exact(t.Probability));
            Row(writer, "threshold", t.Name, "count", Integer(t.Count));
            Row(writer, "threshold", t.Name, "total", Integer(t.Total));
        }

        foreach (var (name, statistic, value) in ConditionReport.CsvRows(data))
        {
            Row(writer, "where", name, statistic, value);
        }

        foreach (var effect in data.RankedMainEffects)
        {
            Row(writer, "main_effect", effect.Axis, "swing", Exact(effect.Swing));
            foreach (var level in effect.Levels)
            {
                var at = ReportNumbers.Exact(level.Value);
                Row(writer, "main_effect", effect.Axis, $"mean[{at}]", Exact(level.Mean));
                Row(writer, "main_effect", effect.Axis, $"count[{at}]", Integer(level.Count));
            }
        }

        foreach (var (name, statistic, value) in SensitivityReport.CsvRows(data))
        {
            Row(writer, "sensitivity", name, statistic, Exact(value));
        }

        foreach (var (section, name, statistic, value) in GridReport.CsvRows(data))
        {
            Row(writer, section, name, statistic, Exact(value));
        }

        foreach (var (name, statistic, value) in PolicyReport.CsvRows(data))
        {
            Row(writer, "policy", name, statistic, Exact(value));
        }
    }

    private static string Exact(double? value) => value is { } v ? ReportNumbers.Exact(v) : string.Empty;

    private static string Integer(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static void Row(TextWriter writer, string section, string name, string statistic, string value) =>
        writer.WriteLine($"{Field(section)},{Field(name)},{Field(statistic)},{Field(value)}");

    /// <summary>RFC 4180 quoting: fields with a comma, quote or line break are quoted, quotes doubled.</summary>
    internal static string Field(string text) =>
        text.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? $"\"{text.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : text;
}
