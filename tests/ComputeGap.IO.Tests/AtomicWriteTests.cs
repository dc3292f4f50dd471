using ComputeGap.IO.Parquet;

namespace ComputeGap.IO.Tests;

public sealed class AtomicWriteTests
{
    [Fact]
    public async Task Rows_go_to_a_temporary_file_in_the_same_directory_until_commit()
    {
        using var dir = new TempDirectory();
        var path = dir.File("out.parquet");
        await using var writer = await ParquetTableWriter.CreateAsync(path, SampleTables.AllTypes, SampleTables.Metadata());
        await writer.WriteRowGroupAsync(SampleTables.Columns(50), 50);

        Assert.False(File.Exists(path));
        Assert.Equal(dir.Path, Path.GetDirectoryName(writer.TempPath));
        Assert.StartsWith("out.parquet.tmp-", Path.GetFileName(writer.TempPath), StringComparison.Ordinal);
        Assert.Equal([Path.GetFileName(writer.TempPath)], dir.FileNames());

        await writer.CommitAsync();
        Assert.Equal(["out.parquet"], dir.FileNames());
    }

    [Fact]
    public async Task Disposing_without_commit_leaves_no_file_behind()
    {
        using var dir = new TempDirectory();
        await using (var writer = await ParquetTableWriter.CreateAsync(dir.File("out.parquet"), SampleTables.AllTypes, SampleTables.Metadata()))
        {
            await writer.WriteRowGroupAsync(SampleTables.Columns(50), 50);
        }

        Assert.Empty(dir.FileNames());
    }

    [Fact]
    public async Task A_failure_while_producing_rows_leaves_no_file_and_keeps_an_older_output()
    {
        using var dir = new TempDirectory();
        var path = dir.File("out.parquet");
        await SampleTables.WriteAsync(path, groups: 1, rowsPerGroup: 5);
        var before = await File.ReadAllBytesAsync(path);

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(async () =>
        {
            await using var writer = await ParquetTableWriter.CreateAsync(path, SampleTables.AllTypes, SampleTables.Metadata());
            await writer.WriteRowGroupAsync(SampleTables.Columns(50), 50);
            throw new InvalidOperationException("the model failed mid-sweep");
        });

        Assert.Equal("the model failed mid-sweep", failure.Message);
        Assert.Equal(["out.parquet"], dir.FileNames());
        Assert.Equal(before, await File.ReadAllBytesAsync(path));
    }

    [Fact]
    public async Task A_row_group_write_that_fails_midway_faults_the_writer_and_leaves_no_file()
    {
        using var dir = new TempDirectory();
        var path = dir.File("out.parquet");
        var writer = await ParquetTableWriter.CreateAsync(path, SampleTables.AllTypes, SampleTables.Metadata());
        await using (writer)
        {
            using var cancelled = new CancellationTokenSource();
            await cancelled.CancelAsync();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
                writer.WriteRowGroupAsync(SampleTables.Columns(50), 50, cancelled.Token));

            await Assert.ThrowsAsync<InvalidOperationException>(() => writer.WriteRowGroupAsync(SampleTables.Columns(5), 5));
            await Assert.ThrowsAsync<InvalidOperationException>(() => writer.CommitAsync());
        }

        Assert.Empty(dir.FileNames());
    }

    [Fact]
    public async Task Commit_replaces_an_existing_file_and_the_writer_cannot_be_used_afterwards()
    {
        using var dir = new TempDirectory();
        var path = dir.File("out.parquet");
        await SampleTables.WriteAsync(path, groups: 1, rowsPerGroup: 5);

        await using var writer = await ParquetTableWriter.CreateAsync(path, SampleTables.AllTypes, SampleTables.Metadata("new"));
        await writer.WriteRowGroupAsync(SampleTables.Columns(8), 8);
        await writer.CommitAsync();

        var table = await ParquetTableReader.ReadAsync(path);
        Assert.Equal(8, table.RowCount);
        Assert.Equal("new", table.Metadata["sweep_sha256"]);
        await Assert.ThrowsAsync<InvalidOperationException>(() => writer.WriteRowGroupAsync(SampleTables.Columns(1), 1));
        await Assert.ThrowsAsync<InvalidOperationException>(() => writer.CommitAsync());
    }
}
