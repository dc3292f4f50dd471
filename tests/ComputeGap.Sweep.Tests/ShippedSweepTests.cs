using System.Text.Json.Nodes;
using ComputeGap.Core.Parameters;
using ComputeGap.Sweep.Spec;
using Xunit;

namespace ComputeGap.Sweep.Tests;

/// <summary>The sweeps in data/sweeps, the built-in default, the baseline-only sweep and baseline resolution.</summary>
public sealed class ShippedSweepTests
{
    public static TheoryData<string> Sweeps => new(TestData.ShippedSweeps.Concat(TestData.V1Sweeps));

    [Fact]
    public void The_v2_sweeps_answer_the_source_materials_questions()
    {
        Assert.Equal(
            ["decoupling.json", "default.json", "eu-catch-up.json", "ree-shock.json", "rules-based-trade.json", "two-blocs.json", "us-export-policy.json"],
            TestData.ShippedSweeps);
        Assert.All(TestData.ShippedSweeps, f => Assert.False(string.IsNullOrWhiteSpace(SweepSpecParser.Load(TestData.SweepPath(f)).Description)));
    }

    [Fact]
    public void The_v1_sweeps_stay_runnable_under_data_sweeps_v1()
    {
        Assert.Equal(["v1/default.json", "v1/eu-catch-up.json", "v1/eu-ree-shock.json", "v1/ree-shock.json", "v1/us-export-policy.json"], TestData.V1Sweeps);
        Assert.All(TestData.V1Sweeps, f => Assert.Equal("v1", SweepSpecParser.Load(TestData.SweepPath(f)).Model.Name));
    }

    [Theory]
    [MemberData(nameof(Sweeps))]
    public void Shipped_sweep_parses_is_named_after_its_file_and_stays_under_a_million(string file)
    {
        var spec = SweepSpecParser.Load(TestData.SweepPath(file));
        Assert.Equal(Path.GetFileNameWithoutExtension(file), spec.Name);
        Assert.InRange(spec.ScenarioCount, 100, 1_000_000);
        Assert.True(spec.Axes.Count >= 3);
        SpecValidity.AssertValid(spec);
    }

    [Fact]
    public void Default_sweep_is_a_v2_sweep_of_20k_to_200k_scenarios()
    {
        var spec = SweepSpecParser.BuiltInDefault();
        Assert.InRange(spec.ScenarioCount, 20_000, 200_000);
        Assert.Equal("built-in", spec.SourceName);
        Assert.Equal("v2", spec.Model.Name);
    }

    [Fact]
    public void Built_in_default_is_data_sweeps_default_json()
    {
        var builtIn = SweepSpecParser.BuiltInDefault();
        var file = SweepSpecParser.Load(TestData.SweepPath("default.json"));
        Assert.Equal(File.ReadAllText(TestData.SweepPath("default.json")), builtIn.SourceText);
        Assert.Equal(file.ScenarioCount, builtIn.ScenarioCount);
        Assert.Equal(file.Axes.Select(a => (a.Column, a.Slot)), builtIn.Axes.Select(a => (a.Column, a.Slot)));
        Assert.Equal(file.Axes.SelectMany(a => a.Values), builtIn.Axes.SelectMany(a => a.Values));
    }

    [Theory]
    [InlineData("v1/ree-shock.json", new[] { "ree_export_quota", "ree_stock_months", "ree_criticality_escalated", "ree_controls_end" })]
    [InlineData("v1/us-export-policy.json", new[] { "us_priority", "diffusion_rule", "tier2_cap", "leakage" })]
    [InlineData("v1/eu-catch-up.json", new[] { "dc_growth_EU", "dc_step_EU", "bubble_month", "bubble_cut" })]
    public void Themed_sweep_varies_its_parameters(string file, string[] columns) =>
        Assert.Equal(columns, SweepSpecParser.Load(TestData.SweepPath(file)).Axes.Select(a => a.Column));

    [Fact]
    public void ForBaseline_is_one_scenario_of_the_baseline_as_it_is()
    {
        var baseline = TestData.V1Baseline;
        var spec = SweepSpecParser.ForBaseline(baseline);
        Assert.Equal(1, spec.ScenarioCount);
        Assert.Empty(spec.Axes);
        Assert.Equal(baseline.Slots, spec.FixedSlots);
        Assert.Equal((72, 2, 0, 1), (spec.HorizonMonths, spec.Focus, spec.RivalA, spec.RivalB));
        Assert.Same(baseline, spec.Baseline);
        var slots = new double[ParamSlots.Count];
        spec.FillSlots(0, slots);
        Assert.Equal(baseline.Slots, slots);
    }

    [Fact]
    public void Baseline_key_is_resolved_relative_to_the_sweep_file()
    {
        var dir = Directory.CreateTempSubdirectory("computegap-spec-");
        try
        {
            var baseline = JsonNode.Parse(TestData.BaselineText)!.AsObject();
            baseline["horizon_months"] = 60;
            Directory.CreateDirectory(Path.Combine(dir.FullName, "cal"));
            var baselinePath = Path.Combine(dir.FullName, "cal", "b.json");
            File.WriteAllText(baselinePath, baseline.ToJsonString());
            var sweepPath = Path.Combine(dir.FullName, "s.json");
            File.WriteAllText(sweepPath, TestData.J("{'baseline': 'cal/b.json', 'axes': [{'param': 'leakage', 'values': [0, 1]}]}"));

            var spec = SweepSpecParser.Load(sweepPath);
            Assert.Equal(60, spec.HorizonMonths);
            Assert.Equal(baselinePath, spec.Baseline.SourceName);

            var given = SweepSpecParser.Parse(File.ReadAllText(sweepPath), sweepPath, TestData.V1Baseline);
            Assert.Equal(72, given.HorizonMonths);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public void Errors_in_a_referenced_baseline_are_reported_through_the_sweep_file()
    {
        var dir = Directory.CreateTempSubdirectory("computegap-spec-");
        try
        {
            var baselinePath = Path.Combine(dir.FullName, "b.json");
            File.WriteAllText(baselinePath, "{\"model_version\": \"1\"}");
            var sweepPath = Path.Combine(dir.FullName, "s.json");
            File.WriteAllText(sweepPath, TestData.J("{'baseline': 'b.json', 'axes': []}"));

            var ex = TestData.AssertRejected(() => SweepSpecParser.Load(sweepPath), sweepPath, "$.baseline", "missing key");
            Assert.Contains(baselinePath, ex.Rule, StringComparison.Ordinal);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
