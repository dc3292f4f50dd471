using System.Text.Json;
using ComputeGap.IO.Sensitivity;

namespace ComputeGap.IO.Reports;

/// <summary>The lever combinations side by side, with their regret, in the three report formats.</summary>
internal static class PolicyReport
{
    private static readonly string[] Header = ["policy", "mean", "p5", "p50", "p95", "regret p50", "regret p90", "best in"];

    /// <summary>The policies' table, then their threshold probabilities (<paramref name="thresholds"/>: the whole run's, in the report's order).</summary>
    public static void WriteTable(SummaryData data, IReadOnlyList<ThresholdProbability> thresholds, IReportSink sink)
    {
        if (data.Policies is not { } policies)
        {
            if (SummaryReport.ReportOutcome(data) is { Length: > 0 } reported && data.PolicyNote?.Invoke(reported) is { } note)
            {
                sink.Section($"Policies compared on {reported}: none ({note})");
            }

            if (data.ThresholdsByPolicy(null) is { } counted)
            {
                WriteThresholdTable(thresholds, counted, sink);
            }

            return;
        }

        var outcome = policies.Outcome;
        sink.Section($"Policies compared on the same {ReportNumbers.Count(policies.Futures)} futures: {outcome} ({(policies.LowerIsBetter ? "lower" : "higher")} is better; regret = shortfall against the best policy in the same future)");
        var rows = new List<string[]>();
        foreach (var p in policies.Policies)
        {
            rows.Add([
                Name(p.Levers, " "), data.Metadata.Show(outcome, p.Stats.Mean), data.Metadata.Show(outcome, p.Stats.P5), data.Metadata.Show(outcome, p.Stats.P50),
                data.Metadata.Show(outcome, p.Stats.P95), Regret(outcome, p.RegretP50), Regret(outcome, p.RegretP90), ReportNumbers.Probability(p.BestShare),
            ]);
        }

        sink.Table(new ReportTable(Header, rows) { Fitted = true });
        WriteThresholdTable(thresholds, policies.ThresholdsByPolicy(), sink);
    }

    /// <summary>Most policies whose threshold probabilities one text table puts side by side.</summary>
    public const int MaxThresholdColumns = 8;

    /// <summary>Most tables of <see cref="MaxThresholdColumns"/> policies the text report writes (json and csv hold them all).</summary>
    public const int MaxThresholdTables = 4;

    /// <summary>
    /// The report's threshold probabilities under each policy: one row per rule, one column per policy, and
    /// the whole run; more than <see cref="MaxThresholdColumns"/> policies in consecutive tables of that many.
    /// </summary>
    private static void WriteThresholdTable(IReadOnlyList<ThresholdProbability> thresholds, PolicyThresholds policies, IReportSink sink)
    {
        var count = policies.Policies.Count;
        if (thresholds.Count == 0 || count == 0)
        {
            return;
        }

        if (count > MaxThresholdColumns * MaxThresholdTables)
        {
            sink.Section($"Threshold probabilities under each of the {count} policies: in --format json or csv (the text report shows at most {MaxThresholdColumns * MaxThresholdTables})");
            return;
        }

        var levers = string.Join(", ", policies.Policies[0].Levers.Keys);
        for (var from = 0; from < count; from += MaxThresholdColumns)
        {
            var part = policies.Policies.Skip(from).Take(MaxThresholdColumns).ToArray();
            var which = count > MaxThresholdColumns ? $"policies {from + 1}-{from + part.Length} of {count}, " : string.Empty;
            sink.Section($"Threshold probabilities under each policy, on the same futures ({which}columns: {levers})");
            string[] header = ["rule", .. part.Select(p => string.Join(", ", p.Levers.Values.Select(ReportNumbers.AxisExact))), "whole run"];
            var rows = thresholds.Select(t => (string[])
            [
                t.Description,
                .. part.Select(p => p.Thresholds.FirstOrDefault(q => q.Name == t.Name) is { } q ? ReportNumbers.Probability(q.Probability) : "n/a"),
                ReportNumbers.Probability(t.Probability),
            ]).ToList();
            sink.Table(new ReportTable(header, rows) { Fitted = true });
        }
    }

