using ComputeGap.Engine.Backends;
using ComputeGap.Engine.Running;
using ComputeGap.Sweep.Spec;

namespace ComputeGap.Engine.Tests;

/// <summary>
/// The shipped v2 sweeps answer their questions: every axis moves some outcome by at least 0.1 % of
/// that outcome's range over the sweep (its main effect's swing), and every description says which
/// constraint binds.
/// </summary>
public sealed class ShippedSweepAxisTests
{
    public static TheoryData<string> Sweeps() =>
        new(Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "data", "sweeps"), "*.json").Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal));

    [Theory]
    [MemberData(nameof(Sweeps))]
    public async Task Every_axis_moves_an_outcome_by_a_thousandth_of_its_range(string file)
    {
        var spec = SweepSpecParser.Load(Path.Combine(AppContext.BaseDirectory, "data", "sweeps", file));
        Assert.Equal("v2", spec.Model.Name);
        Assert.Contains("Binds:", spec.Description, StringComparison.Ordinal);
        var plan = new SweepPlan(spec);
        var sink = new MemorySink(plan.OutcomeCount, plan.ScenarioCount);
        using (var cpu = new CpuBackend())
        {
            await SweepRunner.RunAsync(plan, cpu, sink, new SweepOptions(ChunkSize: 1 << 16));
        }

        var inert = new List<string>();
        for (var a = 0; a < plan.AxisSlots.Length; a++)
        {
            var moves = false;
            for (var c = 0; c < plan.OutcomeCount && !moves; c++)
            {
                var values = sink.Outcomes[c];
                var finite = values.Where(float.IsFinite).ToArray();
                if (finite.Length == 0)
                {
                    continue;
                }

                var range = (double)finite.Max() - finite.Min();
                var means = Enumerable.Range(0, plan.AxisCounts[a]).Select(p =>
                {
                    double sum = 0;
                    long n = 0;
                    for (long i = 0; i < plan.ScenarioCount; i++)
                    {
                        if ((i / plan.AxisStrides[a]) % plan.AxisCounts[a] == p && float.IsFinite(values[i]))
                        {
                            sum += values[i];
                            n++;
                        }
                    }

                    return n > 0 ? sum / n : double.NaN;
                }).Where(double.IsFinite).ToArray();
                moves = range > 0 && means.Length > 1 && means.Max() - means.Min() >= 1e-3 * range;
            }

            if (!moves)
            {
                inert.Add(spec.Axes[a].Param);
            }
        }

        Assert.True(inert.Count == 0, $"{file}: axes that move no outcome by 0.1 % of its range: {string.Join(", ", inert)}");
    }
}
