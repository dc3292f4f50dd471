using ComputeGap.Core.Reduction;
using ComputeGap.Engine.Aggregation;
using ComputeGap.Engine.Running;
using ComputeGap.Sweep.Spec;

namespace ComputeGap.Engine.Tests.Policies;

/// <summary>A policy comparison of a window worked by hand: regret in both directions, best counts, values and thresholds.</summary>
public sealed class PolicyStateTests
{
    /// <summary>Ishigami with 4 futures and three values of its coefficient a as the levers.</summary>
    private static AggregateShape Shape()
    {
        var plan = new SweepPlan(SweepSpecParser.Parse("""
            { "model": "ishigami", "design": { "kind": "monte_carlo", "samples": 4, "seed": 1 },
              "uncertain": [ { "param": "x1", "uniform": { "from": 0, "to": 1 } } ],
              "levers": [ { "param": "a", "values": [7, 5, 3] } ],
              "thresholds": [ { "outcome": "y", "below": 0.5 }, { "outcome": "y", "below": 1 }, { "outcome": "y", "at_least": 4 } ] }
            """, "hand.json"));
        return AggregateShape.From(plan, AggregateBuffers.LayoutFor(plan));
    }

    [Fact]
    public void Regret_best_counts_values_and_thresholds_of_a_window_worked_by_hand()
    {
        // y of combination c in future e; future 2 of combination 0 is NaN and is left out.
        float[][] y = [[1, 2, float.NaN, 0], [3, 2, 5, 0], [0.5f, 1, 4, 0]];
        var policies = new PolicyState(Shape(), ["y"], window: 4);
        policies.Add([y[0]], 0, 4);
        policies.Add([y[1][..1]], 4, 1); // a combination's window may come in several chunks
        Assert.False(policies.IsSettled);
        policies.Add([y[1][1..]], 5, 3);
        policies.Add([y[2]], 8, 4);
        Assert.True(policies.IsSettled);
        Assert.Equal(4, policies.Futures);

        // Higher is better: best per future 3, 2, 5, 0. Lower is better: 0.5, 1, 4, 0.
        (double Sum, long Finite, long Best)[] higher = [(2, 3, 2), (0, 4, 4), (4.5, 4, 1)];
        (double Sum, long Finite, long Best)[] lower = [(1.5, 3, 1), (4.5, 4, 1), (0, 4, 4)];
        for (var c = 0; c < 3; c++)
        {
            foreach (var (expected, lowerIsBetter) in new[] { (higher[c], false), (lower[c], true) })
            {
                var regret = policies.Regret(0, c, lowerIsBetter);
                Assert.Equal(expected.Sum, regret.Sum.Round());
                Assert.Equal(expected.Finite, regret.Finite);
                Assert.Equal(expected.Best, policies.BestCount(0, c, lowerIsBetter));
            }
        }

        Assert.Equal(2.5, policies.Regret(0, 2, false).Max);
        Assert.Equal(0, policies.Regret(0, 1, false).Quantiles().Quantile(0.9));
        var values = policies.Values(0, 2);
        Assert.Equal((4, 5.5, 0.0, 4.0), (values.Finite, values.Sum.Round(), values.Min, values.Max));
        Assert.Equal(3, policies.Values(0, 0).Finite);

        // The sweep's thresholds on y (Ishigami has no others): combination 2 has 0 below 0.5, 0 and 0.5
        // below 1, and 4 at least 4; combination 0's NaN meets no test.
        Assert.Equal(3, policies.Shape.Thresholds.Count);
        Assert.Equal([1, 2, 1], Enumerable.Range(0, 3).Select(j => policies.ThresholdCount(j, 2)));
        Assert.Equal([1, 1, 0], Enumerable.Range(0, 3).Select(j => policies.ThresholdCount(j, 0)));
        Assert.Equal([1, 1, 1], Enumerable.Range(0, 3).Select(j => policies.ThresholdCount(j, 1)));
    }

    [Fact]
    public void A_chunk_that_does_not_continue_the_window_being_filled_is_refused()
    {
        var policies = new PolicyState(Shape(), ["y"], window: 2);
        policies.Add([[1, 2]], 0, 2);
        Assert.Throws<InvalidOperationException>(() => policies.Add([[3, 4]], 2, 2));

        // A combination's futures twice (and another's never) would fill the window with stale values.
        Assert.Throws<InvalidOperationException>(() => policies.Add([[1, 2]], 0, 2));
        policies.Add([[5]], 4, 1);
        Assert.Throws<InvalidOperationException>(() => policies.Add([[5]], 4, 1));
        Assert.Throws<InvalidOperationException>(() => new PolicyState(Shape(), ["y"]).Add([[1]], 0, 1));
        Assert.Throws<ArgumentException>(() => new PolicyState(Shape(), ["z"]));
    }

