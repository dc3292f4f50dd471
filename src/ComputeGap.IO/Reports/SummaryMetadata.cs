using System.Globalization;
using System.Text.Json;

namespace ComputeGap.IO.Reports;

/// <summary>The <see cref="MetadataKeys"/> of a result, parsed; absent keys are null or empty.</summary>
/// <param name="Raw">All key-value pairs as read.</param>
/// <param name="Regions">Region names, in order.</param>
/// <param name="Axes">Swept axis column names.</param>
/// <param name="Focus">Focus region, or null.</param>
/// <param name="Rivals">Rival pair (two names) or empty.</param>
/// <param name="FocusUsageShare">Focus share of global demand, or null.</param>
/// <param name="StartMonth">Calendar month of t = 0 (first day), or null.</param>
/// <param name="HorizonMonths">Months simulated, or null.</param>
public sealed record SummaryMetadata(
    IReadOnlyDictionary<string, string> Raw,
    IReadOnlyList<string> Regions,
    IReadOnlyList<string> Axes,
    string? Focus,
    IReadOnlyList<string> Rivals,
    double? FocusUsageShare,
    DateOnly? StartMonth,
    int? HorizonMonths)
{
    /// <summary>Year of the final month, t = T − 1 (start month plus T − 1 months), or null when unknown.</summary>
    public int? FinalYear => StartMonth is { } start && HorizonMonths is { } t && t >= 1
        ? start.AddMonths(t - 1).Year
        : null;

    /// <summary>A raw value, or null.</summary>
    public string? Get(string key) => Raw.TryGetValue(key, out var value) ? value : null;

    /// <summary>Parses the contract keys of <paramref name="metadata"/>.</summary>
    /// <exception cref="FormatException">A present key does not hold the documented format.</exception>
    public static SummaryMetadata Parse(IReadOnlyDictionary<string, string> metadata)
    {
        var raw = new Dictionary<string, string>(metadata, StringComparer.Ordinal);
        var rivals = StringList(raw, MetadataKeys.Rivals);
        if (rivals.Length is not (0 or 2))
        {
            throw new FormatException($"Metadata '{MetadataKeys.Rivals}' must name two regions, not {rivals.Length}.");
        }

        return new SummaryMetadata(
            raw,
            StringList(raw, MetadataKeys.Regions),
            StringList(raw, MetadataKeys.Axes),
            raw.TryGetValue(MetadataKeys.Focus, out var focus) && focus.Length > 0 ? focus : null,
            rivals,
            Parsed(raw, MetadataKeys.FocusUsageShare, s => double.Parse(s, NumberStyles.Float, CultureInfo.InvariantCulture)),
            Parsed(raw, MetadataKeys.StartMonth, s => DateOnly.ParseExact(s, "yyyy-MM", CultureInfo.InvariantCulture)),
            Parsed(raw, MetadataKeys.HorizonMonths, s => int.Parse(s, NumberStyles.Integer, CultureInfo.InvariantCulture)));
    }

    private static T? Parsed<T>(Dictionary<string, string> raw, string key, Func<string, T> parse)
        where T : struct
    {
        if (!raw.TryGetValue(key, out var text))
        {
            return null;
        }

        try
        {
            return parse(text.Trim());
        }
        catch (Exception e) when (e is FormatException or OverflowException)
        {
            throw new FormatException($"Metadata '{key}' = '{text}' is not valid.", e);
        }
    }

    private static string[] StringList(Dictionary<string, string> raw, string key)
    {
        if (!raw.TryGetValue(key, out var json))
        {
            return [];
        }

        try
        {
            return JsonSerializer.Deserialize(json, MetadataJsonContext.Default.StringArray) ?? [];
        }
        catch (JsonException e)
        {
            throw new FormatException($"Metadata '{key}' = '{json}' is not a JSON array of strings.", e);
        }
    }
}
