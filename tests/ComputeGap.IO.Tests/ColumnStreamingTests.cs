using ComputeGap.IO.Parquet;
using ComputeGap.IO.Reports;
using ComputeGap.IO.Statistics;
using MathNet.Numerics.Statistics;

namespace ComputeGap.IO.Tests;

/// <summary>
/// Summaries of part files stream their columns in blocks (row groups, then 64 Ki-row blocks) and sort
/// columns in their own width and in place; these tests hold that to the in-memory table's answers and
/// to MathNet's statistics, on tables whose row groups do not line up with the blocks.
/// </summary>
public sealed class ColumnStreamingTests
{
    // 10 x 15 x 1,000 grid points: 150,000 rows, more than two 65,536-row blocks.
    private static readonly string[] Axes = ["a", "b", "c"];

    [Fact]
    public async Task Blocks_of_part_files_are_their_columns_in_row_order_across_row_groups()
    {
        using var directory = new TempDirectory();
        var table = GridTable();
        var parts = await WritePartsAsync(table, directory, 40_000, 40_000, 40_000);

        var seen = new double[2][];
        seen[0] = new double[table.RowCount];
        seen[1] = new double[table.RowCount];
        var next = 0;
        parts.ForEachBlock(["share_EU", "focus_target_month"], (start, length, blocks) =>
        {
            Assert.Equal(next, start);
            Assert.True(length <= ColumnBlocks.Size);
            blocks[0].AsSpan(0, length).CopyTo(seen[0].AsSpan(start));
            blocks[1].AsSpan(0, length).CopyTo(seen[1].AsSpan(start));
            next += length;
        });

        Assert.Equal(table.RowCount, next);
        Assert.Equal(table["share_EU"].ToDoubles(), seen[0]);
        Assert.Equal(table["focus_target_month"].ToDoubles(), seen[1]);
        Assert.True(((IColumnSource)parts).ColumnsAreCopies);
        Assert.False(((IColumnSource)table).ColumnsAreCopies);
    }

    [Fact]
    public async Task Parts_of_different_row_group_sizes_stream_as_their_columns()
    {
        // Small groups first: the reused buffers must be sized for the largest group of any part.
        using var directory = new TempDirectory();
        var table = GridTable();
        var parts = await WritePartsAsync(table, directory, 1_000, 70_000);

        var seen = new double[table.RowCount];
        parts.ForEachBlock(["share_EU"], (start, length, blocks) => blocks[0].AsSpan(0, length).CopyTo(seen.AsSpan(start)));

        Assert.Equal(table["share_EU"].ToDoubles(), seen);
        Assert.Equal(SummaryReport.Render(SummaryData.FromColumns(table), ReportFormat.Json), SummaryReport.Render(SummaryData.FromColumns(parts), ReportFormat.Json));
    }

    [Fact]
    public async Task A_summary_streamed_from_parts_equals_the_summary_of_the_table_in_memory()
    {
        using var directory = new TempDirectory();
        var table = GridTable();
        var parts = await WritePartsAsync(table, directory, 40_000, 40_000, 40_000);

        foreach (var outcome in new string?[] { null, "focus_target_month", "share_US" })
        {
            var fromTable = SummaryData.FromColumns(table) with { Outcome = outcome };
            var fromParts = SummaryData.FromColumns(parts) with { Outcome = outcome };
            Assert.Equal(SummaryReport.Render(fromTable, ReportFormat.Json), SummaryReport.Render(fromParts, ReportFormat.Json));
            Assert.NotNull(fromParts.Grid);
        }

        // The column each statistic sorted in place was the reader's own copy: the table still holds its values.
        Assert.Equal(GridTable()["share_EU"].ToDoubles(), table["share_EU"].ToDoubles());
    }

