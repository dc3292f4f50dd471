using System.Text.Json;
using ComputeGap.IO.Statistics;

namespace ComputeGap.IO.Reports;

/// <summary>The machine-readable report: one JSON object, stable snake_case keys, numbers as numbers.</summary>
/// <remarks>Non-finite numbers (NaN, ±∞) become <c>null</c>, as JSON has no such numbers.</remarks>
internal static class JsonReport
{
    /// <summary>Value of the top-level "format" key; changes when the layout does.</summary>
    public const string FormatName = "computegap-summary/2";

    public static void Write(SummaryData data, TextWriter writer)
    {
        var subject = ReportSubject.Of(data);
        JsonText.Write(writer, json =>
        {
            json.WriteStartObject();
            json.WriteString("format", FormatName);
            json.WriteNumber("row_count", data.RowCount);
            if (data.Verification is { } verification)
            {
                json.WriteString("verification", verification);
            }
            json.WriteStartObject("metadata");
            foreach (var (key, value) in data.Metadata.Echoed)
            {
                json.WriteString(key, value);
            }

            json.WriteEndObject();
            json.WriteString("outcome", subject.Outcome);
            json.WriteString("quantiles", subject.FromSketches ? "sketch: within 1 % relative error" : "exact: R-7 over the rows");
            json.WriteString("weighting", subject.IsGrid ? "grid: every grid point weighs the same" : "sample: every scenario weighs the same");
            WriteHeadline(data.Headline, json);
            WriteOutcomes(data, json);
            WriteThresholds(subject, json);
            ConditionReport.WriteJson(data, json);
            WriteMainEffects(subject, json);
            WriteExtremes(data.Extremes, json);
            SensitivityReport.WriteJson(data, json);
            GridReport.WriteJson(subject.Grid, json);
            PolicyReport.WriteJson(data, json);
            json.WriteEndObject();
        });
    }

    private static void WriteHeadline(Headline? headline, Utf8JsonWriter json)
    {
        if (headline is null)
        {
            json.WriteNull("headline");
            return;
        }

        json.WriteStartObject("headline");
        json.WriteString("focus", headline.Focus);
        Number(json, "usage_share", headline.UsageShare);
        Number(json, "year", headline.Year);
        Number(json, "share_p5", headline.ShareP5);
        Number(json, "share_p50", headline.ShareP50);
        Number(json, "share_p95", headline.ShareP95);
        Number(json, "coverage_p50", headline.CoverageP50);
        Number(json, "cloud_dependency_p50", headline.CloudDependencyP50);
        json.WriteString("text", headline.Text);
        json.WriteEndObject();
    }

    private static void WriteOutcomes(SummaryData data, Utf8JsonWriter json)
    {
        json.WriteStartObject("outcomes");
        foreach (var outcome in data.Outcomes)
        {
            json.WriteStartObject(outcome.Name);
            foreach (var statistic in OutcomeStats.StatisticNames)
            {
                Number(json, statistic, outcome.Get(statistic));
            }

            json.WriteEndObject();
        }

        json.WriteEndObject();
    }

    private static void WriteThresholds(ReportSubject subject, Utf8JsonWriter json)
    {
        json.WriteStartObject("thresholds");
        foreach (var threshold in subject.Thresholds)
        {
            json.WriteStartObject(threshold.Name);
            json.WriteString("description", threshold.Description);
            Number(json, "probability", threshold.Probability);
            json.WriteNumber("count", threshold.Count);
            json.WriteNumber("total", threshold.Total);
            json.WriteEndObject();
        }

        json.WriteEndObject();
    }

    private static void WriteMainEffects(ReportSubject subject, Utf8JsonWriter json)
    {
        var outcome = subject.EffectsOutcome;
        if (outcome is null)
        {
            json.WriteNull("main_effects_outcome");
        }
        else
        {
            json.WriteString("main_effects_outcome", outcome);
        }

        if (subject.EffectsNote is { } note)
        {
            json.WriteString("main_effects_note", note);
        }

        json.WriteStartArray("main_effects");
        foreach (var effect in subject.Effects)
        {
            json.WriteStartObject();
            json.WriteString("axis", effect.Axis);
            Number(json, "swing", effect.Swing);
            json.WriteBoolean("inert", subject.IsInert(effect));
            json.WriteStartArray("levels");
            foreach (var level in effect.Levels)
            {
                json.WriteStartObject();
                AxisValue(json, "value", level.Value);
                Number(json, "mean", level.Mean);
                json.WriteNumber("count", level.Count);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private static void WriteExtremes(ScenarioExtremes? extremes, Utf8JsonWriter json)
    {
        if (extremes is null)
        {
            json.WriteNull("extremes");
            return;
        }

        json.WriteStartObject("extremes");
        json.WriteString("outcome", extremes.Outcome);
        foreach (var (name, list) in new[] { ("top", extremes.Top), ("bottom", extremes.Bottom) })
        {
            json.WriteStartArray(name);
            foreach (var s in list)
            {
                json.WriteStartObject();
                json.WriteNumber("scenario", s.Scenario);
                Number(json, "value", s.Value);
                json.WriteStartObject("inputs");
                foreach (var (axis, value) in s.Inputs)
                {
                    AxisValue(json, axis, value);
                }

                json.WriteEndObject();
                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        json.WriteEndObject();
    }

    /// <summary>Writes an axis value as the shortest decimal of its float32 (<see cref="ReportNumbers.AxisExact"/>), or null when not finite.</summary>
    internal static void AxisValue(Utf8JsonWriter json, string name, double value)
    {
        json.WritePropertyName(name);
        AxisValue(json, value);
    }

    /// <summary>Writes an axis value as an array element (see <see cref="AxisValue(Utf8JsonWriter, string, double)"/>).</summary>
    internal static void AxisValue(Utf8JsonWriter json, double value)
    {
        if (double.IsFinite(value))
        {
            json.WriteRawValue(ReportNumbers.AxisExact(value));
        }
        else
        {
            json.WriteNullValue();
        }
    }

    /// <summary>Writes a number, or null when it is missing or not finite (JSON has no NaN).</summary>
    internal static void Number(Utf8JsonWriter json, string name, double? value)
    {
        if (value is { } v && double.IsFinite(v))
        {
            json.WriteNumber(name, v);
        }
        else
        {
            json.WriteNull(name);
        }
    }
}
