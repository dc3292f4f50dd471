using ComputeGap.IO.Sensitivity;
using ComputeGap.IO.Statistics;
using ComputeGap.IO.Tests;
using ScottPlot.Plottables;

namespace ComputeGap.Plots.Tests;

/// <summary>The policies picture and the regret picture: drawn from the comparison's numbers, one row per policy, in percent for a share.</summary>
public sealed class PolicyPlotTests
{
    private static PolicyComparison Comparison() => new("share_EU", false, 1000,
    [
        new(new Dictionary<string, double> { ["us_priority"] = 0 }, Stats(0.04, 0.02, 0.03, 0.045, 0.05, 0.07), [], 0.001, 0, 0.004, 0.8),
        new(new Dictionary<string, double> { ["us_priority"] = 1 }, Stats(0.01, 0.001, 0.004, 0.008, 0.012, 0.03), [], 0.03, 0.028, 0.05, 0.2),
    ]);

    private static OutcomeStats Stats(double mean, double p5, double p25, double p50, double p75, double p95) =>
        new("share_EU", 1000, 0, 0, mean, p5, p25, p50, p75, p95, p5 / 2, p95 * 2);

    [Fact]
    public void Policies_and_regret_are_drawn_from_the_comparison_in_the_outcomes_units()
    {
        var scale = new OutcomeScale("share_EU", 100, "%", "percentage points");
        var boxes = Assert.Single(PolicyPlot.Outcomes(Comparison(), scale).GetPlottables<BarPlot>()).Bars;
        Assert.Equal([(3.0, 5.0), (0.4, 1.2)], boxes.Select(b => (Math.Round(b.ValueBase, 9), Math.Round(b.Value, 9))));
        Assert.Equal([1.0, 0.0], boxes.Select(b => b.Position)); // the first policy on top

        var regret = PolicyPlot.Regret(Comparison(), scale).GetPlottables<BarPlot>().ToArray();
        Assert.Equal([0.4, 5.0], regret[0].Bars.Select(b => Math.Round(b.Value, 9))); // p90
        Assert.Equal([0.0, 2.8], regret[1].Bars.Select(b => Math.Round(b.Value, 9))); // p50
    }

    [Fact]
    public void A_run_with_levers_writes_both_pictures_and_neither_is_blank()
    {
        using var dir = new TempDirectory();
        var summary = SampleGrid.Summary() with { PolicyComparer = (_, _) => Comparison() };
        var written = SummaryPlots.Write(summary, dir.Path, PlotFormat.Png).Where(f => Path.GetFileName(f.Path) is "policies.png" or "regret.png").ToArray();
        Assert.Equal(2, written.Length);
        foreach (var file in written)
        {
            using var bitmap = Pictures.Decode(file.Path);
            Assert.True(Pictures.DistinctColours(bitmap) > 2, $"{file.Path} is blank");
        }
    }

    [Fact]
    public void Beyond_24_policies_the_pictures_draw_the_12_highest_and_12_lowest_by_mean()
    {
        // Policy i has mean i / 1000 and regret mean (39 − i) / 1000: the highest means are 39 … 28, the lowest 11 … 0.
        var many = new PolicyComparison("share_EU", false, 1000,
        [
            .. Enumerable.Range(0, 40).Select(i => new PolicyRow(
                new Dictionary<string, double> { ["tier2_cap"] = i },
                Stats(i / 1000.0, 0, 0, i / 1000.0, 0.05, 0.07), [], (39 - i) / 1000.0, 0, 0.01, i == 39 ? 1 : 0)),
        ]);
        var scale = new OutcomeScale("share_EU", 100, "%", "percentage points");
        var outcomes = PolicyPlot.Outcomes(many, scale);
        var means = Assert.Single(outcomes.GetPlottables<Markers>(), m => m.LegendText == "mean").Data.GetScatterPoints().Select(p => Math.Round(p.X * 10, 6)).ToArray();
        Assert.Equal([.. Enumerable.Range(28, 12).Reverse(), .. Enumerable.Range(0, 12).Reverse()], means.Select(m => (int)m));
        Assert.Contains("the 12 highest and 12 lowest of 40 by mean", outcomes.Axes.Title.Label.Text, StringComparison.Ordinal);

        var regret = PolicyPlot.Regret(many, scale);
        var regretMeans = Assert.Single(regret.GetPlottables<Markers>()).Data.GetScatterPoints().Select(p => (int)Math.Round(p.X * 10)).ToArray();
        Assert.Equal([.. Enumerable.Range(28, 12).Reverse(), .. Enumerable.Range(0, 12).Reverse()], regretMeans);
        Assert.Contains("by mean regret", regret.Axes.Title.Label.Text, StringComparison.Ordinal);

        // 24 policies or fewer: every one, in the comparison's order.
        var few = many with { Policies = [.. many.Policies.Take(PolicyPlot.MaxRows)] };
        Assert.Equal(PolicyPlot.MaxRows, Assert.Single(PolicyPlot.Outcomes(few, scale).GetPlottables<BarPlot>()).Bars.Count);
        Assert.DoesNotContain("highest", PolicyPlot.Outcomes(few, scale).Axes.Title.Label.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Policies_without_a_mean_are_not_ranked_among_the_highest_or_lowest()
    {
        // 30 policies, 10 of them without a value: the 20 with one are drawn, and the title says so.
        var some = new PolicyComparison("share_EU", false, 1000,
        [
            .. Enumerable.Range(0, 30).Select(i => new PolicyRow(
                new Dictionary<string, double> { ["tier2_cap"] = i },
                Stats(i % 3 == 0 ? double.NaN : i / 1000.0, 0, 0, 0.01, 0.05, 0.07), [], i % 3 == 0 ? double.NaN : i / 1000.0, 0, 0.01, 0)),
        ]);
        var scale = new OutcomeScale("share_EU", 100, "%", "percentage points");
        var plot = PolicyPlot.Regret(some, scale);
        var drawn = Assert.Single(plot.GetPlottables<Markers>()).Data.GetScatterPoints().Select(p => p.X).ToArray();
        Assert.Equal(20, drawn.Length);
        Assert.All(drawn, x => Assert.False(double.IsNaN(x)));
        Assert.Contains("the 20 of 30 with a mean regret", plot.Axes.Title.Label.Text, StringComparison.Ordinal);
    }
}