    [Fact]
    public async Task The_extremes_are_the_highest_and_lowest_shares_with_ties_to_the_lower_scenario()
    {
        using var directory = new TempDirectory();
        var table = GridTable();
        var parts = await WritePartsAsync(table, directory, 40_000, 40_000, 40_000);
        var share = table["share_EU"].ToDoubles();
        var scenario = table["scenario"].As<long>();
        var rows = Enumerable.Range(0, share.Length).Where(i => double.IsFinite(share[i])).ToArray();

        var extremes = SummaryData.FromColumns(parts).Extremes!;

        Assert.Equal(rows.OrderByDescending(i => share[i]).ThenBy(i => scenario[i]).Take(SummaryData.ExtremeCount).Select(i => scenario[i]), extremes.Top.Select(r => r.Scenario));
        Assert.Equal(rows.OrderBy(i => share[i]).ThenBy(i => scenario[i]).Take(SummaryData.ExtremeCount).Select(i => scenario[i]), extremes.Bottom.Select(r => r.Scenario));
        var first = extremes.Bottom[0];
        var row = Array.IndexOf(scenario, first.Scenario);
        Assert.Equal(Axes.Select(a => table[a].ToDoubles()[row]), first.Inputs.Select(kv => kv.Value));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(1001)]
    [InlineData(65_537)]
    public void Statistics_in_a_columns_own_width_are_MathNets_bit_for_bit(int length)
    {
        var random = new Random(length);
        var floats = Enumerable.Range(0, length).Select(_ => (float)Math.Round((random.NextDouble() * 10) - 3, random.Next(1, 5))).ToArray();
        var sorted = floats.Select(f => (double)f).Order().ToArray();

        foreach (var stats in new[]
        {
            OutcomeStats.OfColumn("x", floats),
            OutcomeStats.OfColumn("x", (float[])floats.Clone(), reorder: true),
            OutcomeStats.Compute("x", [.. floats.Select(f => (double)f)]),
        })
        {
            Assert.Equal(ArrayStatistics.Mean(sorted), stats.Mean);
            foreach (var (p, actual) in new[] { (0.05, stats.P5), (0.25, stats.P25), (0.5, stats.P50), (0.75, stats.P75), (0.95, stats.P95) })
            {
                Assert.Equal(SortedArrayStatistics.QuantileCustom(sorted, p, QuantileDefinition.R7), actual);
            }

            Assert.Equal(sorted[0], stats.Min);
            Assert.Equal(sorted[^1], stats.Max);
        }
    }

    [Fact]
    public void Month_columns_sorted_in_place_still_leave_never_out()
    {
        var months = new[] { 30, -1, 12, -1, 7 };
        var stats = OutcomeStats.OfColumn("focus_target_month", months, neverSentinel: -1, reorder: true);
        Assert.Equal((3L, 2L, 7.0, 30.0), (stats.Count, stats.NeverCount, stats.Min, stats.Max));
        Assert.Equal(ArrayStatistics.Mean([7.0, 12, 30]), stats.Mean);
    }

    /// <summary>A grid of three axes with a focus share holding ties and NaN, and a month outcome with "never".</summary>
    private static ColumnTable GridTable()
    {
        const int rows = 10 * 15 * 1000;
        var random = new Random(7);
        var a = new float[rows];
        var b = new double[rows];
        var c = new float[rows];
        var shareEu = new float[rows];
        var shareUs = new float[rows];
        var month = new int[rows];
        for (var i = 0; i < rows; i++)
        {
            (a[i], b[i], c[i]) = (i / 15_000 * 0.1f, i / 1000 % 15 * 0.25, i % 1000 / 1000f);
            shareEu[i] = i % 997 == 0 ? float.NaN : (float)Math.Round((0.05 * a[i]) + (0.02 * b[i] * c[i]) + (0.01 * random.NextDouble()), 3);
            shareUs[i] = 1 - shareEu[i];
            month[i] = random.Next(-1, 72);
        }

        var metadata = SummaryFixture.Metadata();
        metadata["axes"] = """["a","b","c"]""";
        return new ColumnTable(
            [
                new("scenario", ColumnType.Int64, Enumerable.Range(0, rows).Select(i => (long)i).ToArray()),
                new("a", ColumnType.Float32, a),
                new("b", ColumnType.Float64, b),
                new("c", ColumnType.Float32, c),
                new("share_US", ColumnType.Float32, shareUs),
                new("share_EU", ColumnType.Float32, shareEu),
                new("focus_target_month", ColumnType.Int32, month),
            ],
            rows,
            metadata);
    }

    /// <summary>The table written as one part file per entry of <paramref name="rowGroups"/>, in groups of that many rows, opened as parts.</summary>
    private static async Task<ParquetParts> WritePartsAsync(ColumnTable table, TempDirectory directory, params int[] rowGroups)
    {
        var specs = table.Specs;
        var files = rowGroups.Length;
        var perFile = (table.RowCount + files - 1) / files;
        var paths = new List<string>();
        for (var f = 0; f < files; f++)
        {
            var path = directory.File($"part-{f}.rows.parquet");
            await using var writer = await ParquetTableWriter.CreateAsync(path, specs, table.Metadata);
            for (var start = f * perFile; start < Math.Min(table.RowCount, (f + 1) * perFile); start += rowGroups[f])
            {
                var count = Math.Min(rowGroups[f], Math.Min(table.RowCount, (f + 1) * perFile) - start);
                var from = start;
                await writer.WriteRowGroupAsync([.. table.Columns.Select(column => Slice(column.Values, from, count))], count);
            }

            await writer.CommitAsync();
            paths.Add(path);
        }

        return await ParquetParts.OpenAsync(paths);
    }

    private static Array Slice(Array values, int start, int count)
    {
        var slice = Array.CreateInstance(values.GetType().GetElementType()!, count);
        Array.Copy(values, start, slice, 0, count);
        return slice;
    }
}