    /// <summary>One window of the whole ensemble takes chunks that cross combinations, and gives the bits of chunks that do not.</summary>
    [Fact]
    public void Chunks_that_cross_combinations_give_the_bits_of_chunks_that_do_not()
    {
        float[] y = [1, 2, float.NaN, 0, 3, 2, 5, 0, 0.5f, 1, 4, 0];
        var byCombination = new PolicyState(Shape(), ["y"], window: 4);
        for (var c = 0; c < 3; c++)
        {
            byCombination.Add([y[(c * 4)..((c + 1) * 4)]], c * 4, 4);
        }

        var crossing = new PolicyState(Shape(), ["y"], window: 4);
        crossing.Add([y[..5]], 0, 5);
        crossing.Add([y[5..11]], 5, 6);
        crossing.Add([y[11..]], 11, 1);
        Assert.True(crossing.IsSettled);
        Assert.Equal(4, crossing.Futures);
        Assert.True(byCombination.ExactlyEquals(crossing));

        // A crossing chunk whose first part does not continue its window is refused whole: the next
        // combination's part is not taken either.
        var refused = new PolicyState(Shape(), ["y"], window: 4);
        refused.Add([y[..4]], 0, 4);
        Assert.Throws<InvalidOperationException>(() => refused.Add([y[2..8]], 2, 6));
        Assert.Equal(0, refused.Values(0, 1).Finite);
        refused.Add([y[4..]], 4, 8);
        Assert.True(byCombination.ExactlyEquals(refused));
    }

    /// <summary>Binned sums are the exact sums of their values whatever their bits (fuzzed after a review's probe).</summary>
    [Fact]
    public void Binned_sums_are_exact_for_subnormals_extremes_signed_zeros_and_random_bits()
    {
        var random = new Random(42);
        for (var round = 0; round < 200; round++)
        {
            var values = new double[random.Next(1, 3000)];
            for (var i = 0; i < values.Length; i++)
            {
                double v;
                do
                {
                    v = (round % 4) switch
                    {
                        0 => BitConverter.Int64BitsToDouble(random.NextInt64()),
                        1 => BitConverter.Int64BitsToDouble(random.NextInt64() & unchecked((long)0x800F_FFFF_FFFF_FFFFUL)),
                        2 => (random.NextDouble() - 0.5) * Math.ScaleB(1, random.Next(-1074, 1023)),
                        _ => random.Next(6) switch { 0 => double.MaxValue, 1 => -double.MaxValue, 2 => double.Epsilon, 3 => -double.Epsilon, 4 => -0.0, _ => BitConverter.Int64BitsToDouble(0x0010_0000_0000_0000L) },
                    };
                }
                while (!double.IsFinite(v));
                values[i] = v;
            }

            var sums = new ValueSums();
            sums.AddRange(values);
            var exact = new ExactSum();
            foreach (var v in values)
            {
                exact.Add(v);
            }

            Assert.True(exact.ExactlyEquals(sums.Sum), $"round {round}");
            Assert.Equal(values.Length, sums.Finite);
            Assert.Equal(values.Min(), sums.Min);
        }
    }

    [Fact]
    public void A_sketch_keeps_only_the_slots_its_values_reach_and_counts_as_a_dense_one()
    {
        var random = new Random(5);
        var dense = new long[QuantileSketch.Length];
        var sums = new ValueSums();
        var other = new ValueSums();

        // Shares first, then values reaching further down and up, and another stream (negative, huge) merged in.
        foreach (var (scale, target) in new[] { (1.0, sums), (1e-6, sums), (1e6, sums), (-1.0, other), (1e30, other) })
        {
            float[] values = [.. Enumerable.Range(0, 700).Select(_ => (float)(scale * (random.NextDouble() + 0.01))), float.NaN, float.PositiveInfinity];
            target.AddRange(values);
            var slots = new int[values.Length];
            VectorSketch.Slots(values, slots);
            for (var i = 0; i < values.Length; i++)
            {
                dense[slots[i]] += float.IsFinite(values[i]) ? 1 : 0;
            }

            if (scale == 1.0)
            {
                Assert.InRange(sums.SketchCounts.Length, 1, QuantileSketch.Length / 8);
            }
        }

        sums.Merge(other);
        Assert.Equal(dense, sums.Sketch.ToArray());
        Assert.Equal(dense.Sum(), sums.Finite);
        Assert.Equal(0, dense.AsSpan(0, sums.SketchFirst).ToArray().Sum());

        // States that keep different runs of slots compare by their counts; an empty one merges into anything.
        var copy = new ValueSums();
        copy.Merge(new ValueSums());
        copy.Merge(sums);
        Assert.True(copy.ExactlyEquals(sums));
        Assert.Equal(0, new ValueSums().SketchCounts.Length);
    }
}
