using ComputeGap.Core.Reduction;
using ComputeGap.Engine.Aggregation;
using ComputeGap.IO.Reports;

namespace ComputeGap.Engine.Tests.Aggregation;

/// <summary>Adding and merging are exact and order-independent; extremes break ties by scenario index.</summary>
public sealed class AggregateMergeTests
{
    private static readonly int Blocks = AggregateFixture.Blocks;

    [Fact]
    public void Chunk_size_chunk_order_and_shard_split_give_identical_states()
    {
        var whole = AggregateFixture.State(0, Blocks, Blocks);
        var rng = new Random(5);

        var shuffled = new AggregateState(AggregateFixture.Plan, AggregateFixture.Layout);
        foreach (var chunk in AggregateFixture.Chunks(0, Blocks, 1).OrderBy(_ => rng.Next()))
        {
            shuffled.Add(chunk);
        }

        // Three shards of whole blocks, chunked differently, merged in reverse order into an empty state.
        var shards = new[] { AggregateFixture.State(0, 2, 2), AggregateFixture.State(2, 3, 1), AggregateFixture.State(3, Blocks, 1) };
        var merged = new AggregateState(AggregateFixture.Plan, AggregateFixture.Layout);
        foreach (var shard in shards.Reverse())
        {
            merged.Merge(shard);
        }

        // Merging a tree of states: (0 ∪ 2) ∪ 1.
        var tree = AggregateFixture.State(0, 2, 1);
        tree.Merge(AggregateFixture.State(3, Blocks, 2));
        tree.Merge(AggregateFixture.State(2, 3, 1));

        Assert.Equal(AggregateFixture.Scenarios, whole.Scenarios);
        Assert.True(whole.ExactlyEquals(shuffled));
        Assert.True(whole.ExactlyEquals(merged));
        Assert.True(whole.ExactlyEquals(tree));
        Assert.Equal(Report(whole), Report(merged));
    }

    [Fact]
    public void Counts_and_extremes_match_a_brute_force_pass_over_the_rows()
    {
        var state = AggregateFixture.State(0, Blocks, 3);
        var plan = AggregateFixture.Plan;
        var focus = AggregateFixture.Outcomes[plan.Shape.Focus];
        var k = AggregateFixture.Layout.Extremes;
        var ranked = Enumerable.Range(0, focus.Length).Select(i => new ExtremeScenario(i, focus[i])).ToArray();

        Assert.Equal(ranked.OrderByDescending(e => e.Value).ThenBy(e => e.Scenario).Take(k), state.Best);
        Assert.Equal(ranked.OrderBy(e => e.Value).ThenBy(e => e.Scenario).Take(k), state.Worst);
        // The coarse focus shares tie, so the tie-break decides which scenarios are listed.
        Assert.Equal(state.Worst[0].Value, state.Worst[k - 1].Value);

        for (var o = 0; o < plan.OutcomeCount; o++)
        {
            var values = AggregateFixture.Outcomes[o].Where(float.IsFinite).ToArray();
            Assert.Equal(values.Length, state.FiniteCount(o));
            Assert.Equal(values.Min(), state.Min(o));
            Assert.Equal(values.Max(), state.Max(o));
            Assert.Equal(values.Length, state.Sketch(o).ToArray().Sum());
        }

        var lowShare = focus.Count(v => v < 0.05f);
        var j = Thresholds.IndexOf(state.Shape.Thresholds, new ThresholdTest(state.Shape.Keys.FocusShare, 0.05f, atLeast: false));
        Assert.Equal(lowShare, state.ThresholdCount(j));
    }

    [Fact]
    public void Extreme_ties_go_to_the_lower_scenario_whichever_block_arrives_first()
    {
        var plan = AggregateFixture.Plan;
        var outcomes = AggregateFixture.Outcomes.Select(c => (float[])c.Clone()).ToArray();
        var focus = outcomes[plan.Shape.Focus];
        Array.Fill(focus, 0.3f);
        long[] top = [4097, 9000, 12, 20000, 8191];
        foreach (var s in top)
        {
            focus[s] = 0.9f;
        }

        var chunks = AggregateFixture.Chunks(0, Blocks, 1, outcomes);
        var forward = new AggregateState(plan, AggregateFixture.Layout);
        var backward = new AggregateState(plan, AggregateFixture.Layout);
        chunks.ForEach(forward.Add);
        Enumerable.Reverse(chunks).ToList().ForEach(backward.Add);

        long[] expectedBest = [12, 4097, 8191, 9000, 20000, 0, 1, 2, 3, 4];
        Assert.Equal(expectedBest, forward.Best.Select(e => e.Scenario));
        Assert.Equal(Enumerable.Range(0, 10).Select(i => (long)i), forward.Worst.Select(e => e.Scenario));
        Assert.Equal(forward.Best, backward.Best);
        Assert.Equal(forward.Worst, backward.Worst);
    }

    [Fact]
    public void Malformed_chunks_and_foreign_states_are_refused()
    {
        var state = new AggregateState(AggregateFixture.Plan, AggregateFixture.Layout);
        var chunk = AggregateFixture.Chunks(0, 1, 1)[0];

        Assert.Throws<ArgumentException>(() => state.Add(chunk with { Blocks = 2 }));
        Assert.Throws<ArgumentException>(() => state.Add(chunk with { Sketch = new long[3] }));
        Assert.Throws<ArgumentException>(() => state.Add(chunk with { FirstBlock = 3 }));

        var fewer = new AggregateState(AggregateFixture.Plan, AggregateFixture.Layout with { Extremes = 3 });
        Assert.Throws<ArgumentException>(() => state.Merge(fewer));
    }

    [Fact]
    public void An_axis_value_without_scenarios_but_with_sums_is_refused()
    {
        var layout = AggregateFixture.Layout;
        var chunk = AggregateFixture.Chunks(0, 1, 1)[0];
        Assert.True(layout.AxisValues > 0);
        var partials = (double[])chunk.Partials.Clone();
        partials[layout.EffectCount(0)] = 0;
        partials[layout.EffectFinite(0, 0)] = 0;
        partials[layout.EffectSum(0, 0)] = 1.5;

        var state = new AggregateState(AggregateFixture.Plan, layout);
        var error = Assert.Throws<ArgumentException>(() => state.Add(chunk with { Partials = partials }));
        Assert.Contains("axis value 0 has no scenarios", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_longer_reused_partial_buffer_is_read_only_up_to_its_blocks()
    {
        var chunk = AggregateFixture.Chunks(0, 2, 2)[0];
        var reused = new double[chunk.Partials.Length * 2];
        chunk.Partials.CopyTo(reused, 0);
        reused.AsSpan(chunk.Partials.Length).Fill(double.NaN);
        var a = new AggregateState(AggregateFixture.Plan, AggregateFixture.Layout);
        var b = new AggregateState(AggregateFixture.Plan, AggregateFixture.Layout);

        a.Add(chunk);
        b.Add(chunk with { Partials = reused });

        Assert.True(a.ExactlyEquals(b));
    }

    internal static string Report(AggregateState state) =>
        SummaryReport.Render(state.ToSummary(AggregateFixture.Metadata()), ReportFormat.Json);
}
