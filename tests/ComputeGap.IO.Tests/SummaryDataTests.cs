using ComputeGap.IO.Reports;
using ComputeGap.IO.Statistics;

namespace ComputeGap.IO.Tests;

public sealed class SummaryDataTests
{
    private static readonly SummaryData Data = SummaryData.FromTable(SummaryFixture.Table());

    [Fact]
    public void Progress_counts_the_outcome_columns_summarised_and_is_silent_between_intervals()
    {
        var lines = new List<string>();
        var data = SummaryData.FromColumns(SummaryFixture.Table(), lines.Add, TimeSpan.Zero);
        Assert.Equal(data.Outcomes.Count, lines.Count);
        Assert.StartsWith($"summarised 1 of {data.Outcomes.Count} outcome columns of 5 rows in ", lines[0], StringComparison.Ordinal);
        Assert.StartsWith($"summarised {data.Outcomes.Count} of {data.Outcomes.Count} outcome columns", lines[^1], StringComparison.Ordinal);

        var quiet = new List<string>();
        SummaryData.FromColumns(SummaryFixture.Table(), quiet.Add, TimeSpan.FromHours(1));
        Assert.Empty(quiet);
    }

    [Fact]
    public void Every_column_but_the_scenario_and_the_axes_is_an_outcome_in_column_order()
    {
        Assert.Equal(
            ["share_US", "share_EU", "focus_share_min", "focus_coverage", "focus_cloud_dependency", "focus_target_month",
             "ree_depletion_month", "ree_lost_h100e", "global_installed", "rival_ratio", "supply_slack"],
            Data.Outcomes.Select(o => o.Name));
        Assert.Equal(5, Data.RowCount);
    }

    [Fact]
    public void Month_outcomes_leave_never_out_and_ratios_count_infinity_as_non_finite()
    {
        var target = Data.FindOutcome("focus_target_month")!;
        Assert.Equal(2, target.Count);
        Assert.Equal(3, target.NeverCount);
        Assert.Equal(21, target.Mean, 1e-12);

        var ratio = Data.FindOutcome("rival_ratio")!;
        Assert.Equal(4, ratio.Count);
        Assert.Equal(1, ratio.NonFiniteCount);
        Assert.Equal(0, ratio.NeverCount);
    }

    [Fact]
    public void Threshold_probabilities_are_counted_by_hand()
    {
        var p = Data.Thresholds.ToDictionary(t => t.Name, t => t.Probability);

        Assert.Equal(0.6, p["focus_share_below_5pct"], 1e-12);
        Assert.Equal(0.8, p["focus_share_below_10pct"], 1e-12);
        Assert.Equal(1.0, p["focus_share_below_demand_share"], 1e-12);
        Assert.Equal(0.4, p["focus_coverage_below_50pct"], 1e-12);
        Assert.Equal(0.4, p["focus_target_reached"], 1e-12);
        Assert.Equal(0.8, p["ree_depleted"], 1e-12);
        Assert.Equal(0.4, p["rival_ratio_below_1"], 1e-12);
        Assert.Equal("P(US/EU compute ratio < 1)", Data.Thresholds.Single(t => t.Name == "rival_ratio_below_1").Description);
    }

    [Fact]
    public void Main_effects_are_the_mean_focus_share_per_axis_value_ranked_by_swing()
    {
        // supply_growth: 0.5 -> (0.02 + 0.03) / 2 = 0.025; 1.0 -> (0.04 + 0.12 + 0.06) / 3 = 0.0733; swing 0.0483
        // leakage:       0.1 -> (0.02 + 0.04 + 0.06) / 3 = 0.04;  0.2 -> (0.03 + 0.12) / 2 = 0.075;  swing 0.035
        Assert.Equal(["supply_growth", "leakage"], Data.RankedMainEffects.Select(e => e.Axis));
        var growth = Data.RankedMainEffects[0];
        Assert.Equal(0.025, growth.Levels[0].Mean, 1e-7);
        Assert.Equal(0.22 / 3, growth.Levels[1].Mean, 1e-7);
        Assert.Equal(0.22 / 3 - 0.025, growth.Swing, 1e-7);
        Assert.Equal(0.035, Data.RankedMainEffects[1].Swing, 1e-7);
    }

