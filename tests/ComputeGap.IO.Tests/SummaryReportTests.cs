using System.Globalization;
using System.Text.Json;
using ComputeGap.IO.Reports;
using ComputeGap.IO.Statistics;

namespace ComputeGap.IO.Tests;

public sealed class SummaryReportTests
{
    private static readonly SummaryData Data = SummaryData.FromTable(SummaryFixture.Table());

    [Fact]
    public void The_JSON_report_parses_and_holds_the_same_numbers_the_table_shows()
    {
        using var json = JsonDocument.Parse(SummaryReport.Render(Data, ReportFormat.Json));
        var table = SummaryReport.Render(Data, ReportFormat.Table).Split('\n');
        var root = json.RootElement;

        Assert.Equal(5, root.GetProperty("row_count").GetInt64());
        foreach (var outcome in root.GetProperty("outcomes").EnumerateObject())
        {
            var line = table.Single(l => l.TrimStart().StartsWith(outcome.Name + " ", StringComparison.Ordinal));
            var cells = line.Split("  ", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var statistics = OutcomeStats.StatisticNames;
            for (var s = 0; s < statistics.Count; s++)
            {
                var value = outcome.Value.GetProperty(statistics[s]);
                var shown = s < 3
                    ? ReportNumbers.Count(value.GetInt64())
                    : Data.Metadata.Show(outcome.Name, value.ValueKind == JsonValueKind.Null ? double.NaN : value.GetDouble());
                Assert.Equal(shown, cells[s + 1]);
            }
        }

        foreach (var threshold in root.GetProperty("thresholds").EnumerateObject())
        {
            var description = threshold.Value.GetProperty("description").GetString()!;
            var line = table.Single(l => l.TrimStart().StartsWith(description, StringComparison.Ordinal));
            Assert.Contains(ReportNumbers.Probability(threshold.Value.GetProperty("probability").GetDouble()), line, StringComparison.Ordinal);
        }

        Assert.Equal(Data.Headline!.Text, root.GetProperty("headline").GetProperty("text").GetString());
        Assert.Contains(Data.Headline.Text, table);
    }

    [Fact]
    public void The_JSON_report_uses_numbers_not_strings_and_null_for_missing_values()
    {
        using var json = JsonDocument.Parse(SummaryReport.Render(Data, ReportFormat.Json));
        var root = json.RootElement;

        var shareEu = root.GetProperty("outcomes").GetProperty("share_EU");
        Assert.Equal(JsonValueKind.Number, shareEu.GetProperty("p50").ValueKind);
        Assert.Equal(Data.FindOutcome("share_EU")!.P50, shareEu.GetProperty("p50").GetDouble());
        Assert.Equal(0.6, root.GetProperty("thresholds").GetProperty("focus_share_below_5pct").GetProperty("probability").GetDouble(), 1e-12);
        Assert.Equal(2030, root.GetProperty("headline").GetProperty("year").GetInt32());
        Assert.Equal("share_EU", root.GetProperty("main_effects_outcome").GetString());
        var effects = root.GetProperty("main_effects").EnumerateArray().ToArray();
        Assert.Equal(["supply_growth", "leakage"], effects.Select(e => e.GetProperty("axis").GetString()));
        Assert.Equal(0.025, effects[0].GetProperty("levels")[0].GetProperty("mean").GetDouble(), 1e-7);
        Assert.Equal("tiny, \"hand-made\"", root.GetProperty("metadata").GetProperty("sweep_name").GetString());

        var empty = OutcomeStats.Compute("empty", [double.NaN]);
        var withNaN = Data with { Outcomes = [empty] };
        using var nullJson = JsonDocument.Parse(SummaryReport.Render(withNaN, ReportFormat.Json));
        Assert.Equal(JsonValueKind.Null, nullJson.RootElement.GetProperty("outcomes").GetProperty("empty").GetProperty("mean").ValueKind);
    }

    [Fact]
    public void The_CSV_report_is_long_form_with_one_row_per_number()
    {
        var lines = SummaryReport.Render(Data, ReportFormat.Csv).TrimEnd('\n').Split('\n');

        Assert.Equal("section,name,statistic,value", lines[0]);
        Assert.Contains("summary,scenarios,count,5", lines);
        Assert.Contains("metadata,sweep_name,value,\"tiny, \"\"hand-made\"\"\"", lines);
        Assert.Contains("metadata,axes,value,\"[\"\"supply_growth\"\",\"\"leakage\"\"]\"", lines);
        Assert.Contains("threshold,focus_share_below_5pct,probability,0.6", lines);
        Assert.Contains("threshold,focus_share_below_5pct,count,3", lines);
        Assert.Contains("headline,EU,year,2030", lines);
        Assert.Contains("main_effect,supply_growth,count[0.5],2", lines);
        var p50 = Data.FindOutcome("share_EU")!.P50.ToString("R", CultureInfo.InvariantCulture);
        Assert.Contains($"outcome,share_EU,p50,{p50}", lines);
        Assert.Contains("outcome,focus_target_month,never,3", lines);

        Assert.Equal(Data.Outcomes.Count * OutcomeStats.StatisticNames.Count, lines.Count(l => l.StartsWith("outcome,", StringComparison.Ordinal)));
        Assert.Equal(Data.Thresholds.Count * 3, lines.Count(l => l.StartsWith("threshold,", StringComparison.Ordinal)));
        Assert.Equal(Data.MainEffects.Sum(e => 1 + 2 * e.Levels.Count), lines.Count(l => l.StartsWith("main_effect,", StringComparison.Ordinal)));
        Assert.All(lines.Skip(1).Where(l => !l.StartsWith("metadata,", StringComparison.Ordinal)), l => Assert.Equal(4, l.Split(',').Length));
    }

    [Fact]
    public void The_table_report_shows_shares_as_percentages_and_a_tornado_scaled_to_the_largest_swing()
    {
        var table = SummaryReport.Render(Data, ReportFormat.Table);

        Assert.Contains("  share_EU                    5           0      0   5.40 %   2.20 %", table, StringComparison.Ordinal);
        Assert.Contains("  ree_depletion_month         4           0      1  2025-07  2025-06", table, StringComparison.Ordinal);
        Assert.Contains("P(EU share < 5 %)                       60.0 %  (3 of 5)", table, StringComparison.Ordinal);
        var bars = table.Split('\n').Where(l => l.Contains('#', StringComparison.Ordinal)).ToArray();
        Assert.Equal(2, bars.Length);
        Assert.StartsWith("  supply_growth  " + new string('#', 40) + "  4.83 pp", bars[0], StringComparison.Ordinal);
        // leakage: 40 * 0.035 / 0.04833 = 28.97 -> 29 marks
        Assert.StartsWith("  leakage        " + new string('#', 29) + " ", bars[1], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0.026, 2, "2.6 %")]
    [InlineData(0.41, 2, "41 %")]
    [InlineData(0.2, 2, "20 %")]
    [InlineData(0.0999, 2, "10 %")]
    [InlineData(0.009999999, 3, "1.00 %")]
    [InlineData(0.00012, 3, "0.012 %")]
    [InlineData(double.NaN, 3, "n/a")]
    public void Percentages_keep_their_significant_digits(double fraction, int significant, string expected) =>
        Assert.Equal(expected, ReportNumbers.Percent(fraction, significant));
}
