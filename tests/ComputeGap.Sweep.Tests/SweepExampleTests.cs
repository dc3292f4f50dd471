using ComputeGap.Core.Parameters;
using ComputeGap.Sweep.Spec;
using Xunit;

namespace ComputeGap.Sweep.Tests;

/// <summary>The example sweep of the file format, expanded and laid out by hand.</summary>
public sealed class SweepExampleTests
{
    private static readonly SweepSpec Spec = SweepSpecParser.Parse(TestData.Example, "example.json", TestData.V1Baseline);

    private static int EuDcGrowthSlot => ParamSlots.Of(RegionParam.DcGrowth, 2);

    [Fact]
    public void Structure_comes_from_the_file()
    {
        Assert.Equal("eu-ree-shock", Spec.Name);
        Assert.Equal(72, Spec.HorizonMonths);
        Assert.Equal(["US", "CN", "EU", "ALLY", "ROW"], Spec.Regions);
        Assert.Equal((2, 0, 1), (Spec.Focus, Spec.RivalA, Spec.RivalB));
        Assert.Equal(new Core.Model.ModelShape(72, 5, 2, 0, 1), Spec.Shape);
        Assert.Equal(TestData.Example, Spec.SourceText);
        Assert.Equal("example.json", Spec.SourceName);
        Assert.Same(TestData.V1Baseline, Spec.Baseline);
    }

    [Fact]
    public void Set_overrides_the_baseline_in_the_fixed_slots()
    {
        Assert.Equal(0.1, Spec.FixedSlots[ParamSlots.Of(GlobalParam.Leakage)]);
        Assert.Equal(0.5, Spec.FixedSlots[EuDcGrowthSlot]);
        Assert.Equal(0.8, Spec.FixedSlots[ParamSlots.Of(GlobalParam.SupplyGrowth)]);
        Assert.Equal(0.9, Spec.FixedSlots[ParamSlots.Of(RegionParam.DcGrowth, 0)]);
    }

    [Fact]
    public void Example_as_written_fixes_and_sweeps_dc_growth_EU_and_the_axis_wins()
    {
        var spec = SweepSpecParser.Parse(TestData.ExampleAsWritten, "example.json", TestData.V1Baseline);
        Assert.Equal(150, spec.ScenarioCount);
        Assert.Equal(0.6, spec.FixedSlots[EuDcGrowthSlot]);
        Span<double> slots = stackalloc double[ParamSlots.Count];
        spec.FillSlots(49, slots);
        Assert.Equal(1.2, slots[EuDcGrowthSlot], 1e-12);
    }

    [Fact]
    public void Axes_have_params_columns_and_slots()
    {
        Assert.Equal(["ree_export_quota", "dc_growth[EU]", "supply0"], Spec.Axes.Select(a => a.Param));
        Assert.Equal(["ree_export_quota", "dc_growth_EU", "supply0"], Spec.Axes.Select(a => a.Column));
        Assert.Equal(
            [ParamSlots.Of(GlobalParam.ReeExportQuota), EuDcGrowthSlot, ParamSlots.Of(GlobalParam.Supply0)],
            Spec.Axes.Select(a => a.Slot));
    }

    [Fact]
    public void Values_axis_keeps_file_order()
    {
        Assert.Equal([0, 0.26, 1], Spec.Axes[0].Values);
    }

    [Fact]
    public void Linear_range_is_inclusive_and_evenly_spaced()
    {
        double[] expected = [0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0, 1.1, 1.2];
        var values = Spec.Axes[1].Values;
        Assert.Equal(expected.Length, values.Count);
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.Equal(expected[i], values[i], 1e-12);
        }

