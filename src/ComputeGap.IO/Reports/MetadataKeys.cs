namespace ComputeGap.IO.Reports;

/// <summary>
/// Footer metadata keys that the writer's caller sets and the summary reads: the contract between
/// the sweep and its reports. Values are strings; lists are JSON arrays of strings.
/// </summary>
public static class MetadataKeys
{
    /// <summary>Region names in model order, JSON array, e.g. <c>["US","CN","EU","ALLY","ROW"]</c>.</summary>
    public const string Regions = "regions";

    /// <summary>Names of the swept axis columns (the levers of a sampled design), JSON array.</summary>
    public const string Axes = "axes";

    /// <summary>A sampled design's description (<see cref="DesignInfo"/>), JSON object; absent for grids.</summary>
    public const string Design = "design";

    /// <summary>Focus region name, e.g. <c>EU</c>.</summary>
    public const string Focus = "focus";

    /// <summary>The rival pair, JSON array of two region names; <c>rival_ratio</c> is the first over the second.</summary>
    public const string Rivals = "rivals";

    /// <summary>The focus region's share of global usage demand, a number as text, e.g. <c>0.2</c>.</summary>
    public const string FocusUsageShare = "focus_usage_share";

    /// <summary>The thresholds the sweep file asked for (<see cref="ChosenThreshold"/>), JSON array; absent when none.</summary>
    public const string Thresholds = "thresholds";

    /// <summary>Calendar month of t = 0, <c>yyyy-MM</c>, e.g. <c>2025-01</c>.</summary>
    public const string StartMonth = "start_month";

    /// <summary>Months simulated (T), e.g. <c>72</c>.</summary>
    public const string HorizonMonths = "horizon_months";

    /// <summary>Each outcome column's kind (fraction, ratio, month, h100e, usd), a JSON object from name to kind.</summary>
    public const string OutcomeKinds = "outcome_kinds";

    /// <summary>Model version; part files with different values are never mixed.</summary>
    public const string ModelVersion = "model_version";

    /// <summary>SHA-256 of the sweep file; part files with different values are never mixed.</summary>
    public const string SweepSha256 = "sweep_sha256";

    /// <summary>SHA-256 of the baseline file; part files with different values are never mixed.</summary>
    public const string BaselineSha256 = "baseline_sha256";

    /// <summary>The sweep file's one-line description (what it asks and which constraint binds).</summary>
    public const string SweepDescription = "sweep_description";

    /// <summary>Sweep name.</summary>
    public const string SweepName = "sweep_name";

    /// <summary>Backend that computed the rows (e.g. cuda, cpu).</summary>
    public const string Backend = "backend";

    /// <summary>Device description.</summary>
    public const string Device = "device";

    /// <summary>Version of the tool that wrote the file.</summary>
    public const string ToolVersion = "tool_version";

    /// <summary>Creation time, ISO 8601 UTC.</summary>
    public const string CreatedUtc = "created_utc";

    /// <summary>
    /// Version of the row files' columns (<see cref="RowSchema"/>), a number as text, e.g. <c>2</c>; absent in
    /// files written before it (version 1: months as required int32 with −1 for never, axes as float32).
    /// </summary>
    public const string RowSchema = "row_schema";

    /// <summary>The whole description as one JSON object with typed values (numbers as numbers, lists as arrays).</summary>
    public const string Meta = "computegap-meta";

    /// <summary>The keys whose text is a JSON value (a number, an array or an object), typed as such in <see cref="Meta"/>.</summary>
    public static IReadOnlySet<string> JsonValued { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        RowSchema, Regions, Axes, Design, Rivals, FocusUsageShare, HorizonMonths, OutcomeKinds, Thresholds,
    };

    /// <summary>How the run was kept: <c>rows</c> or <c>aggregate</c> (whose quantiles come from sketches).</summary>
    public const string Output = "output";
}
