using ComputeGap.IO.Parquet;
using ComputeGap.IO.Reports;

namespace ComputeGap.IO.Tests;

/// <summary>Text columns written by the table writer read back; summaries skip them; threshold rules expose their conditions.</summary>
public sealed class TextColumnTests
{
    [Fact]
    public async Task Text_columns_round_trip_and_are_not_outcomes()
    {
        using var dir = new TempDirectory();
        var path = dir.File("labels.parquet");
        await using (var writer = await ParquetTableWriter.CreateAsync(path,
            [new("scenario", ColumnType.Int64), new("label", ColumnType.String), new("share_EU", ColumnType.Float32)],
            new Dictionary<string, string> { [MetadataKeys.Focus] = "EU" }))
        {
            await writer.WriteRowGroupAsync([new long[] { 0, 1, 2 }, new[] { "a", "é", "" }, new[] { 0.01f, 0.2f, 0.07f }], 3);
            await writer.CommitAsync();
        }

        var table = await ParquetTableReader.ReadAsync(path);
        var summary = SummaryData.FromTable(table);

        Assert.Equal(ColumnType.String, table["label"].Type);
        Assert.Equal(["a", "é", ""], table["label"].AsStrings());
        Assert.Throws<InvalidCastException>(() => table["share_EU"].AsStrings());
        Assert.Equal(["share_EU"], summary.Outcomes.Select(o => o.Name));
        Assert.Equal(2, summary.Thresholds.Single(t => t.Name == "focus_share_below_10pct").Count);
    }

    [Fact]
    public void Threshold_rules_name_their_column_comparison_and_bound()
    {
        var metadata = SummaryMetadata.Parse(SummaryFixture.Metadata());
        var rules = ThresholdRule.For(metadata, _ => true);

        var demand = rules.Single(r => r.Name == "focus_share_below_demand_share");
        Assert.Equal(("share_EU", ThresholdComparison.Below, 0.2), (demand.Column, demand.Comparison, demand.Bound));
        var reached = rules.Single(r => r.Name == "focus_target_reached");
        Assert.Equal(ThresholdComparison.AtLeast, reached.Comparison);
        Assert.True(reached.Holds(0));
        Assert.False(reached.Holds(-1));
        Assert.Empty(ThresholdRule.For(metadata, _ => false));
    }
}
