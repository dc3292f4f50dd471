using System.Globalization;
using System.Text;
using System.Text.Json;

namespace ComputeGap.IO.Reports;

/// <summary>
/// A threshold a sweep file asks for (<c>"thresholds": [{"outcome": "share_EU", "below": 0.07}]</c>):
/// reports show P(outcome &lt; bound), or P(outcome ≥ bound) for <c>at_least</c>, and aggregate output
/// counts it exactly, overall and per policy. Recorded in the metadata key <see cref="MetadataKeys.Thresholds"/>.
/// </summary>
/// <param name="Outcome">The outcome column.</param>
/// <param name="Comparison">Below the bound, or at least it.</param>
/// <param name="Bound">The bound (finite).</param>
public sealed record ChosenThreshold(string Outcome, ThresholdComparison Comparison, double Bound)
{
    /// <summary>The JSON key of a bound counted from below.</summary>
    public const string BelowKey = "below";

    /// <summary>The JSON key of a bound counted from above.</summary>
    public const string AtLeastKey = "at_least";

    /// <summary>The key this threshold's bound is written under.</summary>
    public string Key => Comparison == ThresholdComparison.Below ? BelowKey : AtLeastKey;

    /// <summary>The report rule: named <c>share_EU_below_0.07</c>, described <c>P(share_EU &lt; 0.07)</c>.</summary>
    public ThresholdRule Rule
    {
        get
        {
            var bound = Bound.ToString("R", CultureInfo.InvariantCulture);
            var sign = Comparison == ThresholdComparison.Below ? "<" : "≥";
            var rule = new ThresholdRule($"{Outcome}_{Key}_{bound}", string.Empty, Outcome, Comparison, Bound);

            // A month outcome's rule from below has a floor: its "never" is below no month.
            var never = rule.Floor > double.NegativeInfinity ? "; never is not below" : string.Empty;
            return rule with { Description = $"P({Outcome} {sign} {bound}{never})" };
        }
    }

    /// <summary>The list as the metadata key holds it: <c>[{"outcome":"share_EU","below":0.07}]</c>.</summary>
    public static string ToJson(IReadOnlyList<ChosenThreshold> thresholds)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream))
        {
            json.WriteStartArray();
            foreach (var t in thresholds)
            {
                json.WriteStartObject();
                json.WriteString("outcome", t.Outcome);
                json.WriteNumber(t.Key, t.Bound);
                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>Reads <see cref="ToJson"/>'s text.</summary>
    /// <exception cref="FormatException">The text is not such a list.</exception>
    public static IReadOnlyList<ChosenThreshold> Parse(string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            return [.. document.RootElement.EnumerateArray().Select(e =>
            {
                var outcome = e.GetProperty("outcome").GetString() ?? throw new FormatException("no outcome");
                var below = e.TryGetProperty(BelowKey, out var b);
                var atLeast = e.TryGetProperty(AtLeastKey, out var a);
                if (below == atLeast)
                {
                    throw new FormatException($"threshold of '{outcome}' needs one of '{BelowKey}' and '{AtLeastKey}'");
                }

                var bound = (below ? b : a).GetDouble();
                return double.IsFinite(bound)
                    ? new ChosenThreshold(outcome, below ? ThresholdComparison.Below : ThresholdComparison.AtLeast, bound)
                    : throw new FormatException($"threshold of '{outcome}' has bound {bound}");
            })];
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            throw new FormatException($"Metadata '{MetadataKeys.Thresholds}' = '{text}' is not a list of thresholds: {e.Message}", e);
        }
    }
}
