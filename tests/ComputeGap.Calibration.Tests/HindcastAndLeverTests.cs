using ComputeGap.Calibration.Hindcast;
using ComputeGap.Calibration.Levers;
using ComputeGap.Calibration.Observed;
using ComputeGap.Calibration.Reports;
using ComputeGap.Core.Market;
using ComputeGap.Sweep.Spec;

namespace ComputeGap.Calibration.Tests;

/// <summary>The tests of truth of docs/model-v2.md: the hindcast passes, and every lever lives with the right sign.</summary>
public sealed class HindcastAndLeverTests
{
    private static Baseline V2 => BaselineLoader.LoadBuiltIn(ModelV2.Descriptor);

    [Fact]
    public void Hindcast_passes_every_hard_criterion()
    {
        var result = HindcastRun.Run(V2, ObservedData.BuiltIn());
        var failed = result.Rows.Where(r => r.Kind == CriterionKind.Hard && !r.Passed).Select(r => $"{r.Id}: model {r.Model}, observed {r.Observed}").ToList();
        Assert.True(failed.Count == 0, string.Join("; ", failed));
        Assert.True(result.Passed);
        Assert.Contains(result.Rows, r => r.Id == "output_2025" && r.Sample == "out");
        Assert.Contains(result.Rows, r => r.Id == "unsold_2030");
    }

    [Fact]
    public void The_model_beats_both_naive_forecasts_on_2025_output_and_price()
    {
        var rows = HindcastRun.Run(V2, ObservedData.BuiltIn()).Rows.ToDictionary(r => r.Id);
        foreach (var id in new[] { "output_2025", "output_q4_2025", "price_2025" })
        {
            var row = rows[id];
            Assert.True(Math.Abs(row.Error) < Math.Abs(row.NaiveLevelError!.Value) && Math.Abs(row.Error) < Math.Abs(row.NaiveGrowthError!.Value), id);
        }
    }

    [Fact]
    public void Every_lever_moves_with_the_source_materials_sign_or_is_inert_for_a_documented_reason()
    {
        var rows = LeverTable.Run(V2);
        Assert.Equal(LeverCatalog.All.Count + 1, rows.Count);
        var problems = rows.Where(r => r.Lever is not null).Select(r => (r.Lever!.Name, Check: LeverReport.Check(r)))
            .Where(x => x.Check != "ok" && !x.Check.StartsWith("inert: ", StringComparison.Ordinal)).ToList();
        Assert.True(problems.Count == 0, string.Join("; ", problems.Select(p => $"{p.Name}: {p.Check}")));
        Assert.True(LeverReport.AllHold(rows));
    }

    [Fact]
    public void The_source_materials_signs_are_among_the_checks()
    {
        var byName = LeverCatalog.All.ToDictionary(l => l.Name);
        Assert.Contains(new Expectation(LeverMetric.FocusShare, -1), byName["us_priority"].Expected);
        Assert.Contains(new Expectation(LeverMetric.Price, -1), byName["bubble_month"].Expected);
        Assert.Contains(new Expectation(LeverMetric.FocusShare, +1), byName["bubble_month"].Expected);
        Assert.Contains(new Expectation(LeverMetric.GlobalInstalled, -1), byName["ree_export_quota + thin stock"].Expected);
        Assert.Contains(new Expectation(LeverMetric.RivalBShare, +1), byName["leakage"].Expected);
        Assert.Contains(new Expectation(LeverMetric.UsDesignedOutput, -1), byName["asml_controls"].Expected);
        Assert.Contains(new Expectation(LeverMetric.DomesticChips, -1), byName["asml_controls"].Expected);
        Assert.Contains(new Expectation(LeverMetric.FocusShare, +1), byName["capex0[EU]"].Expected);
        Assert.Contains(new Expectation(LeverMetric.FocusShare, +1), byName["dc_power_growth[EU]"].Expected);
        Assert.Contains(new Expectation(LeverMetric.FocusShare, +1), byName["EU capex x2 + EU power growth + 0.3"].Expected);
    }

    [Fact]
    public void Docs_give_each_inert_levers_reason()
    {
        var docs = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "docs", "model-v2.md"));
        foreach (var lever in LeverCatalog.All.Where(l => l.InertBecause is not null))
        {
            Assert.Contains(lever.InertBecause!, docs, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_lever_that_moves_nothing_without_a_reason_is_reported()
    {
        var idle = new Lever("focus_target_share", "test", [LeverChange.To("focus_target_share", 0.2)], []);
        var row = LeverTable.Run(V2, [idle])[1];
        Assert.True(row.Inert);
        Assert.Equal("INERT without a reason", LeverReport.Check(row));
        Assert.False(LeverReport.AllHold([row]));
    }
}
