namespace ComputeGap.Engine.Aggregation;

/// <summary>One written aggregate: a stem and the file of each of its tables.</summary>
/// <param name="Stem">Path without the <c>.agg-&lt;table&gt;.parquet</c> ending, e.g. <c>out/default.part-0001-of-0004</c>.</param>
/// <param name="Tables">Full path of each table's file, by table name.</param>
public sealed record AggregatePart(string Stem, IReadOnlyDictionary<string, string> Tables);

/// <summary>
/// Names of aggregate files: <c>&lt;stem&gt;.agg-&lt;table&gt;.parquet</c>, one file per table of
/// <see cref="Tables"/>, where the stem is e.g. <c>out/default</c> or <c>out/default.part-0001-of-0004</c>.
/// </summary>
public static class AggregateFiles
{
    /// <summary>Key-value metadata key and value marking aggregate output.</summary>
    public const string OutputKey = "output";

    /// <summary>The value of <see cref="OutputKey"/> in aggregate files.</summary>
    public const string OutputValue = "aggregate";

    /// <summary>Statistics per outcome.</summary>
    public const string Outcomes = "outcomes";

    /// <summary>Non-zero quantile-sketch counts.</summary>
    public const string Sketch = "sketch";

    /// <summary>Main effects per axis value and outcome.</summary>
    public const string Effects = "effects";

    /// <summary>Threshold counts.</summary>
    public const string Thresholds = "thresholds";

    /// <summary>Best and worst scenarios by focus share.</summary>
    public const string Extremes = "extremes";

    private const string Marker = ".agg-";
    private const string Extension = ".parquet";

    /// <summary>Fan charts of the monthly series columns (p5/p50/p95), written with <c>--series</c>.</summary>
    public const string Fans = "fans";

    /// <summary>The fan charts' mergeable sketch counts.</summary>
    public const string FanSketch = "fan-sketch";

    /// <summary>Sobol or Morris sums of a Saltelli or Morris design.</summary>
    public const string Sensitivity = "sensitivity";

    /// <summary>The bitmap of <c>sweep --where</c>, when the sweep kept one (see <see cref="WhereTable"/>).</summary>
    public const string Where = "where";

    /// <summary>The cells of a grid's variance decomposition (see <see cref="GridCellTable"/>).</summary>
    public const string Grid = "grid";

    /// <summary>Lever combinations compared on the same futures (see <see cref="PolicyTable"/>).</summary>
    public const string Policy = "policy";

    /// <summary>Every table an aggregate consists of.</summary>
    public static IReadOnlyList<string> Tables { get; } = [Outcomes, Sketch, Effects, Thresholds, Extremes];

    /// <summary>Tables an aggregate may add (both or neither).</summary>
    public static IReadOnlyList<string> OptionalTables { get; } = [Fans, FanSketch, Sensitivity, Where, Grid, Policy];

    /// <summary>The file of <paramref name="table"/> for <paramref name="stem"/>.</summary>
    public static string PathOf(string stem, string table) => stem + Marker + table + Extension;

    /// <summary>True for a complete (not temporary) aggregate file name, e.g. <c>default.agg-outcomes.parquet</c>.</summary>
    public static bool IsAggregateFile(string path)
    {
        var name = Path.GetFileName(path);
        return name.EndsWith(Extension, StringComparison.Ordinal)
            && name.Contains(Marker, StringComparison.Ordinal)
            && !name.Contains(".tmp-", StringComparison.Ordinal);
    }

    /// <summary>True when aggregate files exist for the stem <paramref name="stem"/>.</summary>
    public static bool StemExists(string stem)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(stem))!;
        return Directory.Exists(directory) && Group(InDirectory(directory)).Any(p => p.Key == Path.GetFullPath(stem));
    }

    /// <summary>
    /// The aggregates at <paramref name="path"/>, in stem order: every one in a directory, the one an
    /// aggregate file belongs to, or the one of a stem.
    /// </summary>
    /// <exception cref="FileNotFoundException">No aggregate files there.</exception>
    /// <exception cref="InvalidDataException">An aggregate lacks a table or has an unknown one.</exception>
    public static IReadOnlyList<AggregatePart> Find(string path)
    {
        IEnumerable<string> files;
        string? stem = null;
        if (Directory.Exists(path))
        {
            files = InDirectory(Path.GetFullPath(path));
        }
        else
        {
            var full = Path.GetFullPath(path);
            stem = File.Exists(full) && IsAggregateFile(full) ? StemOf(full) : full;
            var directory = Path.GetDirectoryName(stem)!;
            files = Directory.Exists(directory) ? InDirectory(directory) : [];
        }

        var parts = Group(files)
            .Where(g => stem is null || g.Key == stem)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => ToPart(g.Key, g))
            .ToArray();
        return parts.Length > 0
            ? parts
            : throw new FileNotFoundException($"No aggregate files (*{Marker}*{Extension}) at '{path}'.", path);
    }

    private static IEnumerable<string> InDirectory(string directory) =>
        Directory.EnumerateFiles(directory).Where(IsAggregateFile);

    private static IEnumerable<IGrouping<string, string>> Group(IEnumerable<string> files) =>
        files.GroupBy(StemOf, StringComparer.Ordinal);

    private static string StemOf(string file)
    {
        var full = Path.GetFullPath(file);
        return full[..full.LastIndexOf(Marker, StringComparison.Ordinal)];
    }

    private static string TableOf(string file)
    {
        var name = Path.GetFileName(file);
        var start = name.LastIndexOf(Marker, StringComparison.Ordinal) + Marker.Length;
        return name[start..^Extension.Length];
    }

    private static AggregatePart ToPart(string stem, IEnumerable<string> files)
    {
        var tables = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            var table = TableOf(file);
            if (!Tables.Contains(table) && !OptionalTables.Contains(table))
            {
                throw new InvalidDataException($"'{file}' is not an aggregate table: expected one of {string.Join(", ", Tables)}.");
            }

            tables[table] = Path.GetFullPath(file);
        }

        var missing = Tables.FirstOrDefault(t => !tables.ContainsKey(t));
        return missing is null
            ? new AggregatePart(stem, tables)
            : throw new InvalidDataException($"The aggregate '{stem}' has no '{missing}' table: '{PathOf(stem, missing)}' is missing.");
    }
}
