using System.Text.RegularExpressions;
using ComputeGap.Engine.Output;
using ComputeGap.Engine.Running;
using ComputeGap.Sweep.Spec;

namespace ComputeGap.Engine.Tests.Policies;

/// <summary>Future order visits every scenario once, window by window, every combination's window in turn.</summary>
public sealed class RunOrderTests
{
    [Fact]
    public void Future_order_takes_each_window_of_every_combination_in_turn()
    {
        // 3 combinations of 10 futures, windows of 4: futures [0,4), [4,8), [8,10).
        var order = new RunOrder(3, 10, 4);
        Assert.Equal(12, order.GroupSize);
        Assert.Equal(
            [(0L, 4L), (10, 4), (20, 4), (4, 4), (14, 4), (24, 4), (8, 2), (18, 2), (28, 2)],
            order.ScenarioRanges(0, 30).ToArray());
        Assert.Equal([(4L, 4L), (14, 4), (24, 4)], order.ScenarioRanges(12, 12).ToArray());
        Assert.Equal(8, order.ScenarioAt(24));
        Assert.Equal(18, order.ScenarioAt(26));
        Assert.Equal(29, order.ScenarioAt(29));
        Assert.True(order.IsBoundary(24));
        Assert.True(order.IsBoundary(30));
        Assert.False(order.IsBoundary(25));
        Assert.Equal("futures/4", order.ManifestName);
    }

    [Theory]
    [InlineData(2, 8, 8)]
    [InlineData(3, 10, 4)]
    [InlineData(5, 12, 3)]
    [InlineData(4, 7, 2)]
    public void Positions_map_to_every_scenario_once_in_the_order_of_the_ranges(long combinations, long evaluations, long window)
    {
        var order = new RunOrder(combinations, evaluations, window);
        var fromRanges = order.ScenarioRanges(0, order.Total).SelectMany(r => Enumerable.Range(0, (int)r.Count).Select(i => r.First + i)).ToArray();
        var fromPositions = Enumerable.Range(0, (int)order.Total).Select(p => order.ScenarioAt(p)).ToArray();
        Assert.Equal(fromRanges, fromPositions);
        Assert.Equal(Enumerable.Range(0, (int)order.Total).Select(i => (long)i), fromPositions.Order());

        // Shards and resumed runs cover windows: ranges between boundaries give the same scenarios.
        var boundaries = Enumerable.Range(0, (int)order.Total + 1).Where(p => order.IsBoundary(p)).Select(p => (long)p).ToArray();
        var pieced = boundaries.Zip(boundaries.Skip(1)).SelectMany(b => order.ScenarioRanges(b.First, b.Second - b.First)).ToArray();
        Assert.Equal(order.ScenarioRanges(0, order.Total).ToArray(), pieced);
    }

