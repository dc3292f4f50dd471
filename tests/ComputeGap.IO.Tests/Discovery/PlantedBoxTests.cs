using ComputeGap.IO.Discovery;

namespace ComputeGap.IO.Tests.Discovery;

/// <summary>PRIM against planted structure: cases of interest inside a known box, with label noise and noise inputs.</summary>
public sealed class PlantedBoxTests
{
    /// <summary>
    /// n uniform inputs x0..x(d−1) on [0, 1]; a case is of interest inside x0 ∈ [0.2, 0.6] and x1 ∈ [0.5, 0.9]
    /// (mass 0.16), and each label flips with probability <paramref name="noise"/>.
    /// </summary>
    internal static PrimData Planted(int n, int d, double noise, int seed)
    {
        var random = new Random(seed);
        var columns = new double[d][];
        for (var k = 0; k < d; k++)
        {
            columns[k] = new double[n];
            for (var i = 0; i < n; i++)
            {
                columns[k][i] = random.NextDouble();
            }
        }

        var flags = new bool[n];
        for (var i = 0; i < n; i++)
        {
            var inside = columns[0][i] is >= 0.2 and <= 0.6 && columns[1][i] is >= 0.5 and <= 0.9;
            flags[i] = random.NextDouble() < noise ? !inside : inside;
        }

        return new PrimData([.. columns.Select((c, k) => ColumnCoder.Code("x" + k, c))], flags);
    }

    [Theory]
    [InlineData(0.0, 1)]
    [InlineData(0.02, 2)]
    [InlineData(0.05, 3)]
    public void Recovers_a_planted_box_within_0_02_and_leaves_noise_inputs_alone(double noise, int seed)
    {
        var data = Planted(60_000, 5, noise, seed);
        var result = Prim.Run(data, new PrimOptions());
        var chosen = result.DefaultChoice;
        var box = result.Trajectory[chosen];

        Assert.Equal([0, 1], result.RestrictedInputs(chosen));
        Assert.InRange(Value(data, 0, box.Limits.Low(0)), 0.18, 0.22);
        Assert.InRange(Value(data, 0, box.Limits.High(0)), 0.58, 0.62);
        Assert.InRange(Value(data, 1, box.Limits.Low(1)), 0.48, 0.52);
        Assert.InRange(Value(data, 1, box.Limits.High(1)), 0.88, 0.92);
        Assert.True(box.Coverage >= 0.5);
        Assert.True(box.Density > 0.9 - 2 * noise, $"density {box.Density}");
    }

    [Fact]
    public void Finds_a_planted_categorical_case_by_dropping_categories()
    {
        var random = new Random(11);
        const int n = 40_000;
        var policy = new string[n];
        var x = new double[n];
        var other = new double[n];
        var flags = new bool[n];
        string[] labels = ["ally-first", "embargo", "open", "us-first"];
        for (var i = 0; i < n; i++)
        {
            policy[i] = labels[random.Next(labels.Length)];
            x[i] = random.NextDouble();
            other[i] = random.NextDouble();
            flags[i] = policy[i] is "embargo" or "us-first" && x[i] < 0.5;
        }

        var data = new PrimData([ColumnCoder.Code("policy", policy), ColumnCoder.Code("x", x), ColumnCoder.Code("other", other)], flags);
        var result = Prim.Run(data, new PrimOptions());
        var chosen = result.DefaultChoice;
        var box = result.Trajectory[chosen];

        Assert.Equal([0, 1], result.RestrictedInputs(chosen));
        Assert.Equal("embargo, us-first", DiscoveryReport.Limits(result, chosen, 0));

        // Without label noise every box inside the planted one has density 1, so the first such box is
        // chosen, and its last peel on x took 5 % of a box about 0.52 wide: a limit within 0.03.
        Assert.InRange(Value(data, 1, box.Limits.High(1)), 0.47, 0.53);
        Assert.True(box.Density > 0.99, $"density {box.Density}");
    }

    [Fact]
    public void Peels_whole_values_of_a_grid_input_and_keeps_limits_on_present_values()
    {
        // A 10 x 10 x 10 grid; of interest where a <= 3 and b >= 6 (values 0..9); c is noise.
        var a = new double[1000];
        var b = new double[1000];
        var c = new double[1000];
        var flags = new bool[1000];
        for (var i = 0; i < 1000; i++)
        {
            (a[i], b[i], c[i]) = (i / 100, i / 10 % 10, i % 10);
            flags[i] = a[i] <= 3 && b[i] >= 6;
        }

        var data = new PrimData([ColumnCoder.Code("a", a), ColumnCoder.Code("b", b), ColumnCoder.Code("c", c)], flags);
        var result = Prim.Run(data, new PrimOptions());
        var box = result.Trajectory[result.DefaultChoice];

        Assert.Equal("0 to 3", DiscoveryReport.Limits(result, result.DefaultChoice, 0));
        Assert.Equal("6 to 9", DiscoveryReport.Limits(result, result.DefaultChoice, 1));
        Assert.Equal(1.0, box.Density);
        Assert.Equal(1.0, box.Coverage);
        Assert.Equal([0, 1], result.RestrictedInputs(result.DefaultChoice));
    }

