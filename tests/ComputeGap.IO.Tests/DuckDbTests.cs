using ComputeGap.IO.Parquet;

namespace ComputeGap.IO.Tests;

public sealed class DuckDbTests
{
    [Theory]
    [InlineData("snappy")]
    [InlineData("zstd:1")]
    [InlineData("zstd:3")]
    public async Task DuckDB_reads_the_same_rows_sums_and_metadata_the_writer_wrote(string compression)
    {
        using var dir = new TempDirectory();
        var path = dir.File("out.parquet");
        var written = await SampleTables.WriteAsync(path, groups: 3, rowsPerGroup: 700,
            compression: ParquetCompression.Parse(compression));

        var rows = await DuckDb.QueryAsync(path,
            "SELECT count(*) AS n, sum(scenario) AS scenario, sum(month) AS month, sum(share) AS share, sum(installed) AS installed, "
            + "count(*) FILTER (WHERE month = -1) AS never FROM data");

        var row = Assert.Single(rows);
        Assert.Equal(2100, DuckDb.ToInt64(row["n"]));
        Assert.Equal(((long[])written[0]).Sum(), DuckDb.ToInt64(row["scenario"]));
        Assert.Equal(((int[])written[1]).Sum(v => (long)v), DuckDb.ToInt64(row["month"]));
        Assert.Equal(((int[])written[1]).Count(v => v == -1), DuckDb.ToInt64(row["never"]));
        var shareSum = ((float[])written[2]).Sum(v => (double)v);
        Assert.Equal(shareSum, DuckDb.ToDouble(row["share"]), shareSum * 1e-9);
        var installedSum = ((double[])written[3]).Sum();
        Assert.Equal(installedSum, DuckDb.ToDouble(row["installed"]), installedSum * 1e-12);

        var metadata = await DuckDb.QueryAsync(path, "SELECT decode(key) AS k, decode(value) AS v FROM parquet_kv_metadata({path})");
        var pairs = metadata.ToDictionary(r => r["k"].GetString()!, r => r["v"].GetString()!);
        Assert.Equal(SampleTables.Metadata(), pairs);
    }

    [Fact]
    public async Task DuckDB_sees_the_column_types_the_writer_declared()
    {
        using var dir = new TempDirectory();
        var path = dir.File("types.parquet");
        await SampleTables.WriteAsync(path, groups: 1, rowsPerGroup: 3);

        var rows = await DuckDb.QueryAsync(path, "SELECT column_name AS c, column_type AS t FROM (DESCRIBE SELECT * FROM data)");

        Assert.Equal(
            new Dictionary<string, string> { ["scenario"] = "BIGINT", ["month"] = "INTEGER", ["share"] = "FLOAT", ["installed"] = "DOUBLE" },
            rows.ToDictionary(r => r["c"].GetString()!, r => r["t"].GetString()!));
    }

    [Fact]
    public async Task A_DuckDB_error_is_reported_with_its_message()
    {
        using var dir = new TempDirectory();
        var path = dir.File("e.parquet");
        await SampleTables.WriteAsync(path, groups: 1, rowsPerGroup: 3);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => DuckDb.QueryAsync(path, "SELECT no_such_column FROM data"));

        Assert.Contains("no_such_column", error.Message, StringComparison.Ordinal);
    }
}