    [Fact]
    public void The_headline_gives_the_focus_share_in_the_final_year_against_its_demand()
    {
        Assert.Equal(
            "EU: 20 % of demand; share in 2030 p50 4.0 % (p5 2.2 %, p95 11 %); coverage of own demand p50 50 %; cloud dependency p50 10 %",
            Data.Headline!.Text);
    }

    [Fact]
    public void A_report_can_be_built_from_statistics_computed_elsewhere()
    {
        var metadata = SummaryMetadata.Parse(SummaryFixture.Metadata());
        OutcomeStats Stat(string name, double p5, double p50, double p95) =>
            new(name, 1000, 0, 0, p50, p5, p50, p50, p50, p95, p5, p95);
        var data = new SummaryData(metadata, 1000,
            [Stat("share_EU", 0.019, 0.026, 0.034), Stat("focus_coverage", 0.3, 0.41, 0.5), Stat("focus_cloud_dependency", 0.1, 0.12, 0.2)],
            [new ThresholdProbability("focus_share_below_5pct", "P(EU share < 5 %)", 990, 1000)],
            [new AxisEffect("leakage", [new AxisLevel(0.1, 0.02, 500), new AxisLevel(0.3, 0.03, 500)])]);

        Assert.Equal(
            "EU: 20 % of demand; share in 2030 p50 2.6 % (p5 1.9 %, p95 3.4 %); coverage of own demand p50 41 %; cloud dependency p50 12 %",
            data.Headline!.Text);
        var table = SummaryReport.Render(data, ReportFormat.Table);
        Assert.Contains("P(EU share < 5 %)  99.0 %", table, StringComparison.Ordinal);
        // Absolute scale: the 1 pp swing against share_EU's whole range, 3.4 % - 1.9 % = 1.5 pp: 40 * 1 / 1.5 = 26.7 -> 27 marks.
        Assert.Contains("leakage  " + new string('#', 27) + new string(' ', 13) + "  1.00 pp", table, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2025-01", 72, 2030)]
    [InlineData("2025-01", 1, 2025)]
    [InlineData("2025-01", 12, 2025)]
    [InlineData("2025-01", 13, 2026)]
    [InlineData("2025-07", 600, 2075)]
    public void The_final_year_is_the_year_of_month_T_minus_1(string start, int horizon, int year)
    {
        var metadata = SummaryMetadata.Parse(new Dictionary<string, string>
        {
            ["start_month"] = start,
            ["horizon_months"] = horizon.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });

        Assert.Equal(year, metadata.FinalYear);
    }

    [Fact]
    public void Metadata_naming_a_missing_axis_or_malformed_lists_is_refused_clearly()
    {
        var table = SummaryFixture.Table();
        var badAxis = new Dictionary<string, string>(table.Metadata) { ["axes"] = """["nope"]""" };
        var error = Assert.Throws<InvalidDataException>(() =>
            SummaryData.FromTable(new Parquet.ColumnTable(table.Columns, table.RowCount, badAxis)));
        Assert.Contains("nope", error.Message, StringComparison.Ordinal);

        Assert.Throws<FormatException>(() => SummaryMetadata.Parse(new Dictionary<string, string> { ["regions"] = "US,EU" }));
        Assert.Throws<FormatException>(() => SummaryMetadata.Parse(new Dictionary<string, string> { ["rivals"] = """["US"]""" }));
        Assert.Throws<FormatException>(() => SummaryMetadata.Parse(new Dictionary<string, string> { ["horizon_months"] = "x" }));
    }

    [Fact]
    public void Without_a_focus_only_outcome_statistics_and_focus_free_thresholds_remain()
    {
        var table = SummaryFixture.Table();
        var metadata = new Dictionary<string, string>(table.Metadata);
        metadata.Remove("focus");

        var data = SummaryData.FromTable(new Parquet.ColumnTable(table.Columns, table.RowCount, metadata));

        Assert.Null(data.Headline);
        Assert.Empty(data.MainEffects);
        Assert.Equal(["ree_depleted", "rival_ratio_below_1"], data.Thresholds.Select(t => t.Name));
        Assert.Equal(11, data.Outcomes.Count);
    }
}