    /// <summary>
    /// <c>"policies"</c>: the comparison of the reported outcome (null without one); then
    /// <c>"policy_thresholds"</c>: every rule's probability under each lever combination, which aggregates
    /// keep whichever outcomes they compare (null without levers), with the reason when the reported
    /// outcome is not compared.
    /// </summary>
    public static void WriteJson(SummaryData data, Utf8JsonWriter json)
    {
        var policies = data.Policies;
        if (policies is null)
        {
            json.WriteNull("policies");
        }
        else
        {
            WriteComparison(policies, json);
        }

        if (data.ThresholdsByPolicy(policies) is not { } counted)
        {
            json.WriteNull("policy_thresholds");
            return;
        }

        json.WriteStartObject("policy_thresholds");
        var reported = SummaryReport.ReportOutcome(data);
        if (policies is null && reported.Length > 0 && data.PolicyNote?.Invoke(reported) is { } note)
        {
            json.WriteString("note", $"{reported} is not compared: {note}");
        }

        json.WriteNumber("futures", counted.Futures);
        json.WriteStartArray("combinations");
        foreach (var p in counted.Policies)
        {
            json.WriteStartObject();
            WriteLevers(json, p.Levers);
            WriteThresholds(json, p.Thresholds);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteComparison(PolicyComparison policies, Utf8JsonWriter json)
    {
        json.WriteStartObject("policies");
        json.WriteString("outcome", policies.Outcome);
        json.WriteString("better", policies.LowerIsBetter ? "lower" : "higher");
        json.WriteNumber("futures", policies.Futures);
        json.WriteStartArray("combinations");
        foreach (var p in policies.Policies)
        {
            json.WriteStartObject();
            WriteLevers(json, p.Levers);
            foreach (var (name, value) in Statistics(p))
            {
                JsonReport.Number(json, name, value);
            }

            WriteThresholds(json, p.Thresholds);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteLevers(Utf8JsonWriter json, IReadOnlyDictionary<string, double> levers)
    {
        json.WriteStartObject("levers");
        foreach (var (lever, value) in levers)
        {
            JsonReport.AxisValue(json, lever, value);
        }

        json.WriteEndObject();
    }

    private static void WriteThresholds(Utf8JsonWriter json, IReadOnlyList<ThresholdProbability> thresholds)
    {
        json.WriteStartObject("thresholds");
        foreach (var t in thresholds)
        {
            JsonReport.Number(json, t.Name, t.Probability);
        }

        json.WriteEndObject();
    }

    /// <summary>Rows <c>policy,LEVER=V;…,,STATISTIC,VALUE</c>, and <c>policy,LEVER=V;…,THRESHOLD,probability,VALUE</c> per threshold rule.</summary>
    public static IEnumerable<(string Name, string Key, string Statistic, double Value)> CsvRows(SummaryData data)
    {
        var policies = data.Policies;
        if (data.ThresholdsByPolicy(policies) is not { } counted)
        {
            yield break;
        }

        for (var i = 0; i < counted.Policies.Count; i++)
        {
            var p = counted.Policies[i];
            var name = Name(p.Levers, ";");
            foreach (var (statistic, value) in policies is null ? [] : Statistics(policies.Policies[i]))
            {
                yield return (name, string.Empty, statistic, value);
            }

            foreach (var t in p.Thresholds)
            {
                yield return (name, t.Name, "probability", t.Probability);
            }
        }
    }

    private static IEnumerable<(string, double)> Statistics(PolicyRow p) =>
    [
        ("mean", p.Stats.Mean), ("p5", p.Stats.P5), ("p50", p.Stats.P50), ("p95", p.Stats.P95),
        ("regret_mean", p.RegretMean), ("regret_p50", p.RegretP50), ("regret_p90", p.RegretP90), ("best_share", p.BestShare),
    ];

    private static string Name(IReadOnlyDictionary<string, double> levers, string separator) =>
        string.Join(separator, levers.Select(l => $"{l.Key}={ReportNumbers.AxisExact(l.Value)}"));

    private static string Regret(string outcome, double value) =>
        !double.IsFinite(value) ? "n/a" : OutcomeColumns.IsFraction(outcome) ? ReportNumbers.PercentagePoints(value) : ReportNumbers.Number(value);
}
