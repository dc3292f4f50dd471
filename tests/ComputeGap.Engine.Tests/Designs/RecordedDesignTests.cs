using ComputeGap.Engine.Aggregation;
using ComputeGap.Engine.Output;
using ComputeGap.Engine.Running;
using ComputeGap.IO.Reports;
using ComputeGap.Sweep.Spec;

namespace ComputeGap.Engine.Tests.Designs;

/// <summary>
/// A sampled design rebuilt from the output metadata alone (what <c>summarize</c> of aggregates has) decodes
/// every scenario's uncertain values as the run drew them, for every design kind and distribution family.
/// </summary>
public sealed class RecordedDesignTests
{
    public static TheoryData<string> Designs => new()
    {
        """{ "kind": "monte_carlo", "samples": 1000, "seed": 3 }""",
        """{ "kind": "lhs", "samples": 1000, "seed": 3 }""",
        """{ "kind": "sobol", "samples": 1024, "seed": 3 }""",
        """{ "kind": "saltelli", "samples": 128, "seed": 3, "second_order": true }""",
        """{ "kind": "morris", "trajectories": 50, "levels": 6, "seed": 3 }""",
    };

    [Theory]
    [MemberData(nameof(Designs))]
    public void The_metadata_rebuilds_the_design_value_for_value(string design)
    {
        var plan = new SweepPlan(SweepSpecParser.Parse($$"""
            { "model": "ishigami", "design": {{design}},
              "uncertain": [
                { "param": "x1", "uniform": { "from": -3, "to": 3 } },
                { "param": "x2", "normal": { "mean": 0.5, "sd": 1.5 } },
                { "param": "x3", "triangular": { "min": -3, "mode": 1, "max": 3 } },
                { "param": "a", "log_uniform": { "from": 1, "to": 10 } },
                { "param": "b", "choice": { "values": [0.05, 0.1, 0.2], "weights": [1, 2, 1] } } ] }
            """, "recorded.json"));
        var metadata = OutputMetadata.For(plan, "cpu", "cpu", DateTimeOffset.UnixEpoch);
        var info = DesignInfo.Parse(metadata[MetadataKeys.Design]);
        var rebuilt = RecordedDesign.From(info);
        Assert.NotNull(rebuilt);
        var original = plan.Design!;
        for (long e = 0; e < plan.Evaluations; e += 7)
        {
            for (var k = 0; k < original.Uncertain.Count; k++)
            {
                Assert.Equal(original.Value(e, k), rebuilt.Value(e, k));
            }
        }

        // Files written before the distributions were recorded give no design, not a wrong one.
        Assert.Null(RecordedDesign.From(info with { Distributions = null }));
        Assert.Null(RecordedDesign.From(info with { Distributions = [.. info.Distributions!.Select(d => d with { Kind = "cauchy" })] }));
    }

    /// <summary>The JSON keeps a normal distribution's missing bounds as ±∞ and reads back to the same text (a review's probe).</summary>
    [Fact]
    public void Design_metadata_round_trips_infinite_bounds()
    {
        var json = OutputMetadata.For(Saltelli(), "cpu", "cpu", DateTimeOffset.UnixEpoch)[MetadataKeys.Design];
        var info = DesignInfo.Parse(json);
        Assert.Equal(double.NegativeInfinity, info.Distributions![1].Parameters[2]);
        Assert.Equal(double.PositiveInfinity, info.Distributions[1].Parameters[3]);
        Assert.Equal(json, info.ToJson());
    }

    /// <summary>
    /// Sobol sums of a part written before the metadata recorded the distributions merge with a later part's
    /// (a resumed run or a shard run by the new version), in either order, and keep the distributions.
    /// </summary>
    [Fact]
    public void Sensitivity_sums_of_parts_written_before_and_after_the_distributions_merge()
    {
        var plan = Saltelli();
        var now = DesignInfo.Parse(OutputMetadata.For(plan, "cpu", "cpu", DateTimeOffset.UnixEpoch)[MetadataKeys.Design]);
        var before = DesignInfo.Parse((now with { Distributions = null }).ToJson());
        var old = new SensitivityState(before, 1, plan.OutcomeNames);
        old.Merge(new SensitivityState(now, 1, plan.OutcomeNames));
        Assert.NotNull(old.Design.Distributions);
        new SensitivityState(now, 1, plan.OutcomeNames).Merge(new SensitivityState(before, 1, plan.OutcomeNames));
        var other = DesignInfo.Parse((now with { Seed = 4 }).ToJson());
        Assert.Throws<ArgumentException>(() => old.Merge(new SensitivityState(other, 1, plan.OutcomeNames)));
    }

    private static SweepPlan Saltelli() => new(SweepSpecParser.Parse("""
        { "model": "ishigami", "design": { "kind": "saltelli", "samples": 128, "seed": 3 },
          "uncertain": [
            { "param": "x1", "uniform": { "from": -3, "to": 3 } },
            { "param": "x2", "normal": { "mean": 0.5, "sd": 1.5 } },
            { "param": "x3", "triangular": { "min": -3, "mode": 1, "max": 3 } } ] }
        """, "saltelli.json"));
}
