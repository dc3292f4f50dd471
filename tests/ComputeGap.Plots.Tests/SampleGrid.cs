using ComputeGap.IO.Parquet;
using ComputeGap.IO.Reports;

namespace ComputeGap.Plots.Tests;

/// <summary>
/// A hand-made 2 × 3 × 2 grid with the EU as focus: share_EU = 0.02 + 0.01·a + 0.015·b + 0.005·a·b + 1e-7·c,
/// so b swings most (its means rise 0.015 + 0.005·mean(a) = 0.0175 a step: 0.035 over b = 0…2), then a
/// (0.01 + 0.005·mean(b) = 0.015), and c's swing of 1e-7 is below 0.1 % of the share's range
/// (0.02 to 0.07: 5e-5): inert.
/// </summary>
internal static class SampleGrid
{
    public static SummaryData Summary()
    {
        var a = new List<float>();
        var b = new List<float>();
        var c = new List<float>();
        var share = new List<float>();
        var installed = new List<double>();
        for (var i = 0; i <= 1; i++)
        {
            for (var j = 0; j <= 2; j++)
            {
                for (var k = 0; k <= 1; k++)
                {
                    a.Add(i);
                    b.Add(j);
                    c.Add(k);
                    share.Add((float)(0.02 + (0.01 * i) + (0.015 * j) + (0.005 * i * j) + (1e-7 * k)));
                    installed.Add(1e6 * (1 + i + j));
                }
            }
        }

        var metadata = new Dictionary<string, string>
        {
            [MetadataKeys.Regions] = "[\"EU\"]",
            [MetadataKeys.Axes] = "[\"a\",\"b\",\"c\"]",
            [MetadataKeys.Focus] = "EU",
            [MetadataKeys.StartMonth] = "2024-01",
            [MetadataKeys.HorizonMonths] = "84",
            [MetadataKeys.OutcomeKinds] = "{\"share_EU\":\"fraction\",\"installed_EU\":\"h100e\"}",
        };
        var table = new ColumnTable(
            [
                new("scenario", ColumnType.Int64, Enumerable.Range(0, a.Count).Select(i => (long)i).ToArray()),
                new("a", ColumnType.Float32, a.ToArray()),
                new("b", ColumnType.Float32, b.ToArray()),
                new("c", ColumnType.Float32, c.ToArray()),
                new("share_EU", ColumnType.Float32, share.ToArray()),
                new("installed_EU", ColumnType.Float64, installed.ToArray()),
            ],
            a.Count,
            metadata);
        return SummaryData.FromTable(table);
    }
}
