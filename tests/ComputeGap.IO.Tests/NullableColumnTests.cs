using ComputeGap.IO.Parquet;

namespace ComputeGap.IO.Tests;

/// <summary>Nullable and date columns: written as Parquet nulls and DATEs, read back as the in-memory nulls of <see cref="ColumnTypes"/>.</summary>
public sealed class NullableColumnTests
{
    private static readonly ColumnSpec[] Specs =
    [
        new("target_month", ColumnType.Int32, Nullable: true),
        new("date", ColumnType.Date, Nullable: true),
        new("day", ColumnType.Date),
        new("value", ColumnType.Float64, Nullable: true),
    ];

    private static readonly DateOnly Start = new(2025, 1, 1);

    /// <summary>Row i: month i % 7, null every third row; its date; a required date; a double, null every fifth row.</summary>
    private static Array[] Columns(int rows, int first) =>
    [
        Enumerable.Range(first, rows).Select(i => i % 3 == 0 ? ColumnTypes.NullInt32 : i % 7).ToArray(),
        Enumerable.Range(first, rows).Select(i => i % 3 == 0 ? ColumnTypes.NullDate : Start.AddMonths(i % 7)).ToArray(),
        Enumerable.Range(first, rows).Select(i => Start.AddDays(i)).ToArray(),
        Enumerable.Range(first, rows).Select(i => i % 5 == 0 ? double.NaN : i * 0.25).ToArray(),
    ];

    private static async Task<Array[]> WriteAsync(string path, int groups, int rowsPerGroup)
    {
        var all = Columns(groups * rowsPerGroup, 0);
        await using var writer = await ParquetTableWriter.CreateAsync(path, Specs, new Dictionary<string, string>());
        for (var g = 0; g < groups; g++)
        {
            // One reused buffer longer than the group, as chunk buffers are.
            var buffers = Columns(rowsPerGroup + 5, g * rowsPerGroup);
            await writer.WriteRowGroupAsync(buffers, rowsPerGroup);
        }

        await writer.CommitAsync();
        return all;
    }

    [Fact]
    public async Task Nulls_and_dates_survive_a_round_trip_over_several_row_groups()
    {
        using var dir = new TempDirectory();
        var path = dir.File("nullable.parquet");
        var written = await WriteAsync(path, groups: 3, rowsPerGroup: 100);

        var table = await ParquetTableReader.ReadAsync(path);

        Assert.Equal(Specs, table.Specs);
        for (var c = 0; c < Specs.Length; c++)
        {
            Assert.Equal(written[c], table.Columns[c].Values);
        }
    }

    [Fact]
    public async Task DuckDB_reads_the_nulls_as_NULL_and_the_dates_as_DATE()
    {
        using var dir = new TempDirectory();
        var path = dir.File("nullable.parquet");
        var written = await WriteAsync(path, groups: 2, rowsPerGroup: 60);
        var months = (int[])written[0];
        var values = (double[])written[3];

        var types = (await DuckDb.QueryAsync(path, "DESCRIBE data")).ToDictionary(r => r["column_name"].GetString()!, r => r["column_type"].GetString()!);
        var row = Assert.Single(await DuckDb.QueryAsync(path,
            "SELECT count(*) FILTER (WHERE target_month IS NULL) AS nulls, avg(target_month) AS mean, count(*) FILTER (WHERE value IS NULL) AS missing, "
            + "bool_and(date = DATE '2025-01-01' + to_months(target_month)) AS dates, count(*) FILTER (WHERE date IS NULL) AS no_date, "
            + "min(day)::VARCHAR AS first_day, max(day)::VARCHAR AS last_day FROM data"));

        Assert.Equal("INTEGER", types["target_month"]);
        Assert.Equal("DATE", types["date"]);
        Assert.Equal("DATE", types["day"]);
        Assert.Equal(months.Count(m => m == ColumnTypes.NullInt32), DuckDb.ToInt64(row["nulls"]));
        Assert.Equal(months.Where(m => m != ColumnTypes.NullInt32).Average(), DuckDb.ToDouble(row["mean"]), 1e-12);
        Assert.Equal(values.Count(double.IsNaN), DuckDb.ToInt64(row["missing"]));
        Assert.Equal(DuckDb.ToInt64(row["nulls"]), DuckDb.ToInt64(row["no_date"]));
        Assert.True(row["dates"].GetBoolean());
        Assert.Equal("2025-01-01", row["first_day"].GetString());
        Assert.Equal(Start.AddDays(119).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), row["last_day"].GetString());
    }

    [Theory]
    [InlineData(ColumnType.Int64)]
    [InlineData(ColumnType.String)]
    public async Task Types_without_an_in_memory_null_cannot_be_nullable(ColumnType type)
    {
        using var dir = new TempDirectory();

        var error = await Assert.ThrowsAsync<ArgumentException>(() =>
            ParquetTableWriter.CreateAsync(dir.File("x.parquet"), [new("x", type, Nullable: true)], new Dictionary<string, string>()));

        Assert.Contains("'x'", error.Message, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(dir.Path));
    }

    [Fact]
    public void A_comparison_reads_a_null_month_as_NaN_and_statistics_read_it_as_the_sentinel()
    {
        var column = new TableColumn("focus_target_month", ColumnType.Int32, new[] { 4, ColumnTypes.NullInt32, 0 }, Nullable: true);

        Assert.Equal([4.0, ColumnTypes.NullInt32, 0.0], column.ToDoubles());
        Assert.Equal([4.0, double.NaN, 0.0], column.ToComparableDoubles());
        Assert.Equal([4.0, double.NaN, 0.0], (double[])column.ComparableValues);
        Assert.Same(column.Values, (column with { Nullable = false }).ComparableValues);
    }
}
