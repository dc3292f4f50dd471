using ComputeGap.IO.Reports;
using ComputeGap.IO.Sensitivity;
using ComputeGap.IO.Statistics;
using ComputeGap.IO.Tests;
using ScottPlot.Plottables;

namespace ComputeGap.Plots.Tests;

/// <summary>The threshold picture: one row per rule in report order, in percent, for the whole run and under each policy.</summary>
public sealed class ThresholdPlotTests
{
    private static readonly ThresholdProbability[] Whole =
    [
        new("focus_share_below_5pct", "P(EU share < 5 %)", 600, 1000),
        new("share_EU_at_least_0.03", "P(share_EU ≥ 0.03)", 250, 1000),
        new("rival_ratio_below_1", "P(US/CN compute ratio < 1)", 0, 0),
    ];

    private static PolicyComparison Comparison(int policies) => new("share_EU", false, 1000,
    [
        .. Enumerable.Range(0, policies).Select(i => new PolicyRow(
            new Dictionary<string, double> { ["us_priority"] = i },
            new OutcomeStats("share_EU", 1000, 0, 0, 0.04, 0.02, 0.03, 0.04, 0.05, 0.07, 0.01, 0.08),
            [new("focus_share_below_5pct", "P(EU share < 5 %)", 500 + (100 * i), 1000), new("share_EU_at_least_0.03", "P(share_EU ≥ 0.03)", 400 - (100 * i), 1000)],
            0.01, 0.01, 0.02, 0.5)),
    ]);

    [Fact]
    public void The_whole_run_is_one_bar_per_rule_in_percent_the_first_on_top()
    {
        var plot = ThresholdPlot.Draw(Whole, null);
        var bars = Assert.Single(plot.GetPlottables<BarPlot>()).Bars;
        Assert.Equal([60.0, 25.0], bars.Select(b => Math.Round(b.Value, 9))); // a rule no scenario could judge draws no bar
        Assert.Equal([2.0, 1.0], bars.Select(b => b.Position));
        Assert.Equal(["60.0 %", "25.0 %", "n/a"], plot.GetPlottables<Text>().Select(t => t.LabelText)); // as the tables print them
    }

    [Fact]
    public void Policies_are_drawn_side_by_side_within_each_rules_row_with_the_whole_run_as_a_marker()
    {
        var plot = ThresholdPlot.Draw(Whole, Comparison(2).ThresholdsByPolicy());
        var series = plot.GetPlottables<BarPlot>().ToArray();
        Assert.Equal(2, series.Length);
        Assert.Equal(["us_priority=0", "us_priority=1"], series.Select(s => s.LegendText));
        Assert.Equal([50.0, 40.0], series[0].Bars.Select(b => Math.Round(b.Value, 9))); // the third rule is not in the policies' lists: no bar
        Assert.Equal([60.0, 30.0], series[1].Bars.Select(b => Math.Round(b.Value, 9)));
        foreach (var (first, second) in series[0].Bars.Zip(series[1].Bars))
        {
            Assert.True(first.Position > second.Position && Math.Round(first.Position) == Math.Round(second.Position), "a rule's bars share its row, the first policy on top");
        }

        var whole = Assert.Single(plot.GetPlottables<Markers>());
        Assert.Equal([60.0, 25.0], whole.Data.GetScatterPoints().Select(p => Math.Round(p.X, 9))); // and no diamond where the whole run's is unknown
        Assert.Equal(["n/a"], plot.GetPlottables<Text>().Select(t => t.LabelText));
    }

    [Fact]
    public void Too_many_policies_for_the_palette_draw_the_whole_run_only()
    {
        Assert.True(ThresholdPlot.ShowsPolicies(Comparison(ThresholdPlot.MaxPolicies).ThresholdsByPolicy()));
        Assert.False(ThresholdPlot.ShowsPolicies(Comparison(ThresholdPlot.MaxPolicies + 1).ThresholdsByPolicy()));
        Assert.False(ThresholdPlot.ShowsPolicies(null));
        Assert.Throws<ArgumentException>(() => ThresholdPlot.Draw([], null));
    }

    [Fact]
    public void A_run_with_levers_writes_the_picture_under_each_policy_and_it_is_not_blank()
    {
        using var dir = new TempDirectory();
        var summary = SampleGrid.Summary() with { PolicyComparer = (_, _) => Comparison(2) };
        var file = Assert.Single(SummaryPlots.Write(summary, dir.Path, PlotFormat.Png), f => Path.GetFileName(f.Path) == "thresholds.png");
        Assert.Contains("under each of 2 policies", file.What, StringComparison.Ordinal);
        using var bitmap = Pictures.Decode(file.Path);
        Assert.True(Pictures.DistinctColours(bitmap) > 2, "thresholds.png is blank");
    }

    [Fact]
    public void Aggregates_that_do_not_compare_the_outcome_still_draw_each_policys_thresholds()
    {
        using var dir = new TempDirectory();
        var summary = SampleGrid.Summary() with { PolicyThresholdSource = () => Comparison(3).ThresholdsByPolicy() };
        Assert.Null(summary.Policies);
        var file = Assert.Single(SummaryPlots.Write(summary, dir.Path, PlotFormat.Png), f => Path.GetFileName(f.Path) == "thresholds.png");
        Assert.Contains("under each of 3 policies", file.What, StringComparison.Ordinal);
        Assert.DoesNotContain(SummaryPlots.Write(summary, dir.Path, PlotFormat.Png), f => Path.GetFileName(f.Path) == "regret.png");
    }
}
