using ComputeGap.Engine.Backends;
using ComputeGap.Engine.Running;
using ComputeGap.IO.Sensitivity;
using ComputeGap.Sweep.Spec;

namespace ComputeGap.Engine.Tests.Designs;

/// <summary>
/// Sobol indices and Morris statistics of the test functions, run through the engine, against the
/// functions' analytic indices (derived here, not copied from a table).
/// </summary>
public sealed class SobolIndexTests
{
    private const double Pi = Math.PI;

    private static async Task<(SweepPlan Plan, float[] Y)> RunAsync(string text)
    {
        var plan = new SweepPlan(SweepSpecParser.Parse(text, "test.json"));
        using var cpu = new CpuBackend();
        var run = await CollectingSink.RunAsync(plan, cpu, chunkSize: 50_000);
        return (plan, run.Outcomes[0]);
    }

    private static SobolIndices Indices(SweepPlan plan, float[] y)
    {
        var header = plan.Design!.Header;
        var sums = new SobolSums(header.Dimensions, header.SecondOrder != 0, header.Samples);
        var group = new double[header.Group];
        for (var j = 0; j < header.Samples; j++)
        {
            for (var r = 0; r < group.Length; r++)
            {
                group[r] = y[(j * header.Group) + r];
            }

            sums.Add(j, group);
        }

        return sums.Indices();
    }

    /// <summary>Ishigami at N = 2^13 with second order, against <see cref="IshigamiTruth"/>.</summary>
    [Fact]
    public async Task IshigamiIndicesMatchTheirAnalyticValues()
    {
        var (plan, y) = await RunAsync("""
            { "model": "ishigami", "design": { "kind": "saltelli", "samples": 8192, "seed": 1, "second_order": true },
              "uncertain": [
                { "param": "x1", "uniform": { "from": -3.141592653589793, "to": 3.141592653589793 } },
                { "param": "x2", "uniform": { "from": -3.141592653589793, "to": 3.141592653589793 } },
                { "param": "x3", "uniform": { "from": -3.141592653589793, "to": 3.141592653589793 } } ] }
            """);
        var (s1, st, s13Truth) = IshigamiTruth();
        var indices = Indices(plan, y);
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(s1[i], indices.Indices[i].S1, 0.02);
            Assert.Equal(st[i], indices.Indices[i].ST, 0.02);
            Assert.True(double.IsFinite(indices.Indices[i].S1Conf) && indices.Indices[i].S1Conf > 0, $"S1[{i}] half-width {indices.Indices[i].S1Conf}");
            Assert.True(double.IsFinite(indices.Indices[i].STConf) && indices.Indices[i].STConf > 0, $"ST[{i}] half-width {indices.Indices[i].STConf}");
        }

