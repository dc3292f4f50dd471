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
    /// <summary>
    /// The pairs a report echoes, in key order: all but <see cref="MetadataKeys.Meta"/>, a typed copy of the
    /// others that would repeat them (and the whole sweep file) as one escaped string.
    /// </summary>
    public IEnumerable<KeyValuePair<string, string>> Echoed =>
        Raw.Where(kv => kv.Key != MetadataKeys.Meta).OrderBy(kv => kv.Key, StringComparer.Ordinal);

    /// <summary>Year of the final month, t = T − 1 (start month plus T − 1 months), or null when unknown.</summary>
    public int? FinalYear => StartMonth is { } start && HorizonMonths is { } t && t >= 1
        ? CalendarMonth.DateOf(start, t - 1).Year
        : null;

    /// <summary>A raw value, or null.</summary>
    public string? Get(string key) => Raw.TryGetValue(key, out var value) ? value : null;

    /// <summary>Each outcome's kind as the writer recorded it (fraction, ratio, month, h100e, usd); empty for older files.</summary>
    public IReadOnlyDictionary<string, string> OutcomeKinds { get; init; } = new Dictionary<string, string>();

    /// <summary>The sampled design, or null for a grid.</summary>
    public DesignInfo? Design { get; init; }

    /// <summary>The thresholds the sweep file asked for; empty when none (and for files written before they could be).</summary>
    public IReadOnlyList<ChosenThreshold> Thresholds { get; init; } = [];

    /// <summary>Columns that describe a scenario rather than measure it: the axes (levers) and the uncertain parameters.</summary>
    public IEnumerable<string> InputColumns => Design is { } d ? Axes.Concat(d.Uncertain) : Axes;

    /// <summary>
    /// The kind of <paramref name="column"/>: the recorded one, else (files written before kinds were
    /// recorded) a fraction for shares and the focus's share-like outcomes, a month for <c>*_month</c>, else a number.
    /// </summary>
    public string KindOf(string column) =>
        OutcomeKinds.TryGetValue(column, out var kind) ? kind
        : OutcomeColumns.IsFraction(column) ? "fraction"
        : OutcomeColumns.IsMonth(column) ? "month"
        : "number";

    /// <summary>A statistic of <paramref name="column"/> for people: percentages, dollars, calendar months or a number.</summary>
    public string Show(string column, double value) => KindOf(column) switch
    {
        "fraction" => ReportNumbers.Percent(value, 3),
        "usd" => double.IsFinite(value) ? "$" + ReportNumbers.Number(value) : ReportNumbers.Number(value),
        "month" when StartMonth is { } start && double.IsFinite(value) && value >= 0 && value < 12_000 =>
            CalendarMonth.DateOf(start, (int)Math.Round(value)).ToString(CalendarMonth.Format, CultureInfo.InvariantCulture),
        _ => ReportNumbers.Number(value),
    };

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

        var kinds = raw.TryGetValue(MetadataKeys.OutcomeKinds, out var kindsJson)
            ? Kinds(kindsJson)
            : new Dictionary<string, string>();
        return new SummaryMetadata(
            raw,
            StringList(raw, MetadataKeys.Regions),
            StringList(raw, MetadataKeys.Axes),
            raw.TryGetValue(MetadataKeys.Focus, out var focus) && focus.Length > 0 ? focus : null,
            rivals,
            Parsed(raw, MetadataKeys.FocusUsageShare, s => double.Parse(s, NumberStyles.Float, CultureInfo.InvariantCulture)),
            Parsed(raw, MetadataKeys.StartMonth, CalendarMonth.Parse),
            Parsed(raw, MetadataKeys.HorizonMonths, s => int.Parse(s, NumberStyles.Integer, CultureInfo.InvariantCulture)))
        {
            OutcomeKinds = kinds,
            Design = raw.TryGetValue(MetadataKeys.Design, out var design) ? DesignInfo.Parse(design) : null,
            Thresholds = raw.TryGetValue(MetadataKeys.Thresholds, out var thresholds) ? ChosenThreshold.Parse(thresholds) : [],
        };
    }

    private static Dictionary<string, string> Kinds(string json)
    {
        try
        {
            return JsonSerializer.Deserialize(json, MetadataJsonContext.Default.DictionaryStringString) ?? [];
        }
        catch (JsonException e)
        {
            throw new FormatException($"Metadata '{MetadataKeys.OutcomeKinds}' = '{json}' is not a JSON object of strings.", e);
        }
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
