using ComputeGap.IO.Tests;
using ComputeGap.Core.Reduction;
using ComputeGap.Engine.Aggregation;
using ComputeGap.IO.Parquet;
using ComputeGap.IO.Reports;

namespace ComputeGap.Engine.Tests.Aggregation;

/// <summary>Aggregate tables: written atomically, read back exactly, merged over parts, mismatches refused.</summary>
public sealed class AggregateFileTests
{
    private static readonly int Blocks = AggregateFixture.Blocks;

    [Fact]
    public async Task Write_then_read_gives_back_the_identical_state_and_the_named_tables()
    {
        using var dir = new TempDirectory();
        var state = AggregateFixture.State(0, Blocks, 2);
        var stem = dir.File("default");

        var written = await state.WriteAsync(stem, AggregateFixture.Metadata());
        var read = await AggregateState.ReadAsync(stem);

        Assert.Equal(AggregateFiles.Tables.Append(AggregateFiles.Grid).Select(t => $"default.agg-{t}.parquet").Order(StringComparer.Ordinal), dir.FileNames());
        Assert.Equal(written.Select(Path.GetFileName).Order(StringComparer.Ordinal), dir.FileNames());
        Assert.True(state.ExactlyEquals(read));
        Assert.Equal(AggregateMergeTests.Report(state), AggregateMergeTests.Report(read));
        Assert.Equal("aggregate", read.Metadata["output"]);
        Assert.Equal(AggregateFixture.Metadata()[MetadataKeys.Focus], read.Metadata[MetadataKeys.Focus]);

        var outcomes = await ParquetTableReader.ReadAsync(AggregateFiles.PathOf(stem, AggregateFiles.Outcomes));
        Assert.Equal(AggregateFixture.Plan.OutcomeNames, outcomes["outcome"].AsStrings());
        var extremes = await ParquetTableReader.ReadAsync(AggregateFiles.PathOf(stem, AggregateFiles.Extremes));
        Assert.Equal(2 * AggregateFixture.Layout.Extremes, extremes.RowCount);
        var best = extremes["scenario"].As<long>()[0];
        Assert.Equal(AggregateFixture.Plan.AxisValue(1, best), extremes[AggregateFixture.Plan.Spec.Axes[1].Column].As<float>()[0]);
        var effects = await ParquetTableReader.ReadAsync(AggregateFiles.PathOf(stem, AggregateFiles.Effects));
        Assert.Equal(AggregateFixture.Plan.AxisValues.Length * AggregateFixture.Plan.OutcomeCount, effects.RowCount);
    }

    [Fact]
    public async Task Empty_states_and_states_without_main_effects_round_trip()
    {
        using var dir = new TempDirectory();
        var empty = new AggregateState(AggregateFixture.Plan, AggregateFixture.Layout);
        var layout = AggregateFixture.Layout with { AxisValues = 0 };
        var noEffects = new AggregateState(AggregateFixture.Plan, layout);
        var chunk = AggregateFixture.Chunks(0, 1, 1)[0];
        var withEffects = AggregateFixture.Layout;
        var partials = new double[layout.Length];
        // Re-pack the block record without its main-effect slots.
        for (var slot = 0; slot < layout.EffectCount(0); slot++)
        {
            partials[slot] = chunk.Partials[slot];
        }

        chunk.Partials.AsSpan(withEffects.Threshold(0), layout.Length - layout.Threshold(0)).CopyTo(partials.AsSpan(layout.Threshold(0)));
        noEffects.Add(new AggregateChunk(0, 1, partials, chunk.Sketch));

        await empty.WriteAsync(dir.File("empty"), AggregateFixture.Metadata());
        await noEffects.WriteAsync(dir.File("plain"), AggregateFixture.Metadata());

        var emptyRead = await AggregateState.ReadAsync(dir.File("empty"));
        var plainRead = await AggregateState.ReadAsync(dir.File("plain"));
        Assert.True(empty.ExactlyEquals(emptyRead));
        Assert.True(noEffects.ExactlyEquals(plainRead));
        Assert.Equal(0, emptyRead.Scenarios);
        Assert.All(emptyRead.ToSummary().Outcomes, o => Assert.True(double.IsNaN(o.Mean)));
        Assert.Equal(PartialLayout.BlockSize, plainRead.Scenarios);
        Assert.Empty(plainRead.ToSummary().MainEffects);
        Assert.Equal(AggregateFixture.State(0, 1, 1).Best, plainRead.Best);
    }

