using ComputeGap.Core.Designs;
using ComputeGap.Sweep.Spec;
using Xunit;

namespace ComputeGap.Sweep.Tests;

/// <summary>Sampled designs in sweep files: what they read to, and every rule a bad one breaks.</summary>
public sealed class DesignSpecTests
{
    /// <summary>The issue's example, on model v2 (its parameters are v2's).</summary>
    private const string Example = """
        { "name": "drivers-of-eu-share",
          "design": { "kind": "saltelli", "samples": 64, "seed": 7, "second_order": true },
          "uncertain": [
            { "param": "ree_export_quota", "uniform": { "from": 0, "to": 1 } },
            { "param": "fab_capacity_growth", "triangular": { "min": 0.4, "mode": 0.9, "max": 1.5 } },
            { "param": "capex0[EU]", "log_uniform": { "from": 1e8, "to": 2e9 } },
            { "param": "leakage", "normal": { "mean": 0.2, "sd": 0.1, "min": 0, "max": 1 } },
            { "param": "bubble_month", "choice": { "values": [-1, 24, 36], "weights": [0.6, 0.2, 0.2] } }
          ],
          "levers": [ { "param": "us_priority", "values": [0, 1] }, { "param": "diffusion_rule", "values": [0, 1] } ] }
        """;

    private static SweepSpec Parse(string text) => SweepSpecParser.Parse(text, TestData.File);

    [Fact]
    public void ThresholdsReadInFileOrderOnAnyOutcomeOfTheModel()
    {
        var spec = Parse(Example.Replace(
            "\"levers\": [",
            """ "thresholds": [ { "outcome": "share_EU", "at_least": 0.03 }, { "outcome": "ree_depletion_month", "below": 24 }, { "outcome": "price_final", "below": 1e4 } ], "levers": [""",
            StringComparison.Ordinal));
        Assert.Equal(
            [new("share_EU", IO.Reports.ThresholdComparison.AtLeast, 0.03), new("ree_depletion_month", IO.Reports.ThresholdComparison.Below, 24), new IO.Reports.ChosenThreshold("price_final", IO.Reports.ThresholdComparison.Below, 1e4)],
            spec.Thresholds);
        Assert.Empty(Parse(Example).Thresholds);
    }

    [Fact]
    public void TheIssueExampleReadsToLeversTimesTheSaltelliEnsemble()
    {
        var spec = Parse(Example);
        Assert.Equal(DesignKind.Saltelli, spec.DesignKind);
        Assert.Equal(5, spec.Uncertain.Count);
        Assert.Equal(64L * ((2 * 5) + 2), spec.Evaluations);
        Assert.Equal(4 * spec.Evaluations, spec.ScenarioCount);
        Assert.Equal(["us_priority", "diffusion_rule"], spec.Axes.Select(a => a.Param));
        Assert.Equal(2 * spec.Evaluations, spec.Stride(0));
        Assert.Equal(spec.Evaluations, spec.Stride(1));
        Assert.Equal("capex0_EU", spec.Uncertain[2].Column);
    }

    [Fact]
    public void EveryLeverCombinationMeetsTheSameFutures()
    {
        var spec = Parse(Example);
        var slots = new double[spec.FixedSlots.Count];
        var other = new double[spec.FixedSlots.Count];
        var e = 123;
        spec.FillSlots(e, slots);
        spec.FillSlots((3 * spec.Evaluations) + e, other);
        foreach (var u in spec.Uncertain)
        {
            Assert.Equal(slots[u.Slot], other[u.Slot]);
        }

        Assert.Equal(0, slots[spec.Axes[0].Slot]);
        Assert.Equal(1, other[spec.Axes[0].Slot]);
        Assert.Equal(1, other[spec.Axes[1].Slot]);
        Assert.Contains(slots[spec.Uncertain[4].Slot], new double[] { -1, 24, 36 });
    }

