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
            var line = table.Single(l => l.StartsWith("  " + outcome.Name + " ", StringComparison.Ordinal));
            var cells = line.Split("  ", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            // The table shows count, then mean … max; the counts left out (non-finite, never) are listed below it.
            var statistics = OutcomeStats.StatisticNames.Where(s => s is not ("non_finite" or "never")).ToArray();
            for (var s = 0; s < statistics.Length; s++)
            {
                var value = outcome.Value.GetProperty(statistics[s]);
                var shown = s == 0
                    ? ReportNumbers.Count(value.GetInt64())
                    : Data.Metadata.Show(outcome.Name, value.ValueKind == JsonValueKind.Null ? double.NaN : value.GetDouble());
                Assert.Equal(shown, cells[s + 1]);
            }
        }

        Assert.Contains("  left out of the statistics above: focus_target_month 3 never; ree_depletion_month 1 never; rival_ratio 1 non-finite; supply_slack 1 non-finite",
            string.Join('\n', table).Replace("\n    ", " ", StringComparison.Ordinal), StringComparison.Ordinal);

        foreach (var threshold in root.GetProperty("thresholds").EnumerateObject())
        {
            var description = threshold.Value.GetProperty("description").GetString()!;
            var line = table.Single(l => l.TrimStart().StartsWith(description, StringComparison.Ordinal));
            Assert.Contains(ReportNumbers.Probability(threshold.Value.GetProperty("probability").GetDouble()), line, StringComparison.Ordinal);
        }

        Assert.Equal(Data.Headline!.Text, root.GetProperty("headline").GetProperty("text").GetString());
        // The headline is wrapped at 120 characters with a hanging indent of two.
        Assert.Contains(Data.Headline.Text, string.Join('\n', table).Replace("\n  ", " ", StringComparison.Ordinal), StringComparison.Ordinal);
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
    public void The_CSV_report_is_tidy_with_one_row_per_number_and_a_key_column()
    {
        var lines = SummaryReport.Render(Data, ReportFormat.Csv).TrimEnd('\n').Split('\n');

        Assert.Equal("section,name,key,statistic,value", lines[0]);
        Assert.Contains("summary,scenarios,,count,5", lines);
        Assert.Contains("summary,outcome,,name,share_EU", lines);
        Assert.Contains("metadata,sweep_name,,value,\"tiny, \"\"hand-made\"\"\"", lines);
        Assert.Contains("metadata,axes,,value,\"[\"\"supply_growth\"\",\"\"leakage\"\"]\"", lines);
        Assert.Contains("threshold,focus_share_below_5pct,,probability,0.6", lines);
        Assert.Contains("threshold,focus_share_below_5pct,,count,3", lines);
        Assert.Contains("headline,EU,,year,2030", lines);
        Assert.Contains("main_effect,supply_growth,0.5,count,2", lines);
        // leakage is a float32 column: 0.1f prints as 0.1, not its double widening 0.10000000149011612.
        Assert.Contains("main_effect,leakage,0.1,count,3", lines);
        var p50 = Data.FindOutcome("share_EU")!.P50.ToString("R", CultureInfo.InvariantCulture);
        Assert.Contains($"outcome,share_EU,,p50,{p50}", lines);
        Assert.Contains("outcome,focus_target_month,,never,3", lines);

        Assert.Equal(Data.Outcomes.Count * OutcomeStats.StatisticNames.Count, lines.Count(l => l.StartsWith("outcome,", StringComparison.Ordinal)));
        Assert.Equal(Data.Thresholds.Count * 3, lines.Count(l => l.StartsWith("threshold,", StringComparison.Ordinal)));
        Assert.Equal(Data.MainEffects.Sum(e => 2 + 2 * e.Levels.Count), lines.Count(l => l.StartsWith("main_effect,", StringComparison.Ordinal)));
        Assert.All(lines.Skip(1).Where(l => !l.StartsWith("metadata,", StringComparison.Ordinal)), l => Assert.Equal(5, l.Split(',').Length));
    }

    [Fact]
    public void The_table_report_draws_the_tornado_against_the_outcomes_whole_range()
    {
        var table = SummaryReport.Render(Data, ReportFormat.Table);

        Assert.Contains("  share_EU                    5   5.40 %   2.20 %", table, StringComparison.Ordinal);
        Assert.Contains("  ree_depletion_month         4  2025-07  2025-06", table, StringComparison.Ordinal);
        Assert.Contains("P(EU share < 5 %)                       60.0 %  (3 of 5)", table, StringComparison.Ordinal);
        // Bars are the lines of marks ending in a swing (the top and bottom scenarios' lines hold "#<scenario>").
        var bars = table.Split('\n').Where(l => l.Contains("##", StringComparison.Ordinal) && l.TrimEnd().EndsWith(" pp", StringComparison.Ordinal)).ToArray();
        Assert.Equal(2, bars.Length);
        // share_EU ranges over 12 % - 2 % = 10 pp: supply_growth's 4.83 pp swing is 40 * 4.83 / 10 = 19.3 -> 19 marks,
        // leakage's 3.50 pp 14 marks; a bar scaled to the largest swing would give 40 and 29.
        Assert.StartsWith("  supply_growth  " + new string('#', 19) + new string(' ', 21) + "  4.83 pp", bars[0], StringComparison.Ordinal);
        Assert.StartsWith("  leakage        " + new string('#', 14) + new string(' ', 26) + "  3.50 pp", bars[1], StringComparison.Ordinal);
        Assert.Contains("a full bar of 40 marks is share_EU's whole range over all scenarios, 10.0 pp", table.Replace("\n  ", " ", StringComparison.Ordinal), StringComparison.Ordinal);
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
