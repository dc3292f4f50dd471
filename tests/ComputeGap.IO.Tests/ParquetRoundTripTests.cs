using ComputeGap.IO.Parquet;

namespace ComputeGap.IO.Tests;

public sealed class ParquetRoundTripTests
{
    [Theory]
    [InlineData("snappy")]
    [InlineData("zstd:1")]
    [InlineData("zstd:3")]
    public async Task Every_column_type_and_the_metadata_survive_a_round_trip_over_several_row_groups(string compression)
    {
        using var dir = new TempDirectory();
        var path = dir.File("out.parquet");
        var written = await SampleTables.WriteAsync(path, groups: 3, rowsPerGroup: 1000,
            compression: ParquetCompression.Parse(compression));

        var table = await ParquetTableReader.ReadAsync(path);

        Assert.Equal(3000, table.RowCount);
        Assert.Equal(SampleTables.AllTypes, table.Columns.Select(c => new ColumnSpec(c.Name, c.Type)));
        for (var c = 0; c < written.Length; c++)
        {
            Assert.Equal(written[c], table.Columns[c].Values);
        }

        Assert.Equal(SampleTables.Metadata(), table.Metadata);
        var info = await ParquetTableReader.ReadInfoAsync(path);
        Assert.Equal(3, info.RowGroupCount);
        Assert.Equal(3000, info.RowCount);
    }

    [Fact]
    public async Task Only_the_first_rowCount_entries_of_longer_reused_buffers_are_written()
    {
        using var dir = new TempDirectory();
        var path = dir.File("partial.parquet");
        var buffers = SampleTables.Columns(100);
        await using (var writer = await ParquetTableWriter.CreateAsync(path, SampleTables.AllTypes, SampleTables.Metadata()))
        {
            await writer.WriteRowGroupAsync(buffers, 100);
            await writer.WriteRowGroupAsync(buffers, 37);
            await writer.WriteRowGroupAsync(buffers, 0);
            Assert.Equal(137, writer.RowCount);
            Assert.Equal(2, writer.RowGroupCount);
            await writer.CommitAsync();
        }

        var table = await ParquetTableReader.ReadAsync(path);

        Assert.Equal(137, table.RowCount);
        var scenarios = table["scenario"].As<long>();
        Assert.Equal(Enumerable.Range(0, 100).Concat(Enumerable.Range(0, 37)).Select(i => (long)i), scenarios);
        Assert.Equal(((double[])buffers[3])[36], table["installed"].As<double>()[136]);
    }

    [Fact]
    public async Task The_metadata_alone_is_read_from_the_footer()
    {
        using var dir = new TempDirectory();
        var path = dir.File("meta.parquet");
        await SampleTables.WriteAsync(path, groups: 1, rowsPerGroup: 10);

        var metadata = await ParquetTableReader.ReadMetadataAsync(path);

        Assert.Equal("abc123", metadata["sweep_sha256"]);
        Assert.Equal(SampleTables.Metadata()["note"], metadata["note"]);
    }

    [Fact]
    public async Task Arrays_of_the_wrong_type_or_too_short_are_refused_before_anything_is_written()
    {
        using var dir = new TempDirectory();
        await using var writer = await ParquetTableWriter.CreateAsync(dir.File("x.parquet"), SampleTables.AllTypes, SampleTables.Metadata());
        var columns = SampleTables.Columns(10);

        var wrongType = columns.ToArray();
        wrongType[2] = new double[10];
        var error = await Assert.ThrowsAsync<ArgumentException>(() => writer.WriteRowGroupAsync(wrongType, 10));
        Assert.Contains("share", error.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<ArgumentException>(() => writer.WriteRowGroupAsync(columns, 11));
        await Assert.ThrowsAsync<ArgumentException>(() => writer.WriteRowGroupAsync(columns[..3], 10));

        await writer.WriteRowGroupAsync(columns, 10);
        await writer.CommitAsync();
        Assert.Equal(10, (await ParquetTableReader.ReadAsync(dir.File("x.parquet"))).RowCount);
    }

    [Fact]
    public async Task Duplicate_or_empty_column_names_are_refused()
    {
        using var dir = new TempDirectory();
        ColumnSpec[] duplicate = [new("a", ColumnType.Int32), new("a", ColumnType.Float32)];

        await Assert.ThrowsAsync<ArgumentException>(() =>
            ParquetTableWriter.CreateAsync(dir.File("d.parquet"), duplicate, new Dictionary<string, string>()));
        await Assert.ThrowsAsync<ArgumentException>(() =>
            ParquetTableWriter.CreateAsync(dir.File("e.parquet"), [new("", ColumnType.Int32)], new Dictionary<string, string>()));
        Assert.Empty(dir.FileNames());
    }

    [Theory]
    [InlineData("snappy", ParquetCodec.Snappy, 0)]
    [InlineData("ZSTD", ParquetCodec.Zstd, 3)]
    [InlineData("zstd:1", ParquetCodec.Zstd, 1)]
    [InlineData("zstd-19", ParquetCodec.Zstd, 19)]
    public void Compression_names_parse_and_print_back(string text, ParquetCodec codec, int level)
    {
        var compression = ParquetCompression.Parse(text);

        Assert.Equal(codec, compression.Codec);
        Assert.Equal(level, compression.Level);
        Assert.Equal(compression, ParquetCompression.Parse(compression.ToString()));
    }

    [Fact]
    public void Zstd_levels_Parquet_Net_cannot_set_are_refused_not_rounded()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ParquetCompression.Zstd(5));
        Assert.Throws<FormatException>(() => ParquetCompression.Parse("zstd:7"));
        Assert.Throws<FormatException>(() => ParquetCompression.Parse("gzip"));
        Assert.Equal(ParquetCompression.Snappy, default);
    }
}
