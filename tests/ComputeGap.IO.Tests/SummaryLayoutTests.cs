using ComputeGap.IO.Reports;
using ComputeGap.IO.Statistics;

namespace ComputeGap.IO.Tests;

/// <summary>Golden tests of the summary's layout: the table's width and binning, the tornado's scale, the tidy CSV.</summary>
public sealed class SummaryLayoutTests
{
    private const string Description =
        "A hand-made run whose description is much longer than a line of the report, so that the table format has to wrap it at spaces "
        + "rather than print one line of three hundred characters, as a shipped sweep's description did before.";

    private static SummaryData LongAxisRun(IReadOnlyDictionary<string, string>? extra = null)
    {
        var metadata = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["regions"] = """["US","EU"]""",
            ["axes"] = """["ree_export_quota","leakage","alt_growth","capex_growth"]""",
            ["focus"] = "EU",
            ["start_month"] = "2025-01",
            ["horizon_months"] = "72",
            ["sweep_name"] = "long-axis",
            ["sweep_description"] = Description,
        };
        foreach (var (key, value) in extra ?? new Dictionary<string, string>())
        {
            metadata[key] = value;
        }

        OutcomeStats Stat(string name, double min, double max) => new(name, 4000, 0, 0, (min + max) / 2, min, min, (min + max) / 2, max, max, min, max);
        // share_EU ranges over 12 % - 2 % = 10 pp; the inert limit is 0.1 % of that, 0.01 pp.
        var quota = new AxisEffect("ree_export_quota", [.. Enumerable.Range(0, 1000).Select(i => new AxisLevel((float)(i / 1000.0), 0.05 + 0.02 * i / 999, 4))]);
        var leakage = new AxisEffect("leakage", [new AxisLevel(0.1f, 0.07, 2000), new AxisLevel(0.2f, 0.07003, 2000)]); // 0.003 pp: inert
        var altGrowth = new AxisEffect("alt_growth", [new AxisLevel(0.05f, 0.07, 2000), new AxisLevel(0.3f, 0.0702, 2000)]); // 0.02 pp: under a mark
        var capex = new AxisEffect("capex_growth", [new AxisLevel(0.6f, 0.05, 2000), new AxisLevel(1.8f, 0.10, 2000)]); // 5 pp: 20 marks
        return new SummaryData(SummaryMetadata.Parse(metadata), 4000,
            [Stat("share_EU", 0.02, 0.12), Stat("focus_coverage", 0.3, 0.5)],
            [new ThresholdProbability("focus_share_below_5pct", "P(EU share < 5 %)", 400, 4000), new ThresholdProbability("focus_coverage_below_50pct", "P(EU covers < 50 % of its own demand)", 4000, 4000)],
            [quota, leakage, altGrowth, capex]);
    }

    private static string[] Lines(string text) => text.TrimEnd('\n').Split('\n');

    [Theory]
    [InlineData(3, 1)]
    [InlineData(8, 1)]
    [InlineData(12, 2)]
    [InlineData(32, 4)]
    [InlineData(33, 0)]
    public void Each_policys_thresholds_come_in_tables_of_eight_policies_up_to_four_tables(int policies, int tables)
    {
        var counted = new IO.Sensitivity.PolicyThresholds(4000,
        [
            .. Enumerable.Range(0, policies).Select(i => new IO.Sensitivity.PolicyThresholdRow(
                new Dictionary<string, double> { ["us_priority"] = i % 2, ["tier2_cap"] = i },
                [new ThresholdProbability("focus_share_below_5pct", "P(EU share < 5 %)", 100 * i, 4000)])),
        ]);
        var data = LongAxisRun() with { PolicyThresholdSource = () => counted };
        var lines = Lines(SummaryReport.Render(data, ReportFormat.Table));
        Assert.All(lines, l => Assert.True(l.Length <= TextFit.Width, $"{l.Length} characters: {l}"));
        var headers = lines.Where(l => l.StartsWith("Threshold probabilities under each policy", StringComparison.Ordinal)).ToArray();
        Assert.Equal(tables, headers.Length);
        var rules = lines.Where(l => l.TrimStart().StartsWith("P(EU share < 5 %)", StringComparison.Ordinal)).Skip(1).ToArray(); // after the whole run's
        Assert.Equal(tables, rules.Length);
        if (tables == 0)
        {
            Assert.Contains(lines, l => l.StartsWith($"Threshold probabilities under each of the {policies} policies: in --format json or csv", StringComparison.Ordinal));
            return;
        }

        // Every policy's probability appears once, in order, each table ending with the whole run's 10.0 %.
        var cells = rules.SelectMany(r => r.Split("  ", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Skip(1).SkipLast(1)).ToArray();
        Assert.Equal(Enumerable.Range(0, policies).Select(i => ReportNumbers.Probability(100.0 * i / 4000)), cells);
        Assert.All(rules, r => Assert.EndsWith("10.0 %", r, StringComparison.Ordinal));
        if (tables > 1)
        {
            Assert.Contains($"policies 9-{Math.Min(16, policies)} of {policies}", headers[1], StringComparison.Ordinal);
        }
    }

    [Fact]
    public void No_table_line_is_wider_than_120_characters_and_a_1000_value_axis_shows_12_groups_with_their_ranges()
    {
        var lines = Lines(SummaryReport.Render(LongAxisRun(), ReportFormat.Table));

        Assert.All(lines, l => Assert.True(l.Length <= TextFit.Width, $"{l.Length} characters: {l}"));
        var at = Array.FindIndex(lines, l => l.StartsWith("  ree_export_quota (1,000 values in 12 groups, swing 2.00 pp)", StringComparison.Ordinal));
        Assert.True(at > 0, string.Join('\n', lines));
        var groups = string.Join(' ', lines.Skip(at + 1).TakeWhile(l => l.StartsWith("      ", StringComparison.Ordinal)))
            .Split("   ", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal(12, groups.Length);
        // 84 values each in the first four groups: 0 … 0.083 (the float32 0.083f printed as written), mean 5.08 %.
        Assert.Equal("0..0.083: 5.08 %", groups[0]);
        Assert.Equal("0.917..0.999: 6.92 %", groups[^1]);
        Assert.Equal(Description[..100], lines[3][..100]);
    }

    [Fact]
    public void The_tornado_is_on_the_outcomes_range_and_names_inert_axes()
    {
        var lines = Lines(SummaryReport.Render(LongAxisRun(), ReportFormat.Table));
        var tornado = lines.SkipWhile(l => !l.StartsWith("Tornado", StringComparison.Ordinal)).ToArray();

        // 2 pp and 5 pp of a 10 pp range: 8 and 20 of 40 marks, whatever the largest swing.
        Assert.Contains("  capex_growth      " + new string('#', 20) + new string(' ', 20) + "   5.00 pp", tornado);
        Assert.Contains("  ree_export_quota  " + new string('#', 8) + new string(' ', 32) + "   2.00 pp", tornado);
        // 0.02 pp is above the inert limit but under half a mark: one dot, not a full bar.
        Assert.Contains("  alt_growth        ." + new string(' ', 39) + "  0.020 pp", tornado);
        Assert.Contains("  inert (swing below 0.1 % of the range, 0.010 pp): leakage", tornado);
        Assert.DoesNotContain(tornado, l => l.StartsWith("  leakage ", StringComparison.Ordinal));
    }

    [Fact]
    public void The_outcome_chosen_describes_the_effects_when_the_run_has_them_and_the_report_says_when_it_has_not()
    {
        var run = LongAxisRun() with { Outcome = "focus_coverage" };
        var without = SummaryReport.Render(run, ReportFormat.Table);
        Assert.Contains("Main effects: mean share_EU at each axis value", without, StringComparison.Ordinal);
        Assert.Contains("Note: the run kept main effects of share_EU only, so they describe share_EU, not focus_coverage.", without, StringComparison.Ordinal);
        Assert.Contains("Threshold probabilities (of focus_coverage first, then the run's other rules)", without, StringComparison.Ordinal);
        var thresholds = Lines(without).SkipWhile(l => !l.StartsWith("Threshold", StringComparison.Ordinal)).Skip(2).Take(2).ToArray();
        Assert.StartsWith("  P(EU covers < 50 % of its own demand)", thresholds[0], StringComparison.Ordinal);

        var coverage = new AxisEffect("leakage", [new AxisLevel(0.1f, 0.3, 2000), new AxisLevel(0.2f, 0.5, 2000)]);
        var with = SummaryReport.Render(run with { MainEffectsOf = o => o == "focus_coverage" ? [coverage] : null }, ReportFormat.Table);
        Assert.Contains("Main effects: mean focus_coverage at each axis value", with, StringComparison.Ordinal);
        Assert.DoesNotContain("Note: the run kept", with, StringComparison.Ordinal);
        // 20 pp of focus_coverage's 20 pp range: a full bar.
        Assert.Contains("  leakage  " + new string('#', 40) + "  20.0 pp", with, StringComparison.Ordinal);
    }

    [Fact]
    public void The_report_says_whether_quantiles_come_from_sketches_and_that_grid_points_weigh_the_same()
    {
        var rows = SummaryReport.Render(LongAxisRun(), ReportFormat.Table);
        var aggregate = SummaryReport.Render(LongAxisRun(new Dictionary<string, string> { ["output"] = "aggregate" }), ReportFormat.Table);

        Assert.Contains("Quantiles are exact over the rows", rows, StringComparison.Ordinal);
        Assert.Contains("Quantiles come from mergeable sketches of the aggregates, within 1 % relative error", aggregate, StringComparison.Ordinal);
        Assert.Contains("A grid: every grid point weighs the same", rows, StringComparison.Ordinal);
        Assert.Contains("summary,quantiles,,method,sketch", SummaryReport.Render(LongAxisRun(new Dictionary<string, string> { ["output"] = "aggregate" }), ReportFormat.Csv), StringComparison.Ordinal);
    }

    [Fact]
    public void The_top_and_bottom_scenarios_are_shown_when_the_run_kept_them()
    {
        var inputs = new KeyValuePair<string, double>[] { new("ree_export_quota", 0.26f), new("leakage", 0.1f) };
        var run = LongAxisRun() with
        {
            Extremes = new ScenarioExtremes("share_EU", [new RankedScenario(17, 0.12, inputs)], [new RankedScenario(3, 0.02, inputs)]),
        };

        var table = SummaryReport.Render(run, ReportFormat.Table);
        var csv = Lines(SummaryReport.Render(run, ReportFormat.Csv));

        Assert.Contains("Top 1 scenarios by share_EU (highest first), with their axis values\n  #17  12.0 %  ree_export_quota=0.26  leakage=0.1\n", table, StringComparison.Ordinal);
        Assert.Contains("Bottom 1 scenarios by share_EU (lowest first), with their axis values\n  #3  2.00 %  ree_export_quota=0.26  leakage=0.1\n", table, StringComparison.Ordinal);
        Assert.Contains("extreme,top,1,scenario,17", csv);
        Assert.Contains("extreme,top,1,ree_export_quota,0.26", csv);
        Assert.Contains("extreme,bottom,1,value,0.02", csv);
    }

    [Fact]
    public void A_table_too_wide_for_120_characters_is_split_into_parts_that_repeat_its_first_column()
    {
        // 1 + 20 columns of 9 characters: 2 + 9 + 20 * 11 = 231 characters in one piece.
        string[] Row(string name) => [name.PadRight(9), .. Enumerable.Range(0, 20).Select(c => $"{name[0]}{c,8}")];
        using var writer = new StringWriter { NewLine = "\n" };

        TextTable.WriteFitted([Row("header"), Row("value")], writer, "  ");

        var lines = Lines(writer.ToString());
        // Each part takes the first column and as many of the next as fit: (120 - 2 - 9) / 11 = 9 columns, so 9 + 9 + 2.
        Assert.Equal(["  header", "  value", "", "  header", "  value", "", "  header", "  value"], lines.Select(l => l[..Math.Min(l.Length, 8)].TrimEnd()));
        Assert.All(lines, l => Assert.True(l.Length <= TextFit.Width, l));
        Assert.Equal(2 + 9 + 9 * 11, lines[0].Length);
        Assert.EndsWith("h      19", lines[6], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0.26f, "0.26")]
    [InlineData(0.2f, "0.2")]
    [InlineData(2e8f, "200000000")]
    [InlineData(-1f, "-1")]
    public void Axis_values_print_as_the_shortest_decimal_of_their_float32(float value, string expected)
    {
        Assert.Equal(expected, ReportNumbers.AxisExact(value));
    }

    [Fact]
    public void The_double_widening_of_a_float32_is_not_what_is_printed() =>
        Assert.Equal("0.25999999046325684", ((double)0.26f).ToString("R", System.Globalization.CultureInfo.InvariantCulture));

    [Fact]
    public void A_value_that_is_not_a_float32_keeps_its_double_digits()
    {
        Assert.Equal("0.1", ReportNumbers.AxisExact(0.1));
        Assert.Equal("0.3333333333333333", ReportNumbers.AxisExact(1 / 3.0));
        Assert.Equal(string.Empty, ReportNumbers.AxisExact(double.NaN));
    }

    [Fact]
    public void The_tidy_CSV_of_a_small_run_is_exactly_this()
    {
        var metadata = SummaryMetadata.Parse(new Dictionary<string, string>
        {
            ["axes"] = """["quota"]""",
            ["focus"] = "EU",
        });
        var data = new SummaryData(metadata, 4,
            [new OutcomeStats("share_EU", 4, 0, 0, 0.05, 0.02, 0.03, 0.05, 0.07, 0.08, 0.02, 0.08)],
            [new ThresholdProbability("focus_share_below_5pct", "P(EU share < 5 %)", 2, 4)],
            [new AxisEffect("quota", [new AxisLevel(0.26f, 0.04, 2), new AxisLevel(0.5f, 0.06, 2)])]);

        var csv = SummaryReport.Render(data, ReportFormat.Csv);

        Assert.Equal(GoldenCsv, csv);
    }

    private const string GoldenCsv =
        ""
        + "section,name,key,statistic,value\n"
        + "metadata,axes,,value,\"[\"\"quota\"\"]\"\n"
        + "metadata,focus,,value,EU\n"
        + "summary,scenarios,,count,4\n"
        + "summary,outcome,,name,share_EU\n"
        + "summary,quantiles,,method,exact\n"
        + "summary,weighting,,method,grid\n"
        + "headline,EU,,usage_share,\n"
        + "headline,EU,,year,\n"
        + "headline,EU,,share_p5,0.02\n"
        + "headline,EU,,share_p50,0.05\n"
        + "headline,EU,,share_p95,0.08\n"
        + "headline,EU,,coverage_p50,\n"
        + "headline,EU,,cloud_dependency_p50,\n"
        + "outcome,share_EU,,count,4\n"
        + "outcome,share_EU,,non_finite,0\n"
        + "outcome,share_EU,,never,0\n"
        + "outcome,share_EU,,mean,0.05\n"
        + "outcome,share_EU,,p5,0.02\n"
        + "outcome,share_EU,,p25,0.03\n"
        + "outcome,share_EU,,p50,0.05\n"
        + "outcome,share_EU,,p75,0.07\n"
        + "outcome,share_EU,,p95,0.08\n"
        + "outcome,share_EU,,min,0.02\n"
        + "outcome,share_EU,,max,0.08\n"
        + "threshold,focus_share_below_5pct,,probability,0.5\n"
        + "threshold,focus_share_below_5pct,,count,2\n"
        + "threshold,focus_share_below_5pct,,total,4\n"
        + "main_effect,quota,,swing,0.019999999999999997\n"
        + "main_effect,quota,,inert,0\n"
        + "main_effect,quota,0.26,mean,0.04\n"
        + "main_effect,quota,0.26,count,2\n"
        + "main_effect,quota,0.5,mean,0.06\n"
        + "main_effect,quota,0.5,count,2\n";
}
