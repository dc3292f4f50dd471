using System.Globalization;
using ComputeGap.IO.Parquet;
using ComputeGap.IO.Reports;
using ComputeGap.IO.Statistics;

namespace ComputeGap.Engine.Aggregation;

/// <summary>
/// The fan-chart tables: <c>fans</c> (month, region, p5, p50, p95 of the region's share, from the
/// sketch: within 1 %) for people and plots, and <c>fan-sketch</c> (month, region, slot, count; non-zero
/// slots only), the mergeable form the reader restores the exact counts from.
/// </summary>
internal static class FanTables
{
    public static (string, ColumnSpec[], Array[], int) Quantiles(FanState fans, IReadOnlyList<string> outcomes)
    {
        var rows = fans.Months * fans.Regions;
        var month = new int[rows];
        var region = new string[rows];
        var p5 = new double[rows];
        var p50 = new double[rows];
        var p95 = new double[rows];
        for (var t = 0; t < fans.Months; t++)
        {
            for (var r = 0; r < fans.Regions; r++)
            {
                var i = (t * fans.Regions) + r;
                month[i] = t;
                region[i] = RegionName(outcomes, r);
                p5[i] = fans.Quantile(t, r, 0.05);
                p50[i] = fans.Quantile(t, r, 0.50);
                p95[i] = fans.Quantile(t, r, 0.95);
            }
        }

        return (AggregateFiles.Fans,
            [new("month", ColumnType.Int32), new("region", ColumnType.String), new("p5", ColumnType.Float64), new("p50", ColumnType.Float64), new("p95", ColumnType.Float64)],
            [month, region, p5, p50, p95], rows);
    }

    public static (string, ColumnSpec[], Array[], int) Counts(FanState fans)
    {
        var month = new List<int>();
        var region = new List<int>();
        var slot = new List<int>();
        var count = new List<long>();
        for (var t = 0; t < fans.Months; t++)
        {
            for (var r = 0; r < fans.Regions; r++)
            {
                var sketch = fans.Sketch(t, r);
                for (var s = 0; s < sketch.Length; s++)
                {
                    if (sketch[s] != 0)
                    {
                        month.Add(t);
                        region.Add(r);
                        slot.Add(s);
                        count.Add(sketch[s]);
                    }
                }
            }
        }

        return (AggregateFiles.FanSketch,
            [new("month", ColumnType.Int32), new("region", ColumnType.Int32), new("slot", ColumnType.Int32), new("count", ColumnType.Int64)],
            [month.ToArray(), region.ToArray(), slot.ToArray(), count.ToArray()], count.Count);
    }

    /// <summary>Every region's fan (p5, p25, p50, p75, p95 of its share each month, from the sketch: within 1 %).</summary>
    public static ShareFan[] Charts(FanState fans, IReadOnlyList<string> outcomes) =>
        [.. Enumerable.Range(0, fans.Regions).Select(r => new ShareFan(RegionName(outcomes, r),
            [.. Enumerable.Range(0, fans.Months).Select(t => new FanQuantiles(
                fans.Quantile(t, r, 0.05), fans.Quantile(t, r, 0.25), fans.Quantile(t, r, 0.50), fans.Quantile(t, r, 0.75), fans.Quantile(t, r, 0.95)))]))];

    /// <summary>Restores exact fan counts from a <c>fan-sketch</c> table; the horizon comes from the metadata.</summary>
    public static void Read(AggregateState state, ColumnTable table)
    {
        var months = int.Parse(table.Metadata[MetadataKeys.HorizonMonths], CultureInfo.InvariantCulture);
        state.KeepFans(months);
        var fans = state.Fans!;
        var month = table["month"].As<int>();
        var region = table["region"].As<int>();
        var slot = table["slot"].As<int>();
        var count = table["count"].As<long>();
        for (var i = 0; i < table.RowCount; i++)
        {
            fans.Set(month[i], region[i], slot[i], count[i]);
        }
    }

    /// <summary>Region r's name, from its share column <c>share_&lt;REGION&gt;</c>.</summary>
    private static string RegionName(IReadOnlyList<string> outcomes, int region) =>
        outcomes[region].StartsWith("share_", StringComparison.Ordinal) ? outcomes[region]["share_".Length..] : outcomes[region];
}