    [Fact]
    public void TestFunctionsRunWithoutRegions()
    {
        var spec = Parse(TestData.J("{'model': 'ishigami', 'design': {'kind': 'lhs', 'samples': 100}, 'uncertain': [{'param': 'x1', 'uniform': {'from': -3.14159, 'to': 3.14159}}]}"));
        Assert.Equal(["ALL"], spec.Regions);
        Assert.Equal(100, spec.ScenarioCount);
    }

    private static string Sampled(string design, string uncertain, string extra = "") =>
        TestData.J("{'model': 'v2', 'design': " + design + ", 'uncertain': [" + uncertain + "]" + extra + "}");

    private const string Lhs = "{'kind': 'lhs', 'samples': 16}";
    private const string LeakageUniform = "{'param': 'leakage', 'uniform': {'from': 0, 'to': 0.5}}";

    public static TheoryData<string, string, string> BadDesigns => new()
    {
        { TestData.J("{'model': 'v2', 'design': {'kind': 'lhs', 'samples': 16}}"), "$", "design lhs needs \"uncertain\"" },
        { TestData.J("{'model': 'v2', 'design': {'kind': 'latin', 'samples': 16}, 'uncertain': []}"), "$.design.kind", "unknown design kind \"latin\"" },
        { TestData.J("{'model': 'v2', 'design': {'samples': 16}, 'uncertain': []}"), "$.design", "missing key \"kind\"" },
        { Sampled(Lhs, LeakageUniform, ", 'axes': []"), "$.axes", "takes \"levers\"" },
        { TestData.J("{'model': 'v2', 'axes': [], 'uncertain': []}"), "$.uncertain", "a grid takes \"axes\"" },
        { Sampled("{'kind': 'sobol', 'samples': 1000}", LeakageUniform), "$.design.samples", "power of two for design sobol" },
        { Sampled("{'kind': 'saltelli', 'samples': 24}", LeakageUniform), "$.design.samples", "around it are 16 and 32" },
        { Sampled("{'kind': 'lhs', 'samples': 16, 'second_order': true}", LeakageUniform), "$.design.second_order", "design lhs takes no \"second_order\"" },
        { Sampled("{'kind': 'morris', 'trajectories': 10, 'levels': 5}", LeakageUniform), "$.design.levels", "levels must be even" },
        { Sampled("{'kind': 'morris', 'levels': 4}", LeakageUniform), "$.design", "design morris needs \"trajectories\"" },
        { Sampled(Lhs, ""), "$.uncertain", "at least one parameter" },
        { Sampled(Lhs, "{'param': 'leakage'}"), "$.uncertain[0]", "needs one distribution" },
        { Sampled(Lhs, "{'param': 'leakage', 'uniform': {'from': 0, 'to': 1}, 'normal': {'mean': 0, 'sd': 1}}"), "$.uncertain[0]", "exactly one distribution" },
        { Sampled(Lhs, "{'param': 'leakge', 'uniform': {'from': 0, 'to': 1}}"), "$.uncertain[0].param", "did you mean leakage?" },
        { Sampled(Lhs, "{'param': 'leakage', 'uniform': {'from': 0.6, 'to': 0.2}}"), "$.uncertain[0].uniform.to", "needs from <= to" },
        { Sampled(Lhs, "{'param': 'leakage', 'uniform': {'from': 0, 'to': 2}}"), "$.uncertain[0].uniform", "leakage must lie in [0, 1]" },
        { Sampled(Lhs, "{'param': 'leakage', 'triangular': {'min': 0.5, 'mode': 0.2, 'max': 0.9}}"), "$.uncertain[0].triangular.mode", "min <= mode <= max" },
        { Sampled(Lhs, "{'param': 'leakage', 'triangular': {'min': 0.9, 'mode': 0.9, 'max': 0.5}}"), "$.uncertain[0].triangular.max", "min <= max" },
        { Sampled(Lhs, "{'param': 'leakage', 'normal': {'mean': 0.2, 'sd': 0, 'min': 0, 'max': 1}}"), "$.uncertain[0].normal.sd", "sd > 0" },
        { Sampled(Lhs, "{'param': 'leakage', 'normal': {'mean': 0.2, 'sd': -1, 'min': 0, 'max': 1}}"), "$.uncertain[0].normal.sd", "sd > 0" },
        { Sampled(Lhs, "{'param': 'leakage', 'normal': {'mean': 0.2, 'sd': 0.1}}"), "$.uncertain[0].normal", "give the normal distribution a \"min\"" },
        { Sampled(Lhs, "{'param': 'leakage', 'normal': {'mean': 0.2, 'sd': 0.1, 'min': 0.5, 'max': 0.1}}"), "$.uncertain[0].normal.max", "min < max" },
        { Sampled(Lhs, "{'param': 'leakage', 'log_uniform': {'from': 0, 'to': 1}}"), "$.uncertain[0].log_uniform.from", "from > 0" },
        { Sampled(Lhs, "{'param': 'bubble_month', 'choice': {'values': [-1, 24], 'weights': [0, 0]}}"), "$.uncertain[0].choice.weights", "sum to a positive number" },
        { Sampled(Lhs, "{'param': 'bubble_month', 'choice': {'values': [-1, 24], 'weights': [1e308, 1e308]}}"), "$.uncertain[0].choice.weights", "sum to a finite number" },
        { Sampled(Lhs, "{'param': 'bubble_month', 'choice': {'values': [-1, 24], 'weights': [1]}}"), "$.uncertain[0].choice.weights", "one weight per value" },
        { Sampled(Lhs, "{'param': 'bubble_month', 'choice': {'values': [-1, 24], 'weights': [1, -1]}}"), "$.uncertain[0].choice.weights[1]", "weights must be >= 0" },
        { Sampled(Lhs, "{'param': 'bubble_month', 'choice': {'values': [24, 24]}}"), "$.uncertain[0].choice.values[1]", "lists 24 twice" },
        { Sampled(Lhs, "{'param': 'bubble_month', 'choice': {'values': [24.5]}}"), "$.uncertain[0].choice.values[0]", "whole month" },
        { Sampled(Lhs, "{'param': 'bubble_month', 'uniform': {'from': 0, 'to': 24}}"), "$.uncertain[0].uniform", "give it a choice distribution" },
        { Sampled(Lhs, LeakageUniform + ", " + LeakageUniform), "$.uncertain[1].param", "already uncertain at $.uncertain[0]" },
        { Sampled(Lhs, LeakageUniform, ", 'levers': [{'param': 'leakage', 'values': [0, 1]}]"), "$.uncertain[0]", "either a lever or uncertain" },
        { Sampled(Lhs, LeakageUniform, ", 'levers': [{'param': 'bubble_month', 'values': [12, 24, 12]}]"), "$.levers[0].values[2]", "12 appears twice (entries 0 and 2); each value is one grid point, so a repeat would double its weight" },
        { Sampled(Lhs, LeakageUniform, ", 'levers': [{'param': 'bubble_month', 'range': {'from': 12, 'to': 12, 'count': 2}}]"), "$.levers[0].range.count", "from equals to (12)" },
    };

    [Theory]
    [MemberData(nameof(BadDesigns))]
    public void BadDesignsAreRefusedNamingTheFileThePathAndTheRule(string text, string path, string rule) =>
        TestData.AssertRejected(() => Parse(text), TestData.File, path, rule);

    public static TheoryData<string> ShippedDesignSweeps =>
        [.. Directory.GetFiles(Path.Combine(TestData.DataDir, "sweeps", "designs"), "*.json").Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(ShippedDesignSweeps))]
    public void EveryShippedDesignSweepReadsAndSaysWhatItAsks(string name)
    {
        var spec = SweepSpecParser.Load(Path.Combine(TestData.DataDir, "sweeps", "designs", name));
        Assert.NotEqual(DesignKind.Grid, spec.DesignKind);
        Assert.NotEmpty(spec.Description);
        Assert.True(spec.ScenarioCount <= 1_000_000, $"{name}: {spec.ScenarioCount} scenarios; shipped examples run in seconds");
    }
}
