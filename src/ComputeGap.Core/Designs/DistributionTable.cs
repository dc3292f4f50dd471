using ComputeGap.Core.Sampling;

namespace ComputeGap.Core.Designs;

/// <summary>
/// Quantile functions of the distributions, from <see cref="Width"/> float constants per parameter
/// that <see cref="Distribution.Constants"/> precomputes on the host (in double, then rounded):
/// <list type="bullet">
/// <item>uniform: from, to − from;</item>
/// <item>log_uniform: ln from, ln to − ln from;</item>
/// <item>triangular: min, max, mode, F(mode) = (mode − min)/(max − min);</item>
/// <item>normal: mean, sd, Φ(α), Φ(β) − Φ(α), min, max, with α, β the bounds in sd units;</item>
/// <item>choice: the list's first index in the choice tables, its length.</item>
/// </list>
/// Device-safe: <c>MathF.Exp</c>, <c>MathF.Sqrt</c> and <c>MathF.Log</c> map to device code when ILGPU.Algorithms is enabled (the engine always enables it).
/// </summary>
public static partial class DistributionTable
{
    /// <summary>Constants per parameter.</summary>
    public const int Width = 6;

    /// <summary>Probabilities are kept this far inside (0, 1) before a normal quantile (about ±5.3 sd).</summary>
    private const float TailProbability = 5.9604645e-8f;

    /// <summary>The value of parameter <paramref name="k"/> at probability <paramref name="u"/> in [0, 1].</summary>
    public static float Quantile<TTables>(in TTables tables, int k, float u)
        where TTables : struct, IDesignTables
    {
        var kind = tables.Distribution(k);
        var c0 = tables.Constant(k, 0);
        var c1 = tables.Constant(k, 1);
        if (kind == (int)DistributionKind.Uniform)
        {
            return c0 + (u * c1);
        }

        if (kind == (int)DistributionKind.LogUniform)
        {
            return MathF.Exp(c0 + (u * c1));
        }

        if (kind == (int)DistributionKind.Triangular)
        {
            var mode = tables.Constant(k, 2);
            var split = tables.Constant(k, 3);
            return u < split
                ? c0 + MathF.Sqrt(u * (c1 - c0) * (mode - c0))
                : c1 - MathF.Sqrt((1f - u) * (c1 - c0) * (c1 - mode));
        }

        if (kind == (int)DistributionKind.Normal)
        {
            var p = tables.Constant(k, 2) + (u * tables.Constant(k, 3));
            p = p < TailProbability ? TailProbability : (p > 1f - TailProbability ? 1f - TailProbability : p);
            var x = c0 + (c1 * NormalQuantile.InverseCdf(p));
            var low = tables.Constant(k, 4);
            var high = tables.Constant(k, 5);
            return x < low ? low : (x > high ? high : x);
        }

        return Choice(tables, (int)c0, (int)c1, u);
    }

    /// <summary>The first value whose cumulative weight exceeds <paramref name="u"/> (the last when none does).</summary>
    private static float Choice<TTables>(in TTables tables, int first, int count, float u)
        where TTables : struct, IDesignTables
    {
        for (var i = 0; i < count - 1; i++)
        {
            if (u < tables.ChoiceCumulative(first + i))
            {
                return tables.ChoiceValue(first + i);
            }
        }

        return tables.ChoiceValue(first + count - 1);
    }
}
