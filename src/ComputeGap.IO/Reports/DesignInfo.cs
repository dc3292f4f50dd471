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
                [.. root.GetProperty("uncertain").EnumerateArray().Select(e => e.GetString() ?? string.Empty)]);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            throw new FormatException(string.Create(CultureInfo.InvariantCulture, $"Metadata '{MetadataKeys.Design}' = '{text}' is not a design description."), e);
        }
    }
}
