using ComputeGap.Core.Models;
using ComputeGap.Core.Reduction;
using ComputeGap.Engine.Aggregation;
using ComputeGap.IO.Parquet;
using ComputeGap.IO.Reports;
using ComputeGap.IO.Tests;

namespace ComputeGap.Engine.Tests.Aggregation;

/// <summary>Fans from a row run's series files: known values give the expected quantiles, read by column name, one row group at a time.</summary>
public sealed class SeriesFanTests
{
    /// <summary>
    /// A tiny model-v2 series file: 101 scenarios, 2 months, regions EU and US, in three row groups.
    /// EU's share in month 0 is 0.001·(i + 1) for scenario i (0.001 … 0.101); its installed H100e is
    /// 1e6·(i + 1); the price is 20,000 + 100·i on EU's row and a decoy 1 on US's row (a world value is
    /// read from the first region's row only). Month 1 doubles every value. Columns stand in an order
    /// unlike the writer's, beside a date column the reader must ignore.
    /// </summary>
    private static async Task<string> WriteSeriesAsync(TempDirectory dir, int rowGroups)
    {
        const int Scenarios = 101;
        var path = dir.File("run.00000000.series.parquet");
        var metadata = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [MetadataKeys.ModelVersion] = Core.Market.ModelV2.Descriptor.Version,
            [MetadataKeys.Regions] = "[\"EU\",\"US\"]",
            [MetadataKeys.HorizonMonths] = "2",
            [MetadataKeys.StartMonth] = "2025-01",
        };
        ColumnSpec[] specs =
        [
            new("price", ColumnType.Float32), new("region", ColumnType.String), new("date", ColumnType.String), new("scenario", ColumnType.Int64),
            new("installed", ColumnType.Float32), new("month", ColumnType.Int32), new("share", ColumnType.Float32),
        ];
        var rows = new List<(float Price, string Region, string Date, long Scenario, float Installed, int Month, float Share)>();
        for (var i = 0; i < Scenarios; i++)
        {
            for (var t = 0; t < 2; t++)
            {
                var k = t + 1;
                rows.Add((k * (20_000f + (100 * i)), "EU", $"2025-0{t + 1}", i, k * 1e6f * (i + 1), t, k * 0.001f * (i + 1)));
                rows.Add((1f, "US", $"2025-0{t + 1}", i, 5f, t, 0.5f));
            }
        }

        await using var writer = await ParquetTableWriter.CreateAsync(path, specs, metadata);
        var size = (rows.Count + rowGroups - 1) / rowGroups;
        foreach (var group in rows.Chunk(size))
        {
            await writer.WriteRowGroupAsync(
                [group.Select(r => r.Price).ToArray(), group.Select(r => r.Region).ToArray(), group.Select(r => r.Date).ToArray(), group.Select(r => r.Scenario).ToArray(),
                    group.Select(r => r.Installed).ToArray(), group.Select(r => r.Month).ToArray(), group.Select(r => r.Share).ToArray()],
                group.Length);
        }

        await writer.CommitAsync();
        return path;
    }

    [Fact]
    public async Task KnownValuesGiveTheirMedianAndPercentilesWithinTheSketchsOnePercent()
    {
        using var dir = new TempDirectory();
        var parts = await ParquetParts.OpenAsync([await WriteSeriesAsync(dir, rowGroups: 3)]);
        var fans = await SeriesFans.ReadAsync(parts, CancellationToken.None);

        Assert.Equal(["share_EU", "share_US", "installed_EU", "installed_US", "price"], fans.Select(f => f.Name));
        Assert.Equal(["fraction", "fraction", "h100e", "h100e", "usd"], fans.Select(f => f.Kind));

        // R-7 over 101 values: p50 is rank 50, p5 rank 5, p95 rank 95 (0-based): scenario i = rank.
        void Within(double expected, double actual) =>
            Assert.True(Math.Abs(actual - expected) <= QuantileSketch.RelativeAccuracy * expected, $"{actual} is not within 1 % of {expected}");
        var share = fans[0].Months;
        Within(0.051, share[0].P50);
        Within(0.006, share[0].P5);
        Within(0.096, share[0].P95);
        Within(2 * 0.051, share[1].P50);
        Within(5.1e7, fans[2].Months[0].P50);
        Within(0.5, fans[1].Months[0].P50);

        // The price from EU's rows only: 20,000 + 100 i, not the decoy 1 on US's rows.
        Within(25_000, fans[4].Months[0].P50);
        Within(20_500, fans[4].Months[0].P5);
        Within(2 * 29_500, fans[4].Months[1].P95);
    }

    [Fact]
    public async Task TheReaderHoldsOneRowGroupAtATime()
    {
        using var dir = new TempDirectory();
        var parts = await ParquetParts.OpenAsync([await WriteSeriesAsync(dir, rowGroups: 4)]);
        var calls = new List<(int Length, int Rows)>();
        await parts.ForEachRowGroupAsync(["month", "share"], (columns, rows) => calls.Add((columns[0].Length, rows)));

        // 404 rows in groups of 101: each call sees arrays of one group's length, never the table's.
        Assert.Equal(4, calls.Count);
        Assert.All(calls, c => Assert.Equal((101, 101), c));

        // The counts do not depend on how the file is split into row groups.
        using var other = new TempDirectory();
        var one = await ParquetParts.OpenAsync([await WriteSeriesAsync(other, rowGroups: 1)]);
        Assert.True((await SeriesFans.CountAsync(parts, CancellationToken.None)).ExactlyEquals(await SeriesFans.CountAsync(one, CancellationToken.None)));
    }

    [Fact]
    public void ASeriesLayoutPutsSharesThenInstalledThenThePrice()
    {
        var layout = Core.Market.ModelV2.Descriptor.Series(regions: 5);
        Assert.Equal(11, layout.Width);
        Assert.Equal(Core.Market.MarketSeries.Installed(3, 5), layout.Index(1, 3));
        Assert.Equal(Core.Market.MarketSeries.Price(5), layout.Index(2, 4));
        Assert.Equal((1, 3), layout.At(8));
        Assert.Equal((2, 0), layout.At(10));
    }
}
