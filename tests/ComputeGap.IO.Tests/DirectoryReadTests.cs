using ComputeGap.IO.Parquet;

namespace ComputeGap.IO.Tests;

public sealed class DirectoryReadTests
{
    [Fact]
    public async Task Part_files_are_concatenated_in_name_order_skipping_temporary_and_excepted_files()
    {
        using var dir = new TempDirectory();
        var part2 = await SampleTables.WriteAsync(dir.File("part-002.parquet"), 1, 30, first: 2000);
        var part0 = await SampleTables.WriteAsync(dir.File("part-000.parquet"), 2, 10, first: 0);
        var part1 = await SampleTables.WriteAsync(dir.File("part-001.parquet"), 1, 20, first: 1000);
        await SampleTables.WriteAsync(dir.File("part-001.months.parquet"), 1, 7, first: 9000);
        await File.WriteAllTextAsync(dir.File("part-003.parquet.tmp-0a1b2c"), "half-written");
        await File.WriteAllTextAsync(dir.File("notes.txt"), "not a part");

        var table = await ParquetTableReader.ReadAsync(dir.Path, exceptSuffix: ".months.parquet");

        Assert.Equal(70, table.RowCount);
        long[] expected = [.. (long[])part0[0], .. (long[])part1[0], .. (long[])part2[0]];
        Assert.Equal(expected, table["scenario"].As<long>());
        float[] shares = [.. (float[])part0[2], .. (float[])part1[2], .. (float[])part2[2]];
        Assert.Equal(shares, table["share"].As<float>());
        Assert.Equal(["part-000.parquet", "part-001.parquet", "part-002.parquet"], table.SourceFiles.Select(Path.GetFileName));
    }

    [Fact]
    public async Task Without_an_except_suffix_every_parquet_file_is_a_part()
    {
        using var dir = new TempDirectory();
        await SampleTables.WriteAsync(dir.File("a.parquet"), 1, 3);
        await SampleTables.WriteAsync(dir.File("a.months.parquet"), 1, 4);

        var table = await ParquetTableReader.ReadAsync(dir.Path);

        Assert.Equal(7, table.RowCount);
    }

    [Theory]
    [InlineData("sweep_sha256")]
    [InlineData("model_version")]
    [InlineData("baseline_sha256")]
    public async Task Parts_with_a_different_identity_key_are_refused_naming_both_files(string key)
    {
        using var dir = new TempDirectory();
        await SampleTables.WriteAsync(dir.File("part-000.parquet"), 1, 5);
        var other = SampleTables.Metadata();
        other[key] = "something-else";
        await SampleTables.WriteAsync(dir.File("part-001.parquet"), 1, 5, metadata: other);

        var error = await Assert.ThrowsAsync<IncompatiblePartsException>(() => ParquetTableReader.ReadAsync(dir.Path));

        Assert.Contains("part-000.parquet", error.Message, StringComparison.Ordinal);
        Assert.Contains("part-001.parquet", error.Message, StringComparison.Ordinal);
        Assert.Contains(key, error.Message, StringComparison.Ordinal);
        Assert.EndsWith("part-000.parquet", error.FirstFile, StringComparison.Ordinal);
        Assert.EndsWith("part-001.parquet", error.SecondFile, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_identity_key_counts_as_a_difference()
    {
        using var dir = new TempDirectory();
        await SampleTables.WriteAsync(dir.File("part-000.parquet"), 1, 5);
        var other = SampleTables.Metadata();
        other.Remove("baseline_sha256");
        await SampleTables.WriteAsync(dir.File("part-001.parquet"), 1, 5, metadata: other);

        var error = await Assert.ThrowsAsync<IncompatiblePartsException>(() => ParquetTableReader.ReadAsync(dir.Path));

        Assert.Contains("(absent)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Parts_with_different_column_sets_are_refused_naming_both_files()
    {
        using var dir = new TempDirectory();
        await SampleTables.WriteAsync(dir.File("part-000.parquet"), 1, 5);
        ColumnSpec[] columns = [new("scenario", ColumnType.Int64), new("share", ColumnType.Float64)];
        await using (var writer = await ParquetTableWriter.CreateAsync(dir.File("part-001.parquet"), columns, SampleTables.Metadata()))
        {
            await writer.WriteRowGroupAsync([new long[] { 1 }, new double[] { 0.5 }], 1);
            await writer.CommitAsync();
        }

        var error = await Assert.ThrowsAsync<IncompatiblePartsException>(() => ParquetTableReader.ReadAsync(dir.Path));

        Assert.Contains("part-000.parquet", error.Message, StringComparison.Ordinal);
        Assert.Contains("part-001.parquet", error.Message, StringComparison.Ordinal);
        Assert.Contains("share:Float32", error.Message, StringComparison.Ordinal);
        Assert.Contains("share:Float64", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Metadata_of_several_parts_is_merged_with_the_first_value_kept()
    {
        using var dir = new TempDirectory();
        var first = SampleTables.Metadata();
        first["created_utc"] = "2025-01-01T00:00:00Z";
        var second = SampleTables.Metadata();
        second["created_utc"] = "2025-01-02T00:00:00Z";
        second["only_in_second"] = "x";
        await SampleTables.WriteAsync(dir.File("p0.parquet"), 1, 2, metadata: first);
        await SampleTables.WriteAsync(dir.File("p1.parquet"), 1, 2, metadata: second);

        var table = await ParquetTableReader.ReadAsync(dir.Path);

        Assert.Equal("2025-01-01T00:00:00Z", table.Metadata["created_utc"]);
        Assert.Equal("x", table.Metadata["only_in_second"]);
    }

    [Fact]
    public async Task An_empty_directory_or_missing_path_is_a_clear_error()
    {
        using var dir = new TempDirectory();

        await Assert.ThrowsAsync<FileNotFoundException>(() => ParquetTableReader.ReadAsync(dir.Path));
        await Assert.ThrowsAsync<FileNotFoundException>(() => ParquetTableReader.ReadAsync(dir.File("nope.parquet")));
    }
}