    [Fact]
    public void Scenario_order_is_the_identity_and_future_order_needs_two_policies_and_whole_units_or_one_window()
    {
        var identity = RunOrder.Scenarios(100);
        Assert.Equal([(10L, 50L)], identity.ScenarioRanges(10, 50).ToArray());
        Assert.Equal(37, identity.ScenarioAt(37));
        Assert.Null(identity.ManifestName);

        Assert.Null(RunOrder.Futures(1, 8192, 4096));
        Assert.Equal(new RunOrder(4, 8192, 8192), RunOrder.Futures(4, 8192, 4096));

        // Futures that are not whole units: one window of the whole ensemble, whose positions are the scenarios,
        // when it holds at most MaxGroup scenarios and the run is not cut into shards.
        var one = RunOrder.Futures(4, 8192 + 64, 4096)!;
        Assert.Equal(new RunOrder(4, 8192 + 64, 8192 + 64), one);
        Assert.Equal([(0L, one.Total)], one.ScenarioRanges(0, one.Total).ToArray());
        Assert.Equal([0L, one.Total], Enumerable.Range(0, (int)one.Total + 1).Where(p => one.IsBoundary(p)).Select(p => (long)p));
        Assert.All(Enumerable.Range(0, (int)one.Total), p => Assert.Equal(p, one.ScenarioAt(p)));
        Assert.Null(RunOrder.Futures(4, 8192 + 64, 4096, shards: 2));
        Assert.Contains("which shards cannot share", RunOrder.WhyNotFutures(4, 8192 + 64, 4096, shards: 2), StringComparison.Ordinal);
        Assert.NotNull(RunOrder.Futures(2, RunOrder.MaxGroup / 2 - 1, 4096));
        Assert.Null(RunOrder.Futures(2, RunOrder.MaxGroup / 2 + 1, 4096));
        Assert.Contains("would hold its 8,388,610 scenarios, more than the 8,388,608", RunOrder.WhyNotFutures(2, RunOrder.MaxGroup / 2 + 1, 4096), StringComparison.Ordinal);

        // About two million scenarios per window of every combination, in whole units.
        var many = RunOrder.Futures(3, 3 << 20, 4096)!;
        Assert.Equal(0, many.Window % 4096);
        Assert.InRange(many.GroupSize, (1 << 21) - (3 * 4096), 1 << 21);
        Assert.Throws<ArgumentOutOfRangeException>(() => many.ScenarioRanges(1, 4096).ToArray());

        // Many combinations: each window still holds enough futures for one busy backend call, up to 64 combinations;
        // beyond, a window of every combination stays within the target group (whole units, at least one).
        Assert.Equal(RunOrder.MinWindow, RunOrder.Futures(64, 1 << 20, 4096)!.Window);
        Assert.Equal(3 * 4096 * 3, RunOrder.Futures(64, 64 * 3 * 4096, 3 * 4096)!.Window);
        Assert.Equal(8192, RunOrder.Futures(256, 1 << 20, 4096)!.Window);
        Assert.Equal(8 * 4096, RunOrder.Futures(72, 1 << 20, 4096)!.Window); // 2^21 / 72 = 29,127, up to whole units
        Assert.Equal(3 * 4096, RunOrder.Futures(RunOrder.MaxCombinations, 64 * 3 * 4096, 3 * 4096)!.Window);
        foreach (var combinations in new[] { 65, 100, 200, 256 })
        {
            var order = RunOrder.Futures(combinations, 1 << 22, 4096)!;
            Assert.InRange(order.GroupSize, 4096 * combinations, RunOrder.TargetGroup + (4096 * combinations));
        }

        // Beyond 64 combinations a window of every combination, at least a unit each, stays within 2^23 scenarios.
        Assert.NotNull(RunOrder.Futures(64, 86016 * 4, 86016));
        Assert.Null(RunOrder.Futures(100, 86016 * 4, 86016));
        Assert.Contains("would hold 8,601,600 scenarios, more than the 8,388,608", RunOrder.WhyNotFutures(100, 86016 * 4, 86016), StringComparison.Ordinal);
        Assert.NotNull(RunOrder.Futures(97, 86016 * 4, 86016));

        Assert.Equal(256, RunOrder.MaxCombinations);
        Assert.Null(RunOrder.Futures(RunOrder.MaxCombinations + 1, 1 << 20, 4096));
        Assert.Contains("more than the 256", RunOrder.WhyNotFutures(257, 1 << 20, 4096), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(4, 1 << 20, 4096, 10)]
    [InlineData(2, 1 << 22, 4096, 7)]
    [InlineData(3, 3 * 4096 * 40, 3 * 4096, 16)]
    [InlineData(2, 8 * 4096, 4096, 100)]
    [InlineData(4, 8 * 3 * 4096, 3 * 4096, 3)]
    [InlineData(2, 100 * 4096, 4096, 40)]
    public void Shards_of_a_run_in_future_order_each_get_whole_windows_and_as_many_as_there_are(long combinations, long evaluations, int unit, int shards)
    {
        // Unsharded, two million scenarios a window: fewer windows than shards. Sharded, windows short enough for every shard.
        var whole = RunOrder.Futures(combinations, evaluations, unit)!;
        var order = RunOrder.Futures(combinations, evaluations, unit, shards)!;
        Assert.True(order.Window <= whole.Window);
        Assert.Equal(0, order.Window % unit);
        var windows = (evaluations + order.Window - 1) / order.Window;
        var lengths = Enumerable.Range(0, shards).Select(i => new Shard(i, shards).Length(order.Total, order.GroupSize)).ToArray();
        Assert.Equal(order.Total, lengths.Sum());
        Assert.All(Enumerable.Range(0, shards), i => Assert.True(order.IsBoundary(new Shard(i, shards).First(order.Total, order.GroupSize))));
        Assert.Equal(Math.Min(shards, evaluations / unit), lengths.Count(l => l > 0));
        Assert.True(windows >= Math.Min(shards, evaluations / unit));

        // As even as whole units allow: no shard holds more than the least possible largest share of units.
        var units = evaluations / unit;
        Assert.Equal((units + shards - 1) / shards * combinations * unit, lengths.Max());
    }

    [Theory]
    [InlineData("monte_carlo", "samples", 1000, 2, false)]
    [InlineData("lhs", "samples", 5000, 3, false)]
    [InlineData("sobol", "samples", 1024, 2, false)]
    [InlineData("saltelli", "samples", 256, 3, false)]
    [InlineData("saltelli", "samples", 64, 5, true)]
    [InlineData("morris", "trajectories", 100, 3, false)]
    [InlineData("morris", "trajectories", 4001, 7, false)]
    [InlineData("saltelli", "samples", 2, 8, true)]
    public void A_design_whose_futures_are_not_whole_units_is_told_the_least_size_that_compares_its_policies(string kind, string size, int count, int dimensions, bool secondOrder)
    {
        SweepSpec Spec(long n) => SweepSpecParser.Parse($$"""
            { "name": "uneven", "model": "sobol-g",
              "design": { "kind": "{{kind}}", "{{size}}": {{n}}, "seed": 3{{(secondOrder ? ", \"second_order\": true" : string.Empty)}} },
              "uncertain": [ {{string.Join(", ", Enumerable.Range(1, dimensions).Select(i => $"{{ \"param\": \"x{i}\", \"uniform\": {{ \"from\": 0, \"to\": 1 }} }}"))}} ],
              "levers": [ { "param": "a8", "values": [9, 99] } ] }
            """, "uneven.json");
        // Cut into shards: unsharded, an ensemble this small is compared in one window (below).
        string? Why(long n) => SweepJob.WhyPoliciesNotCompared(new SweepRequest(Spec(n), "out", Output: OutputMode.Aggregate, RowLimit: 0, Shard: new Shard(0, 2)));
        Assert.Null(SweepJob.WhyPoliciesNotCompared(new SweepRequest(Spec(count), "out", Output: OutputMode.Aggregate, RowLimit: 0)));
        Assert.Equal(Spec(count).Evaluations, AggregateRunner.OrderFor(Spec(count)).Window);

        var why = Why(count);
        Assert.NotNull(why);
        var suggested = long.Parse(Regex.Match(why, $"\"{size}\": (\\d+) gives whole units").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(suggested >= count);
        var group = Spec(count).Evaluations / count;
        Assert.EndsWith($"gives whole units ({(suggested * group).ToString("N0", System.Globalization.CultureInfo.InvariantCulture)} futures)", why, StringComparison.Ordinal);
        Assert.Null(Why(suggested)); // the suggestion runs in future order
        Assert.True(AggregateRunner.OrderFor(Spec(suggested)).IsFutures);
        if (kind is "sobol" or "saltelli")
        {
            Assert.True(long.IsPow2(suggested));
            Assert.NotNull(Why(suggested / 2)); // the power of two below does not
        }
        else
        {
            for (var n = count; n < suggested; n++)
            {
                Assert.NotNull(Why(n)); // nothing smaller does
            }
        }
    }

    [Fact]
    public void Too_many_combinations_get_no_size_to_change_and_a_morris_size_names_its_own_futures()
    {
        var many = PolicyAlignment.WhyNot(Core.Designs.DesignKind.Lhs, 1000, 1, 300);
        Assert.Equal("its 300 lever combinations are more than the 256 aggregates compare", many);

        // 100 Morris trajectories of 4 evaluations: a unit of 102,400 scenarios at this size; 1,024 trajectories give 4,096 futures.
        var morris = PolicyAlignment.WhyNot(Core.Designs.DesignKind.Morris, 100, 4, 2, shards: 3);
        Assert.Equal("its 400 futures are not a whole number of 102,400-scenario units (blocks and sensitivity units), which only a run not cut into shards compares, in one window; \"trajectories\": 1024 gives whole units (4,096 futures)", morris);
        Assert.Null(PolicyAlignment.WhyNot(Core.Designs.DesignKind.Morris, 100, 4, 2));

        // Too large for one window: the reason holds with or without shards.
        foreach (var shards in new[] { 1, 2 })
        {
            Assert.Equal(
                "its 5,000,001 futures are not a whole number of 4,096-scenario units (blocks and sensitivity units), which only a run of at most 8,388,608 scenarios compares, in one window; \"samples\": 5001216 gives whole units (5,001,216 futures)",
                PolicyAlignment.WhyNot(Core.Designs.DesignKind.Lhs, 5_000_001, 1, 2, shards));
        }

        // More than 64 combinations whose units are too large: that reason, not a size that would still be refused.
        var units = PolicyAlignment.WhyNot(Core.Designs.DesignKind.Saltelli, 1024, 42, 128, shards: 2);
        Assert.StartsWith("a window of each of its 128 lever combinations", units, StringComparison.Ordinal);
        Assert.Null(PolicyAlignment.WhyNot(Core.Designs.DesignKind.Morris, 1024, 4, 2));
    }
}
