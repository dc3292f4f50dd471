using ComputeGap.IO.Discovery;
using ComputeGap.IO.Parquet;
using ComputeGap.IO.Reports;

namespace ComputeGap.IO.Tests;

/// <summary>
/// Row files of schema 1 (months as required int32 with −1 for never, axes as float32, no <c>row_schema</c> key)
/// and schema 2 (months as nullable int32 with dates, axes as doubles as written) read as the same table.
/// </summary>
public sealed class RowSchemaTests
{
    private const string Leakage = "leakage";

    /// <summary>The hand-made fixture as version 1 wrote it: its columns and metadata as they are.</summary>
    private static (ColumnSpec[] Specs, Array[] Columns, Dictionary<string, string> Metadata) Version1()
    {
        var table = SummaryFixture.Table();
        return ([.. table.Columns.Select(c => new ColumnSpec(c.Name, c.Type))], [.. table.Columns.Select(c => c.Values)], SummaryFixture.Metadata());
    }

    /// <summary>
    /// The same scenarios as version 2 writes them, converted here independently of the reader: month columns
    /// nullable, each followed by its date; the float32 axis as the decimal written (0.1, not 0.10000000149011612).
    /// </summary>
    private static (ColumnSpec[] Specs, Array[] Columns, Dictionary<string, string> Metadata) Version2()
    {
        var start = new DateOnly(2025, 1, 1);
        var specs = new List<ColumnSpec>();
        var columns = new List<Array>();
        foreach (var column in SummaryFixture.Table().Columns)
        {
            if (column.Name.EndsWith("_month", StringComparison.Ordinal))
            {
                var months = column.As<int>();
                specs.Add(new(column.Name, ColumnType.Int32, Nullable: true));
                columns.Add(months);
                specs.Add(new(column.Name.Replace("_month", "_date", StringComparison.Ordinal), ColumnType.Date, Nullable: true));
                columns.Add(months.Select(m => m < 0 ? default : start.AddMonths(m)).ToArray());
            }
            else if (column.Name == Leakage)
            {
                specs.Add(new(column.Name, ColumnType.Float64));
                columns.Add(column.As<float>().Select(v => double.Parse(v.ToString("R", System.Globalization.CultureInfo.InvariantCulture), System.Globalization.CultureInfo.InvariantCulture)).ToArray());
            }
            else
            {
                specs.Add(new(column.Name, column.Type));
                columns.Add(column.Values);
            }
        }

        var metadata = SummaryFixture.Metadata();
        metadata[MetadataKeys.RowSchema] = "2";
        return ([.. specs], [.. columns], metadata);
    }

    private static async Task<ParquetParts> WriteAsync(string path, (ColumnSpec[] Specs, Array[] Columns, Dictionary<string, string> Metadata) file)
    {
        await using (var writer = await ParquetTableWriter.CreateAsync(path, file.Specs, file.Metadata))
        {
            await writer.WriteRowGroupAsync(file.Columns, SummaryFixture.Table().RowCount);
            await writer.CommitAsync();
        }

        return await ParquetTableReader.OpenPartsAsync(path);
    }

    private static string Report(SummaryData data)
    {
        using var text = new StringWriter();
        JsonReport.Write(data, text);
        using var json = System.Text.Json.JsonDocument.Parse(text.ToString());
        // Everything but the echoed metadata, which differs by the row_schema key.
        return string.Join("\n", json.RootElement.EnumerateObject().Where(p => p.Name != "metadata").Select(p => $"{p.Name}: {p.Value.GetRawText()}"));
    }

    [Fact]
    public async Task A_version_1_file_reads_its_minus_one_months_as_nulls_and_summarises_as_version_2()
    {
        using var dir = new TempDirectory();
        var old = await WriteAsync(dir.File("v1.parquet"), Version1());
        var current = await WriteAsync(dir.File("v2.parquet"), Version2());

        Assert.Equal(RowSchema.Unversioned, RowSchema.VersionOf(old.Metadata));
        Assert.Equal(RowSchema.Current, RowSchema.VersionOf(current.Metadata));
        Assert.Equal(new ColumnSpec("focus_target_month", ColumnType.Int32, Nullable: true), old.Find("focus_target_month"));
        Assert.Equal(old.Find("focus_target_month"), current.Find("focus_target_month"));
        Assert.Equal((await old.ReadColumnAsync("focus_target_month")).Values, (await current.ReadColumnAsync("focus_target_month")).Values);

        var before = SummaryData.FromColumns(old);
        var after = SummaryData.FromColumns(current);

        Assert.Equal(Report(before), Report(after));
        var target = after.FindOutcome("focus_target_month")!;
        Assert.Equal((2, 3, 21.0), (target.Count, target.NeverCount, target.Mean));
        Assert.Null(after.FindOutcome("focus_target_date"));
    }

    [Fact]
    public async Task A_condition_on_a_month_matches_no_never_in_either_version()
    {
        using var dir = new TempDirectory();
        var condition = WhereParser.Parse("focus_target_month < 20 or focus_target_month != 30");

        foreach (var file in new[] { Version1(), Version2() })
        {
            var parts = await WriteAsync(dir.File($"{Guid.NewGuid():N}.parquet"), file);
            var probability = SummaryData.FromColumns(parts).ConditionEvaluator!(condition);

            // Months −1, −1, 30, 12, −1: only 12 holds; a never is NULL and compares as nothing, not as −1 < 20.
            Assert.Equal((5L, 1L), (probability.Cases, probability.Holds));
        }
    }

    [Fact]
    public void A_row_schema_that_is_not_a_number_is_named()
    {
        var error = Assert.Throws<InvalidDataException>(() =>
            RowSchema.VersionOf(new Dictionary<string, string> { [MetadataKeys.RowSchema] = "two" }));

        Assert.Contains("row_schema", error.Message, StringComparison.Ordinal);
    }
}