    [Fact]
    public async Task Shard_parts_in_a_directory_merge_to_the_tables_of_one_run()
    {
        using var whole = new TempDirectory();
        using var shards = new TempDirectory();
        await AggregateFixture.State(0, Blocks, Blocks).WriteAsync(whole.File("default"), AggregateFixture.Metadata());
        int[] cuts = [0, 1, 3, Blocks];
        for (var i = 0; i < 3; i++)
        {
            await AggregateFixture.State(cuts[i], cuts[i + 1], 1)
                .WriteAsync(shards.File($"default.part-{i:D4}-of-0003"), AggregateFixture.Metadata());
        }

        using var merged = new TempDirectory();
        var state = await AggregateState.ReadAsync(shards.Path);
        await state.WriteAsync(merged.File("default"), AggregateFixture.Metadata());

        Assert.Equal(18, shards.FileNames().Length);
        foreach (var table in AggregateFiles.Tables.Append(AggregateFiles.Grid))
        {
            var expected = await ParquetTableReader.ReadAsync(AggregateFiles.PathOf(whole.File("default"), table));
            var actual = await ParquetTableReader.ReadAsync(AggregateFiles.PathOf(merged.File("default"), table));
            Assert.Equal(expected.ColumnNames, actual.ColumnNames);
            foreach (var column in expected.Columns)
            {
                Assert.Equal(column.Values, actual[column.Name].Values);
            }
        }
    }

