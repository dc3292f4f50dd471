using System.Globalization;
using ComputeGap.Core.Models;
using ComputeGap.IO.Parquet;
using ComputeGap.IO.Reports;
using ComputeGap.IO.Statistics;

namespace ComputeGap.Engine.Aggregation;

/// <summary>
/// The fan-chart tables: <c>fans</c> (month, column, region, p5, p50, p95 of each series value, from the
/// sketch: within 1 %; a world column's region is <see cref="World"/>) for people and plots, and
/// <c>fan-sketch</c> (month, series, slot, count; non-zero slots only, <c>series</c> the value's observer
/// index in the model's <see cref="SeriesLayout"/>), the mergeable form the reader restores the exact counts from.
/// </summary>
/// <remarks>
/// Files written before the fans held every series column have shares only, with a <c>region</c> index where
/// <c>series</c> now stands; a share's observer index is its region's, so they read as fans of the share alone.
/// </remarks>
internal static class FanTables
{
    /// <summary>The region column's value for a world column (the price) in the <c>fans</c> table.</summary>
    public const string World = "world";

    /// <summary>The shares-only fan tables' column that names the sketch (a region index).</summary>
    private const string OldRegion = "region";

    private const string SeriesIndex = "series";

    /// <summary>The only column of shares-only fan tables.</summary>
    private static readonly SeriesColumn[] SharesOnly = [new("share", OutcomeKind.Fraction, PerRegion: true)];

    public static (string, ColumnSpec[], Array[], int) Quantiles(FanState fans, IReadOnlyList<string> regions)
    {
        var width = fans.Layout.Width;
        var rows = fans.Months * width;
        var month = new int[rows];
        var column = new string[rows];
        var region = new string[rows];
        var p5 = new double[rows];
        var p50 = new double[rows];
        var p95 = new double[rows];
        for (var t = 0; t < fans.Months; t++)
        {
            for (var s = 0; s < width; s++)
            {
                var i = (t * width) + s;
                var (c, r) = fans.Layout.At(s);
                month[i] = t;
                column[i] = fans.Layout.Columns[c].Name;
                region[i] = fans.Layout.Columns[c].PerRegion ? regions[r] : World;
                p5[i] = fans.Quantile(t, s, 0.05);
                p50[i] = fans.Quantile(t, s, 0.50);
                p95[i] = fans.Quantile(t, s, 0.95);
            }
        }

        return (AggregateFiles.Fans,
            [new("month", ColumnType.Int32), new("column", ColumnType.String), new("region", ColumnType.String),
                new("p5", ColumnType.Float64), new("p50", ColumnType.Float64), new("p95", ColumnType.Float64)],
            [month, column, region, p5, p50, p95], rows);
    }

    public static (string, ColumnSpec[], Array[], int) Counts(FanState fans)
    {
        var month = new List<int>();
        var series = new List<int>();
        var slot = new List<int>();
        var count = new List<long>();
        for (var t = 0; t < fans.Months; t++)
        {
            for (var s = 0; s < fans.Layout.Width; s++)
            {
                var sketch = fans.Sketch(t, s);
                for (var k = 0; k < sketch.Length; k++)
                {
                    if (sketch[k] != 0)
                    {
                        month.Add(t);
                        series.Add(s);
                        slot.Add(k);
                        count.Add(sketch[k]);
                    }
                }
            }
        }

        return (AggregateFiles.FanSketch,
            [new("month", ColumnType.Int32), new(SeriesIndex, ColumnType.Int32), new("slot", ColumnType.Int32), new("count", ColumnType.Int64)],
            [month.ToArray(), series.ToArray(), slot.ToArray(), count.ToArray()], count.Count);
    }

    /// <summary>Every series value's fan (p5, p25, p50, p75, p95 each month, from the sketch: within 1 %), columns in model order, <paramref name="regions"/> in run order.</summary>
    public static SeriesFan[] Charts(FanState fans, IReadOnlyList<string> regions) =>
        [.. Enumerable.Range(0, fans.Layout.Width).Select(s =>
        {
            var (c, r) = fans.Layout.At(s);
            var column = fans.Layout.Columns[c];
            return new SeriesFan(column.Name, column.PerRegion ? regions[r] : null, OutcomeKinds.Name(column.Kind),
                [.. Enumerable.Range(0, fans.Months).Select(t => new FanQuantiles(
                    fans.Quantile(t, s, 0.05), fans.Quantile(t, s, 0.25), fans.Quantile(t, s, 0.50), fans.Quantile(t, s, 0.75), fans.Quantile(t, s, 0.95)))]);
        })];

    /// <summary>
    /// Restores exact fan counts from a <c>fan-sketch</c> table; the horizon comes from the metadata, the
    /// series columns from the model version's descriptor (shares only for a table with a <c>region</c> index).
    /// </summary>
    public static void Read(AggregateState state, ColumnTable table)
    {
        var months = int.Parse(table.Metadata[MetadataKeys.HorizonMonths], CultureInfo.InvariantCulture);
        var sharesOnly = !table.Contains(SeriesIndex);
        state.KeepFans(months, sharesOnly ? SharesOnly : SeriesColumnsOf(table.Metadata));
        var fans = state.Fans!;
        var month = table["month"].As<int>();
        var series = table[sharesOnly ? OldRegion : SeriesIndex].As<int>();
        var slot = table["slot"].As<int>();
        var count = table["count"].As<long>();
        for (var i = 0; i < table.RowCount; i++)
        {
            fans.Set(month[i], series[i], slot[i], count[i]);
        }
    }

    /// <summary>The series columns of the model that wrote <paramref name="metadata"/>.</summary>
    private static IReadOnlyList<SeriesColumn> SeriesColumnsOf(IReadOnlyDictionary<string, string> metadata) =>
        metadata.TryGetValue(MetadataKeys.ModelVersion, out var version) && ModelCatalog.ByVersion(version) is { } model
            ? model.SeriesColumns
            : throw new InvalidDataException($"the fan sketch names no known model version ({MetadataKeys.ModelVersion} = \"{version}\"), so its series columns are unknown");

    /// <summary>The regions' names, from their share columns <c>share_&lt;REGION&gt;</c> (the first outcomes).</summary>
    public static string[] RegionNames(AggregateShape shape) =>
        [.. shape.Outcomes.Take(shape.Regions).Select(o => o.StartsWith(OutcomeColumns.SharePrefix, StringComparison.Ordinal) ? o[OutcomeColumns.SharePrefix.Length..] : o)];
}