        Assert.Equal(0.3, values[0]);
        Assert.Equal(1.2, values[^1]);
    }

    [Fact]
    public void Log_range_is_inclusive_and_geometric()
    {
        // 3e5 · (10/3)^(i/4), i = 0 … 4; (10/3)^(1/4) = 1.3512001548.
        double[] expected = [300_000, 405_360.046, 547_722.558, 740_082.804, 1_000_000];
        var values = Spec.Axes[2].Values;
        Assert.Equal(expected.Length, values.Count);
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.Equal(expected[i], values[i], 0.001);
        }

        Assert.Equal(values[1] / values[0], values[2] / values[1], 1e-12);
        Assert.Equal(1_000_000, values[^1]);
    }

    [Fact]
    public void Scenario_count_and_strides_put_the_last_axis_fastest()
    {
        Assert.Equal(150, Spec.ScenarioCount);
        Assert.Equal(50, Spec.Stride(0));
        Assert.Equal(5, Spec.Stride(1));
        Assert.Equal(1, Spec.Stride(2));
    }

    [Fact]
    public void FillSlots_decodes_a_scenario_by_the_documented_formula()
    {
        var slots = new double[ParamSlots.Count];
        for (long i = 0; i < Spec.ScenarioCount; i++)
        {
            Spec.FillSlots(i, slots);
            for (var a = 0; a < Spec.Axes.Count; a++)
            {
                var axis = Spec.Axes[a];
                Assert.Equal(axis.Values[(int)(i / Spec.Stride(a) % axis.Values.Count)], slots[axis.Slot]);
            }

            Assert.Equal(0.1, slots[ParamSlots.Of(GlobalParam.Leakage)]);
        }

        Spec.FillSlots(57, slots);
        Assert.Equal(0.26, slots[Spec.Axes[0].Slot]);
        Assert.Equal(0.4, slots[EuDcGrowthSlot], 1e-12);
        Assert.Equal(547_722.558, slots[Spec.Axes[2].Slot], 0.001);
    }

    [Fact]
    public void FillSlots_rejects_an_index_outside_the_grid()
    {
        var slots = new double[ParamSlots.Count];
        Assert.Throws<ArgumentOutOfRangeException>(() => Spec.FillSlots(150, slots));
        Assert.Throws<ArgumentOutOfRangeException>(() => Spec.FillSlots(-1, slots));
    }

    [Fact]
    public void Range_of_count_1_from_equal_to_gives_that_value()
    {
        var spec = SweepSpecParser.Parse(TestData.J("{'axes': [{'param': 'leakage', 'range': {'from': 0.3, 'to': 0.3, 'count': 1}}]}"), "one.json", TestData.V1Baseline);
        Assert.Equal([0.3], spec.Axes[0].Values);
    }

    [Fact]
    public void Descending_range_runs_from_from_to_to()
    {
        var spec = SweepSpecParser.Parse(TestData.J("{'axes': [{'param': 'bubble_month', 'range': {'from': 36, 'to': 0, 'count': 4}}]}"), "down.json", TestData.V1Baseline);
        Assert.Equal([36, 24, 12, 0], spec.Axes[0].Values);
    }

    [Fact]
    public void Month_range_with_a_whole_step_gives_whole_months()
    {
        var spec = SweepSpecParser.Parse(TestData.J("{'axes': [{'param': 'ree_controls_end', 'range': {'from': -1, 'to': 599, 'count': 601}}]}"), "months.json", TestData.V1Baseline);
        Assert.Equal(Enumerable.Range(0, 601).Select(i => (double)(i - 1)), spec.Axes[0].Values);
    }

    [Fact]
    public void An_axis_of_a_billion_values_is_accepted_without_expanding_it()
    {
        var spec = SweepSpecParser.Parse(TestData.J("{'axes': [{'param': 'supply0', 'range': {'from': 0, 'to': 1e9, 'count': 1000000000}}]}"), "big.json", TestData.V1Baseline);
        Assert.Equal(1_000_000_000, spec.ScenarioCount);
        Assert.Equal(500_000_000.5, spec.Axes[0].Values[500_000_000], 1e-6);
    }

    [Fact]
    public void Without_horizon_focus_or_rivals_the_baseline_defaults_apply()
    {
        var spec = SweepSpecParser.Parse(TestData.J("{'axes': []}"), "empty.json", TestData.V1Baseline);
        Assert.Equal((72, 2, 0, 1), (spec.HorizonMonths, spec.Focus, spec.RivalA, spec.RivalB));
        Assert.Equal(1, spec.ScenarioCount);
        Assert.Equal("empty", spec.Name);
    }

    [Fact]
    public void Focus_and_rivals_can_be_changed_by_name()
    {
        var spec = SweepSpecParser.Parse(TestData.J("{'focus': 'ALLY', 'rivals': ['CN', 'US'], 'horizon_months': 600, 'axes': []}"), "f.json", TestData.V1Baseline);
        Assert.Equal((600, 3, 1, 0), (spec.HorizonMonths, spec.Focus, spec.RivalA, spec.RivalB));
    }

    [Fact]
    public void Installed_axis_with_only_positive_totals_is_accepted()
    {
        var spec = SweepSpecParser.Parse(
            TestData.J("{'set': {'installed0[CN]': 0, 'installed0[EU]': 0, 'installed0[ALLY]': 0, 'installed0[ROW]': 0}, 'axes': [{'param': 'installed0[US]', 'values': [1, 2]}]}"),
            "inst.json", TestData.V1Baseline);
        Assert.Equal(2, spec.ScenarioCount);
    }
}