    [Theory]
    [InlineData(MetadataKeys.SweepSha256)]
    [InlineData(MetadataKeys.ModelVersion)]
    [InlineData(MetadataKeys.BaselineSha256)]
    public async Task Parts_from_different_sweeps_are_refused_naming_both_files(string key)
    {
        using var dir = new TempDirectory();
        var other = new Dictionary<string, string>(AggregateFixture.Metadata()) { [key] = "something-else" };
        await AggregateFixture.State(0, 1, 1).WriteAsync(dir.File("default.part-0000-of-0002"), AggregateFixture.Metadata());
        await AggregateFixture.State(1, Blocks, 1).WriteAsync(dir.File("default.part-0001-of-0002"), other);

        var error = await Assert.ThrowsAsync<IncompatiblePartsException>(() => AggregateState.ReadAsync(dir.Path));

        Assert.Contains("default.part-0000-of-0002.agg-", error.Message, StringComparison.Ordinal);
        Assert.Contains("default.part-0001-of-0002.agg-", error.Message, StringComparison.Ordinal);
        Assert.Contains(key, error.Message, StringComparison.Ordinal);
        Assert.Contains("something-else", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Parts_of_which_one_lacks_the_grid_table_read_as_no_decomposition_and_a_grid_table_without_its_layout_row_is_refused()
    {
        using var dir = new TempDirectory();
        await AggregateFixture.State(0, 2, 1).WriteAsync(dir.File("default.part-0000-of-0002"), AggregateFixture.Metadata());
        await AggregateFixture.State(2, Blocks, 2).WriteAsync(dir.File("default.part-0001-of-0002"), AggregateFixture.Metadata());
        Assert.NotNull((await AggregateState.ReadAsync(dir.Path)).GridCells);

        // A part written by a version without grid cells: the merged aggregates describe part of the grid.
        var second = AggregateFiles.PathOf(dir.File("default.part-0001-of-0002"), AggregateFiles.Grid);
        var table = await ParquetTableReader.ReadAsync(second);
        File.Delete(second);
        var merged = await AggregateState.ReadAsync(dir.Path);
        Assert.Null(merged.GridCells);
        Assert.Equal(AggregateFixture.Scenarios, merged.Scenarios);

        // The same table without its rows of cell -1 (sums of squares and the layout's size).
        var keep = Enumerable.Range(0, table.RowCount).Where(r => table["cell"].As<int>()[r] != -1).ToArray();
        await using (var writer = await ParquetTableWriter.CreateAsync(second, [.. table.Columns.Select(c => c.Spec)], table.Metadata))
        {
            await writer.WriteRowGroupAsync([.. table.Columns.Select(c => Pick(c.Values, keep))], keep.Length);
            await writer.CommitAsync();
        }

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => AggregateState.ReadAsync(dir.Path));
        Assert.Contains("no row of cell -1", error.Message, StringComparison.Ordinal);
    }

    private static Array Pick(Array values, int[] rows)
    {
        var picked = Array.CreateInstance(values.GetType().GetElementType()!, rows.Length);
        for (var i = 0; i < rows.Length; i++)
        {
            picked.SetValue(values.GetValue(rows[i]), i);
        }

        return picked;
    }

    [Fact]
    public async Task Overlapping_parts_and_missing_tables_are_refused()
    {
        using var dir = new TempDirectory();
        await AggregateFixture.State(0, Blocks, 2).WriteAsync(dir.File("default"), AggregateFixture.Metadata());
        await AggregateFixture.State(0, 2, 2).WriteAsync(dir.File("default.part-0000-of-0002"), AggregateFixture.Metadata());

        var overlap = await Assert.ThrowsAsync<IncompatiblePartsException>(() => AggregateState.ReadAsync(dir.Path));
        Assert.Contains("overlap", overlap.Message, StringComparison.Ordinal);

        File.Delete(AggregateFiles.PathOf(dir.File("default"), AggregateFiles.Sketch));
        var missing = await Assert.ThrowsAsync<InvalidDataException>(() => AggregateState.ReadAsync(dir.Path));
        Assert.Contains("default.agg-sketch.parquet", missing.Message, StringComparison.Ordinal);

        await Assert.ThrowsAsync<FileNotFoundException>(() => AggregateState.ReadAsync(dir.File("nothing")));
    }

    [Fact]
    public async Task The_loader_reads_aggregates_or_rows_and_refuses_a_directory_with_both()
    {
        using var aggregates = new TempDirectory();
        using var rows = new TempDirectory();
        var state = AggregateFixture.State(0, Blocks, 2);
        await state.WriteAsync(aggregates.File("default"), AggregateFixture.Metadata());
        await WriteRowsAsync(rows.File("default.rows.parquet"));

        var fromDirectory = await SummaryLoader.LoadAsync(aggregates.Path, CancellationToken.None);
        var fromFile = await SummaryLoader.LoadAsync(AggregateFiles.PathOf(aggregates.File("default"), AggregateFiles.Effects), CancellationToken.None);
        var fromStem = await SummaryLoader.LoadAsync(aggregates.File("default"), CancellationToken.None);
        var fromRows = await SummaryLoader.LoadAsync(rows.Path, CancellationToken.None);

        var expected = SummaryReport.Render((await AggregateState.ReadAsync(aggregates.Path)).ToSummary(), ReportFormat.Json);
        Assert.Contains("\"headline\": {", expected, StringComparison.Ordinal);
        Assert.Equal(expected, SummaryReport.Render(fromDirectory, ReportFormat.Json));
        Assert.Equal(expected, SummaryReport.Render(fromFile, ReportFormat.Json));
        Assert.Equal(expected, SummaryReport.Render(fromStem, ReportFormat.Json));
        Assert.Equal(AggregateFixture.Scenarios, fromRows.RowCount);
        Assert.Equal(fromDirectory.Outcomes.Select(o => o.Count), fromRows.Outcomes.Select(o => o.Count));

        await WriteRowsAsync(aggregates.File("default.rows.parquet"));
        var error = await Assert.ThrowsAsync<IncompatiblePartsException>(() => SummaryLoader.LoadAsync(aggregates.Path, CancellationToken.None));
        Assert.Contains("default.rows.parquet", error.Message, StringComparison.Ordinal);
        Assert.Contains(".agg-", error.Message, StringComparison.Ordinal);
    }

    private static async Task WriteRowsAsync(string path)
    {
        var table = AggregateFixture.Rows();
        await using var writer = await ParquetTableWriter.CreateAsync(path, [.. table.Columns.Select(c => new ColumnSpec(c.Name, c.Type))], table.Metadata);
        await writer.WriteRowGroupAsync([.. table.Columns.Select(c => c.Values)], table.RowCount);
        await writer.CommitAsync();
    }
}
