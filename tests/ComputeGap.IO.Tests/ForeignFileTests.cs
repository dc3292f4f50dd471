using ComputeGap.IO.Parquet;
using Parquet;
using Parquet.Schema;

namespace ComputeGap.IO.Tests;

/// <summary>Files written by other tools (nullable columns, other types), written here with Parquet.Net directly.</summary>
public sealed class ForeignFileTests
{
    [Fact]
    public async Task Nullable_float_columns_read_with_nulls_as_NaN()
    {
        using var dir = new TempDirectory();
        var path = dir.File("nullable.parquet");
        var share = new DataField("share", typeof(double?), isNullable: true);
        var month = new DataField("month", typeof(int?), isNullable: true);
        await WriteAsync(path, new ParquetSchema(share, month), async group =>
        {
            await group.WriteAsync(share, new ReadOnlyMemory<double?>([0.5, null, 0.25]));
            await group.WriteAsync(month, new ReadOnlyMemory<int?>([3, 4, 5]));
        });

        var table = await ParquetTableReader.ReadAsync(path);

        Assert.Equal(ColumnType.Float64, table["share"].Type);
        Assert.Equal([0.5, double.NaN, 0.25], table["share"].As<double>());
        Assert.Equal([3, 4, 5], table["month"].As<int>());
    }

    [Fact]
    public async Task A_null_in_an_int64_column_is_refused()
    {
        using var dir = new TempDirectory();
        var path = dir.File("null-long.parquet");
        var count = new DataField("count", typeof(long?), isNullable: true);
        await WriteAsync(path, new ParquetSchema(count), group => group.WriteAsync(count, new ReadOnlyMemory<long?>([3, null])));

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => ParquetTableReader.ReadAsync(path));

        Assert.Contains("count", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_null_in_an_int32_month_outcome_reads_as_never()
    {
        using var dir = new TempDirectory();
        var path = dir.File("null-int.parquet");
        var month = new DataField("target_month", typeof(int?), isNullable: true);
        await WriteAsync(path, new ParquetSchema(month), group => group.WriteAsync(month, new ReadOnlyMemory<int?>([3, null])));

        var table = await ParquetTableReader.ReadAsync(path);

        Assert.True(table["target_month"].Nullable);
        Assert.Equal([3, ColumnTypes.NullInt32], table["target_month"].As<int>());
        Assert.Equal([3, double.NaN], table["target_month"].ToComparableDoubles());
    }

    [Fact]
    public async Task A_null_in_another_int32_column_is_refused_since_it_would_count_as_minus_one()
    {
        using var dir = new TempDirectory();
        var path = dir.File("null-count.parquet");
        var count = new DataField("count", typeof(int?), isNullable: true);
        await WriteAsync(path, new ParquetSchema(count), group => group.WriteAsync(count, new ReadOnlyMemory<int?>([3, null])));

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => ParquetTableReader.ReadAsync(path));

        Assert.Contains("'count' holds a null", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_nullable_int32_column_without_nulls_keeps_its_minus_ones()
    {
        // DuckDB and pyarrow write every column OPTIONAL: a copy of a schema-1 run (never = -1) reads as it was.
        using var dir = new TempDirectory();
        var path = dir.File("copied.parquet");
        var month = new DataField("target_month", typeof(int?), isNullable: true);
        var delta = new DataField("delta", typeof(int?), isNullable: true);
        await WriteAsync(path, new ParquetSchema(month, delta), async group =>
        {
            await group.WriteAsync(month, new ReadOnlyMemory<int?>([ColumnTypes.NullInt32, 7]));
            await group.WriteAsync(delta, new ReadOnlyMemory<int?>([-1, 2]));
        });

        var table = await ParquetTableReader.ReadAsync(path);

        Assert.Equal([ColumnTypes.NullInt32, 7], table["target_month"].As<int>());
        Assert.Equal([-1, 2], table["delta"].As<int>());
    }

    [Fact]
    public async Task A_month_outcome_holding_both_nulls_and_the_in_memory_null_is_refused()
    {
        using var dir = new TempDirectory();
        var path = dir.File("minus-one.parquet");
        var month = new DataField("target_month", typeof(int?), isNullable: true);
        await WriteAsync(path, new ParquetSchema(month), group => group.WriteAsync(month, new ReadOnlyMemory<int?>([ColumnTypes.NullInt32, null])));

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => ParquetTableReader.ReadAsync(path));

        Assert.Contains("'target_month'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Columns_of_other_types_are_refused_by_name()
    {
        using var dir = new TempDirectory();
        var path = dir.File("flags.parquet");
        var flag = new DataField("flag", typeof(bool), isNullable: false);
        await WriteAsync(path, new ParquetSchema(flag), group => group.WriteAsync(flag, new ReadOnlyMemory<bool>([true, false])));

        var error = await Assert.ThrowsAsync<NotSupportedException>(() => ParquetTableReader.ReadAsync(path));

        Assert.Contains("'flag'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Text_columns_are_read_and_a_null_in_one_is_refused()
    {
        using var dir = new TempDirectory();
        var path = dir.File("strings.parquet");
        var name = new DataField("name", typeof(string), isNullable: true);
        await WriteAsync(path, new ParquetSchema(name), group => group.WriteAsync(name, ["a", "b"]));

        var table = await ParquetTableReader.ReadAsync(path);

        Assert.Equal(ColumnType.String, table["name"].Type);
        Assert.Equal(["a", "b"], table["name"].AsStrings());

        var withNull = dir.File("null-string.parquet");
        await WriteAsync(withNull, new ParquetSchema(name), group => group.WriteAsync(name, ["a", null!]));
        var error = await Assert.ThrowsAsync<InvalidDataException>(() => ParquetTableReader.ReadAsync(withNull));
        Assert.Contains("'name'", error.Message, StringComparison.Ordinal);
    }

    private static async Task WriteAsync(string path, ParquetSchema schema, Func<ParquetRowGroupWriter, Task> writeColumns)
    {
        await using var stream = File.Create(path);
        await using var writer = await ParquetWriter.CreateAsync(schema, stream);
        using var group = writer.CreateRowGroup();
        await writeColumns(group);
        group.CompleteValidate();
    }
}
