using ComputeGap.Core.Reduction;
using ComputeGap.Engine.Aggregation;
using ComputeGap.Engine.Running;
using ComputeGap.IO.Reports;
using ComputeGap.Sweep.Spec;

namespace ComputeGap.Engine.Tests.Aggregation;

/// <summary>
/// Thresholds as run-time data: the list a run counts (its model's, its report's rules, its file's), the
/// float bound that tests floats exactly as the double bound does, and the shape that records the list.
/// </summary>
public sealed class RunThresholdTests
{
    private static SweepPlan Plan(string more) => new(SweepSpecParser.Parse($$"""
        { "model": "v2", "horizon_months": 12, {{more}} "axes": [ { "param": "leakage", "values": [0, 0.5] } ] }
        """, "thresholds.json"));

    [Fact]
    public void A_run_counts_its_key_thresholds_first_then_every_rule_of_its_report_then_its_files()
    {
        // EU's usage share 0.3 of 1.1 is not a key bound, so its rule gets a test of its own.
        var plan = Plan("""
            "set": { "usage_share[EU]": 0.3 },
            "thresholds": [ { "outcome": "price_final", "at_least": 12000 }, { "outcome": "share_EU", "below": 0.05 } ],
            """);
        var names = plan.OutcomeNames;
        var keyed = Thresholds.Keyed(plan.Keys);
        Assert.Equal(keyed, plan.Thresholds.Take(keyed.Length));
        Assert.Equal(
            ["share_EU < 0.27272728", "focus_target_month >= 0", "ree_depletion_month >= 0", "price_final >= 12000"],
            plan.Thresholds.Skip(keyed.Length).Select(t => t.Name(names)));

        // Every rule the report shows finds its exact count (the file's share_EU < 0.05 is a key one).
        var metadata = new SummaryMetadata(new Dictionary<string, string>(), plan.Spec.Regions, [], "EU", ["US", "CN"], plan.Spec.FocusUsageShare, null, null)
        {
            Thresholds = plan.Spec.Thresholds,
        };
        var rules = ThresholdRule.For(metadata, names.Contains);
        Assert.Equal(9, rules.Count);
        Assert.All(rules, rule => Assert.True(Thresholds.IndexOf(plan.Thresholds, RunThresholds.Test(rule, names)) >= 0, rule.Name));
    }

    [Fact]
    public void Test_models_count_only_their_files_thresholds()
    {
        var plan = new SweepPlan(SweepSpecParser.Parse("""
            { "model": "ishigami", "axes": [ { "param": "x1", "values": [0, 1] } ], "thresholds": [ { "outcome": "y", "below": 0 } ] }
            """, "ishigami.json"));
        Assert.Equal([new ThresholdTest(0, 0f, atLeast: false)], plan.Thresholds);
        Assert.Empty(new SweepPlan(SweepSpecParser.Parse("""{ "model": "sobol-g", "axes": [] }""", "g.json")).Thresholds);
    }

    [Fact]
    public void The_float_bound_tests_floats_exactly_as_the_double_bound_does()
    {
        var rng = new Random(3);
        for (var i = 0; i < 200_000; i++)
        {
            // Bounds near floats (between two, on one, a rounding away) and values on either side of them.
            var near = BitConverter.Int32BitsToSingle(rng.Next(0x00800000, 0x7F000000)) * (rng.Next(2) == 0 ? 1 : -1);
            double bound = rng.Next(3) switch
            {
                0 => near,
                1 => Math.BitIncrement((double)near),
                _ => Math.BitDecrement((double)near),
            };
            var value = rng.Next(3) switch
            {
                0 => near,
                1 => MathF.BitIncrement(near),
                _ => MathF.BitDecrement(near),
            };
            var f = ThresholdTest.FloatBound(bound);
            Assert.Equal(value < bound, new ThresholdTest(0, f, atLeast: false).Holds(value));
            Assert.Equal(value >= bound, new ThresholdTest(0, f, atLeast: true).Holds(value));
        }

        Assert.False(new ThresholdTest(0, 1f, atLeast: false).Holds(float.NaN));
        Assert.False(new ThresholdTest(0, 1f, atLeast: true).Holds(float.NaN));
    }

    [Fact]
    public void The_shape_records_its_thresholds_and_reads_an_earlier_shape_as_the_key_ones()
    {
        var plan = Plan("""
            "thresholds": [ { "outcome": "share_US", "at_least": 0.875 } ],
            """);
        var shape = AggregateShape.From(plan, AggregateBuffers.LayoutFor(plan));
        var json = shape.ToJson();
        Assert.Contains("""{"outcome":"share_US","at_least":0.875}""", json, StringComparison.Ordinal);
        var read = AggregateShape.FromJson(json);
        Assert.Equal(plan.Thresholds, read.Thresholds);
        Assert.Equal(shape.Layout, read.Layout);
        Assert.Equal(json, read.ToJson());

        // A shape written before thresholds were listed counted the seven on its key columns.
        var earlier = json[..json.IndexOf(""","thresholds":""", StringComparison.Ordinal)] + json[json.IndexOf(""","axes":""", StringComparison.Ordinal)..];
        var old = AggregateShape.FromJson(earlier);
        Assert.Equal(Thresholds.Keyed(plan.Keys), old.Thresholds);
        Assert.Equal(7, old.Layout.Thresholds);

        // A list naming an unknown outcome is refused.
        Assert.Throws<InvalidDataException>(() => AggregateShape.FromJson(json.Replace("""{"outcome":"share_US","at_least""", """{"outcome":"share_MARS","at_least""", StringComparison.Ordinal)));
    }

    [Fact]
    public void Chosen_thresholds_round_trip_through_the_metadata_and_bad_text_is_named()
    {
        IReadOnlyList<ChosenThreshold> chosen = [new("share_EU", ThresholdComparison.Below, 0.07), new("price_final", ThresholdComparison.AtLeast, 1e4)];
        var text = ChosenThreshold.ToJson(chosen);
        Assert.Equal("""[{"outcome":"share_EU","below":0.07},{"outcome":"price_final","at_least":10000}]""", text);
        Assert.Equal(chosen, ChosenThreshold.Parse(text));
        Assert.Equal(("share_EU_below_0.07", "P(share_EU < 0.07)"), (chosen[0].Rule.Name, chosen[0].Rule.Description));
        var error = Assert.Throws<FormatException>(() => ChosenThreshold.Parse("""[{"outcome":"share_EU","below":1,"at_least":2}]"""));
        Assert.Contains(MetadataKeys.Thresholds, error.Message, StringComparison.Ordinal);
        Assert.Throws<FormatException>(() => ChosenThreshold.Parse("{}"));
    }
}
