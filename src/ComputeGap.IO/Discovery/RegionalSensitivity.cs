namespace ComputeGap.IO.Discovery;

/// <summary>How differently one input is spread among the cases of interest and among the rest.</summary>
/// <param name="Input">The input's index.</param>
/// <param name="Name">The input.</param>
/// <param name="Statistic"><c>ks</c> (Kolmogorov–Smirnov distance, ordered inputs) or <c>tv</c> (total variation distance, categories).</param>
/// <param name="Distance">The distance, 0 (same spread) to 1 (no overlap).</param>
/// <param name="PValue">The asymptotic two-sample Kolmogorov–Smirnov p-value; NaN for categories.</param>
public sealed record InputSeparation(int Input, string Name, string Statistic, double Distance, double PValue);

/// <summary>
/// Regional sensitivity analysis (Spear and Hornberger 1980; EMA Workbench's <c>regional_sa</c>): for every
/// input, the distance between its distribution among the cases of interest and among the other cases,
/// ranked. Computed from per-code counts, so it merges over parts by adding histograms.
/// </summary>
public static class RegionalSensitivity
{
    /// <summary>Every input's separation, largest distance first (ties in input order).</summary>
    public static IReadOnlyList<InputSeparation> Rank(PrimData data)
    {
        var results = new InputSeparation[data.Inputs.Count];
        Parallel.For(0, data.Inputs.Count, k =>
        {
            var input = data.Inputs[k];
            var interest = new long[input.CodeCount];
            var rest = new long[input.CodeCount];
            var codes = input.Codes;
            for (var i = 0; i < codes.Length; i++)
            {
                if (data.OfInterest[i])
                {
                    interest[codes[i]]++;
                }
                else
                {
                    rest[codes[i]]++;
                }
            }

            results[k] = Separation(k, input, interest, rest);
        });
        return [.. results.OrderByDescending(r => r.Distance).ThenBy(r => r.Input)];
    }

    /// <summary>Every axis's separation on a grid, from the counts of its bitmap (equal to its rows').</summary>
    public static IReadOnlyList<InputSeparation> Rank(GridBitmap grid)
    {
        var counts = new GridCounts(grid);
        return [.. counts.Inputs.Select((input, k) =>
            {
                var interest = counts.Interest(k);
                var rest = counts.Count(k).Select((n, c) => n - interest[c]).ToArray();
                return Separation(k, input, interest, rest);
            })
            .OrderByDescending(r => r.Distance).ThenBy(r => r.Input)];
    }

    /// <summary>The separation of two histograms over one input's codes.</summary>
    public static InputSeparation Separation(int index, CodedInput input, long[] interest, long[] rest)
    {
        double n1 = interest.Sum(), n2 = rest.Sum();
        double distance = 0, cumulative1 = 0, cumulative2 = 0;
        if (input.Kind == InputKind.Categorical)
        {
            for (var c = 0; c < interest.Length; c++)
            {
                distance += Math.Abs(interest[c] / n1 - rest[c] / n2) / 2;
            }

            return new InputSeparation(index, input.Name, "tv", distance, double.NaN);
        }

        for (var c = 0; c < interest.Length; c++)
        {
            cumulative1 += interest[c];
            cumulative2 += rest[c];
            distance = Math.Max(distance, Math.Abs(cumulative1 / n1 - cumulative2 / n2));
        }

        return new InputSeparation(index, input.Name, "ks", distance, KolmogorovPValue(distance, n1 * n2 / (n1 + n2)));
    }

    /// <summary>
    /// P(D ≥ <paramref name="distance"/>) under equal distributions, asymptotically: Q_KS(λ) with
    /// λ = (√nₑ + 0.12 + 0.11/√nₑ) D (Stephens 1970, as in Numerical Recipes' <c>kstwo</c>),
    /// Q_KS(λ) = 2 Σ_{j≥1} (−1)^{j−1} e^{−2 j² λ²}.
    /// </summary>
    public static double KolmogorovPValue(double distance, double effectiveCases)
    {
        var root = Math.Sqrt(effectiveCases);
        var lambda = (root + 0.12 + 0.11 / root) * distance;
        if (lambda < 0.2)
        {
            return 1;
        }

        double sum = 0, sign = 1;
        for (var j = 1; j <= 100; j++)
        {
            var term = sign * Math.Exp(-2 * j * j * lambda * lambda);
            sum += term;
            if (Math.Abs(term) <= 1e-12 * Math.Abs(sum))
            {
                break;
            }

            sign = -sign;
        }

        return Math.Clamp(2 * sum, 0, 1);
    }
}