    [Fact]
    public void Every_box_s_counts_match_a_recount_of_its_limits()
    {
        var data = Planted(20_000, 4, 0.03, 5);
        var result = Prim.Run(data, new PrimOptions(PeelAlpha: 0.1, PasteAlpha: 0.1, MassMin: 0.02));
        Assert.Contains(result.Trajectory, b => b.Pasted);
        foreach (var box in result.Trajectory)
        {
            long cases = 0, interest = 0;
            for (var i = 0; i < data.Cases; i++)
            {
                if (Enumerable.Range(0, 4).All(k => box.Limits.Contains(k, data.Inputs[k].Codes[i])))
                {
                    cases++;
                    interest += data.OfInterest[i] ? 1 : 0;
                }
            }

            Assert.Equal(cases, box.Cases);
            Assert.Equal(interest, box.CasesOfInterest);
            Assert.Equal((double)interest / data.CasesOfInterest, box.Coverage, 12);
            Assert.Equal((double)cases / data.Cases, box.Mass, 12);
        }

        // Peeling never raises the mass; every peeled box's mass stays at or above the minimum.
        var peeled = result.Trajectory.Where(b => !b.Pasted).ToList();
        Assert.All(peeled.Zip(peeled.Skip(1)), p => Assert.True(p.Second.Mass < p.First.Mass));
        Assert.All(peeled, b => Assert.True(b.Mass >= 0.02));
        var pasted = result.Trajectory.Where(b => b.Pasted).ToList();
        Assert.All(pasted, b => Assert.True(b.Density > result.Trajectory[b.Index - 1].Density));
    }

    [Fact]
    public void Quasi_p_values_of_peeled_boxes_equal_a_direct_recount()
    {
        var data = Planted(30_000, 4, 0.05, 8);
        var result = Prim.Run(data, new PrimOptions(MassMin: 0.02));
        foreach (var box in result.Trajectory.Where(b => b.Restricted > 0))
        {
            var direct = PrimQuasiP.Direct(data, result.Initial, box);
            Assert.Equal(direct.Keys.Order(), box.QuasiP.Keys.Order());
            foreach (var (k, value) in direct)
            {
                Assert.Equal(value, box.QuasiP[k], 12);
            }
        }
    }

    [Fact]
    public void The_same_data_in_another_row_order_gives_the_same_trajectory()
    {
        var data = Planted(20_000, 4, 0.03, 9);
        var order = Enumerable.Range(0, data.Cases).Reverse().Select(i => (long)i).ToArray();
        var a = Prim.Run(data, new PrimOptions());
        var b = Prim.Run(data.Gather(order), new PrimOptions());
        Assert.Equal(a.Trajectory.Select(Summary), b.Trajectory.Select(Summary));
    }

    [Fact]
    public void Resampling_stability_repeats_with_its_seed_and_finds_the_planted_inputs()
    {
        var data = Planted(20_000, 4, 0.02, 10);
        var first = PrimStability.Measure(data, new PrimOptions(), resamples: 10, seed: 3, sampleSize: 5_000);
        var again = PrimStability.Measure(data, new PrimOptions(), resamples: 10, seed: 3, sampleSize: 5_000);
        Assert.Equal(first.RestrictedShare, again.RestrictedShare);
        Assert.Equal(1.0, first.RestrictedShare[0]);
        Assert.Equal(1.0, first.RestrictedShare[1]);
        Assert.True(first.RestrictedShare[2] <= 0.3 && first.RestrictedShare[3] <= 0.3, string.Join(", ", first.RestrictedShare));
    }

    [Fact]
    public void Refuses_a_condition_that_holds_everywhere_or_nowhere_and_options_out_of_range()
    {
        var data = Planted(1_000, 2, 0, 1);
        var none = new PrimData(data.Inputs, new bool[data.Cases]);
        Assert.Contains("no case", Assert.Throws<ArgumentException>(() => Prim.Run(none, new PrimOptions())).Message, StringComparison.Ordinal);
        Assert.Contains("--mass-min 1", Assert.Throws<ArgumentException>(() => Prim.Run(data, new PrimOptions(MassMin: 1))).Message, StringComparison.Ordinal);
        Assert.Contains("--peel-alpha 0.5", Assert.Throws<ArgumentException>(() => Prim.Run(data, new PrimOptions(PeelAlpha: 0.5))).Message, StringComparison.Ordinal);
        Assert.Contains("constant", Assert.Throws<ArgumentException>(() => ColumnCoder.Code("k", new double[10])).Message, StringComparison.Ordinal);
    }

    private static string Summary(PrimBox b) => $"{b.Index}:{b.Cases}:{b.CasesOfInterest}:{b.Restricted}:{b.Pasted}";

    private static double Value(PrimData data, int k, int code) => data.Inputs[k].Low[code];
}