        var s13 = indices.SecondOrder.Single(p => p.First == 0 && p.Second == 2);
        Assert.Equal(s13Truth, s13.S2, 0.05);
        Assert.Equal(0, indices.SecondOrder.Single(p => p.First == 0 && p.Second == 1).S2, 0.05);
    }

    /// <summary>Sobol-G at N = 2^13, against <see cref="SobolGTruth"/>.</summary>
    [Fact]
    public async Task SobolGIndicesMatchTheirAnalyticValues()
    {
        var uncertain = string.Join(", ", Enumerable.Range(1, 8).Select(i => $$"""{ "param": "x{{i}}", "uniform": { "from": 0, "to": 1 } }"""));
        var (plan, y) = await RunAsync($$"""
            { "model": "sobol-g", "design": { "kind": "saltelli", "samples": 8192, "seed": 2 }, "uncertain": [ {{uncertain}} ] }
            """);
        var (s1, st) = SobolGTruth();
        var indices = Indices(plan, y);
        for (var i = 0; i < 8; i++)
        {
            Assert.Equal(s1[i], indices.Indices[i].S1, 0.02);
            Assert.Equal(st[i], indices.Indices[i].ST, 0.02);
        }
    }

    /// <summary>
    /// The 95 % half-widths cover the analytic indices about 95 % of the time: 24 seeds of each function at
    /// N = 2^13, every S1 and ST (24 × (6 + 16) = 528 intervals). Coverage is counted strictly (no slack);
    /// with independent intervals it would be 95 % ± 0.95 % (one binomial sd), and intervals from 32 batch
    /// means under a t quantile should neither fall short (below 90 %) nor be needlessly wide (above 99.5 %,
    /// two misses or fewer). Measured: 98.1 %, all ten misses Sobol-G's (docs/designs.md).
    /// </summary>
    [Fact]
    public async Task HalfWidthsCoverTheAnalyticIndicesAtTheirStatedLevel()
    {
        var (ishigamiS1, ishigamiST, _) = IshigamiTruth();
        var (gS1, gST) = SobolGTruth();
        var uniform = string.Join(", ", Enumerable.Range(1, 8).Select(i => $$"""{ "param": "x{{i}}", "uniform": { "from": 0, "to": 1 } }"""));
        var pi = string.Join(", ", Enumerable.Range(1, 3).Select(i => $$"""{ "param": "x{{i}}", "uniform": { "from": -3.141592653589793, "to": 3.141592653589793 } }"""));
        int covered = 0, total = 0;
        var misses = new List<string>();
        for (var seed = 1; seed <= 24; seed++)
        {
            foreach (var (model, uncertain, s1, st) in new[] { ("ishigami", pi, ishigamiS1, ishigamiST), ("sobol-g", uniform, gS1, gST) })
            {
                var (plan, y) = await RunAsync($$"""
                    { "model": "{{model}}", "design": { "kind": "saltelli", "samples": 8192, "seed": {{seed}} }, "uncertain": [ {{uncertain}} ] }
                    """);
                var indices = Indices(plan, y).Indices;
                for (var i = 0; i < indices.Count; i++)
                {
                    foreach (var (what, truth, estimate, halfWidth) in new[] { ("S1", s1[i], indices[i].S1, indices[i].S1Conf), ("ST", st[i], indices[i].ST, indices[i].STConf) })
                    {
                        Assert.True(double.IsFinite(halfWidth) && halfWidth > 0, $"{model} seed {seed} {what}[{i}] half-width {halfWidth}");
                        total++;
                        if (Math.Abs(estimate - truth) <= halfWidth)
                        {
                            covered++;
                        }
                        else
                        {
                            misses.Add($"{model} seed {seed} {what}[{i}] {estimate:G4} +/- {halfWidth:G3} (truth {truth:G4})");
                        }
                    }
                }
            }
        }

        var coverage = covered / (double)total;
        Assert.True(coverage is >= 0.90 and <= 0.995, $"coverage {coverage:P1} of {total} intervals; misses: {string.Join("; ", misses)}");
    }

    /// <summary>
    /// Ishigami with x_i ~ U(−π, π), a = 7, b = 0.1: V1 = bπ⁴/5 + b²π⁸/50 + 1/2, V2 = a²/8, V3 = 0,
    /// V13 = 8b²π⁸/225, V = V1 + V2 + V13 (Ishigami and Homma 1990; Saltelli et al. 2008, §4.8).
    /// </summary>
    private static (double[] S1, double[] ST, double S13) IshigamiTruth()
    {
        const double a = 7, b = 0.1;
        var v1 = (b * Math.Pow(Pi, 4) / 5) + (b * b * Math.Pow(Pi, 8) / 50) + 0.5;
        var v2 = a * a / 8;
        var v13 = 8 * b * b * Math.Pow(Pi, 8) / 225;
        var v = v1 + v2 + v13;
        return ([v1 / v, v2 / v, 0], [(v1 + v13) / v, v2 / v, v13 / v], v13 / v);
    }

    /// <summary>
    /// Sobol's G with x_i ~ U(0, 1), a = 0, 1, 4.5, 9, 99, 99, 99, 99: V_i = 1 / (3 (1 + a_i)²),
    /// V = Π(1 + V_i) − 1, S1_i = V_i / V, ST_i = V_i Π_{j≠i}(1 + V_j) / V.
    /// </summary>
    private static (double[] S1, double[] ST) SobolGTruth()
    {
        double[] a = [0, 1, 4.5, 9, 99, 99, 99, 99];
        var vi = a.Select(ai => 1 / (3 * (1 + ai) * (1 + ai))).ToArray();
        var v = vi.Aggregate(1.0, (p, x) => p * (1 + x)) - 1;
        return ([.. vi.Select(x => x / v)], [.. vi.Select((x, i) => x * vi.Where((_, j) => j != i).Aggregate(1.0, (p, o) => p * (1 + o)) / v)]);
    }

    [Fact]
    public async Task MorrisRanksSobolGInputsInTheOrderOfTheirCoefficients()
    {
        var uncertain = string.Join(", ", Enumerable.Range(1, 8).Select(i => $$"""{ "param": "x{{i}}", "uniform": { "from": 0, "to": 1 } }"""));
        var (plan, y) = await RunAsync($$"""
            { "model": "sobol-g", "design": { "kind": "morris", "trajectories": 500, "levels": 4, "seed": 9 }, "uncertain": [ {{uncertain}} ] }
            """);
        var design = plan.Design!;
        var sums = new MorrisSums(8);
        for (var t = 0; t < 500; t++)
        {
            for (var m = 0; m < 8; m++)
            {
                var before = (t * 9) + m;
                var moved = Enumerable.Range(0, 8).Single(k => design.Value(before, k) != design.Value(before + 1, k));
                var step = design.Value(before + 1, moved) - design.Value(before, moved);
                sums.Add(moved, (y[before + 1] - y[before]) / step);
            }
        }

        var muStar = sums.Indices().Select(i => i.MuStar).ToArray();
        Assert.True(muStar[0] > muStar[1] && muStar[1] > muStar[2] && muStar[2] > muStar[3], string.Join(", ", muStar));
        Assert.True(muStar[3] > muStar[4..].Max(), string.Join(", ", muStar));
    }
}
