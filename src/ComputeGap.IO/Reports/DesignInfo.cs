using System.Globalization;
using System.Text.Json;

namespace ComputeGap.IO.Reports;

/// <summary>
/// A sampled design as the metadata key <see cref="MetadataKeys.Design"/> describes it: enough for a
/// reader to find each row's place in the design (no ComputeGap engine needed).
/// </summary>
/// <param name="Kind">monte_carlo, lhs, sobol, saltelli or morris.</param>
/// <param name="Samples">Base samples N (trajectories r for morris).</param>
/// <param name="Evaluations">Rows of one ensemble; scenario s is evaluation s mod this of lever combination s / this.</param>
/// <param name="Group">Rows per base sample (d + 2 or 2d + 2 for saltelli, d + 1 for morris, else 1).</param>
/// <param name="SecondOrder">Saltelli with BA rows.</param>
/// <param name="Levels">Morris grid levels p (0 otherwise).</param>
/// <param name="Seed">The design's seed.</param>
/// <param name="Uncertain">Columns of the uncertain parameters, in design order.</param>
public sealed record DesignInfo(string Kind, long Samples, long Evaluations, int Group, bool SecondOrder, int Levels, uint Seed, IReadOnlyList<string> Uncertain)
{
    /// <summary>
    /// Each uncertain parameter's distribution, in design order, so that a reader of aggregates can decode a
    /// scenario's values from its number; null in files written before they were recorded.
    /// </summary>
    public IReadOnlyList<DistributionInfo>? Distributions { get; init; }

    /// <summary>The JSON the metadata key holds.</summary>
    public string ToJson()
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("kind", Kind);
            json.WriteNumber("samples", Samples);
            json.WriteNumber("evaluations", Evaluations);
            json.WriteNumber("group", Group);
            json.WriteBoolean("second_order", SecondOrder);
            json.WriteNumber("levels", Levels);
            json.WriteNumber("seed", Seed);
            json.WriteStartArray("uncertain");
            foreach (var column in Uncertain)
            {
                json.WriteStringValue(column);
            }

            json.WriteEndArray();
            if (Distributions is { } distributions)
            {
                json.WriteStartArray("distributions");
                foreach (var d in distributions)
                {
                    json.WriteStartObject();
                    json.WriteString("kind", d.Kind);
                    Numbers(json, "parameters", d.Parameters);
                    Numbers(json, "values", d.Values);
                    Numbers(json, "weights", d.Weights);
                    json.WriteEndObject();
                }

                json.WriteEndArray();
            }

            json.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>Parses the metadata value.</summary>
    /// <exception cref="FormatException">It is not the documented object.</exception>
    public static DesignInfo Parse(string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            var root = document.RootElement;
            return new DesignInfo(
                root.GetProperty("kind").GetString() ?? throw new FormatException("no kind"),
                root.GetProperty("samples").GetInt64(),
                root.GetProperty("evaluations").GetInt64(),
                root.GetProperty("group").GetInt32(),
                root.GetProperty("second_order").GetBoolean(),
                root.GetProperty("levels").GetInt32(),
                root.GetProperty("seed").GetUInt32(),
                [.. root.GetProperty("uncertain").EnumerateArray().Select(e => e.GetString() ?? string.Empty)])
            {
                Distributions = root.TryGetProperty("distributions", out var distributions)
                    ? [.. distributions.EnumerateArray().Select(d => new DistributionInfo(
                        d.GetProperty("kind").GetString() ?? throw new FormatException("no distribution kind"),
                        Numbers(d.GetProperty("parameters")), Numbers(d.GetProperty("values")), Numbers(d.GetProperty("weights"))))]
                    : null,
            };
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            throw new FormatException(string.Create(CultureInfo.InvariantCulture, $"Metadata '{MetadataKeys.Design}' = '{text}' is not a design description."), e);
        }
    }

    /// <summary>Numbers as a JSON array, ±∞ (a normal distribution without a bound) as the strings <c>Infinity</c> and <c>-Infinity</c>.</summary>
    private static void Numbers(Utf8JsonWriter json, string name, IReadOnlyList<double> values)
    {
        json.WriteStartArray(name);
        foreach (var v in values)
        {
            if (double.IsFinite(v))
            {
                json.WriteNumberValue(v);
            }
            else
            {
                json.WriteStringValue(v.ToString(CultureInfo.InvariantCulture));
            }
        }

        json.WriteEndArray();
    }

    private static double[] Numbers(JsonElement array) =>
        [.. array.EnumerateArray().Select(e => e.ValueKind == JsonValueKind.String ? double.Parse(e.GetString()!, CultureInfo.InvariantCulture) : e.GetDouble())];
}

/// <summary>An uncertain parameter's distribution, as a sweep file gives it.</summary>
/// <param name="Kind">uniform, log_uniform, triangular, normal or choice.</param>
/// <param name="Parameters">uniform, log_uniform: from, to; triangular: min, mode, max; normal: mean, sd, min, max (±∞ when absent); choice: none.</param>
/// <param name="Values">A choice's values.</param>
/// <param name="Weights">A choice's weights.</param>
public sealed record DistributionInfo(string Kind, IReadOnlyList<double> Parameters, IReadOnlyList<double> Values, IReadOnlyList<double> Weights);
