using ComputeGap.IO.Reports;
using ComputeGap.IO.Statistics;

namespace ComputeGap.IO.Sensitivity;

/// <summary>One lever combination of a sampled design, over the futures every combination shares.</summary>
/// <param name="Levers">Each lever column's value.</param>
/// <param name="Stats">The outcome's statistics under this policy.</param>
/// <param name="Thresholds">The report's threshold probabilities under this policy.</param>
/// <param name="RegretMean">Mean shortfall against the best policy in the same future.</param>
/// <param name="RegretP50">Median of that shortfall .</param>
/// <param name="RegretP90">Its 90th percentile .</param>
/// <param name="BestShare">Share of futures in which this policy is the best (ties count for each tied policy).</param>
public sealed record PolicyRow(
    IReadOnlyDictionary<string, double> Levers,
    OutcomeStats Stats,
    IReadOnlyList<ThresholdProbability> Thresholds,
    double RegretMean,
    double RegretP50,
    double RegretP90,
    double BestShare);

/// <summary>The report's threshold probabilities under one lever combination.</summary>
/// <param name="Levers">Each lever column's value.</param>
/// <param name="Thresholds">The probabilities, by rule.</param>
public sealed record PolicyThresholdRow(IReadOnlyDictionary<string, double> Levers, IReadOnlyList<ThresholdProbability> Thresholds);

/// <summary>
/// The report's threshold probabilities under each lever combination, on the futures every combination
/// shares. Unlike the rest of a <see cref="PolicyComparison"/>, they do not depend on the outcome compared:
/// aggregates count every rule under every policy, whichever outcomes they compare.
/// </summary>
/// <param name="Futures">Futures every policy meets.</param>
/// <param name="Policies">One row per lever combination, in scenario order.</param>
public sealed record PolicyThresholds(long Futures, IReadOnlyList<PolicyThresholdRow> Policies);

/// <summary>
/// Lever combinations side by side on identical futures (common random numbers): future e of every
/// combination is the same draw of the uncertain parameters, so the shortfall of a policy against the
/// best one in the same future, its regret, is defined future by future (Savage's minimax regret, as
/// EMA Workbench computes it). Higher values of the outcome are taken as better unless
/// <see cref="LowerIsBetter"/>.
/// </summary>
/// <param name="Outcome">The outcome compared.</param>
/// <param name="LowerIsBetter">True when the best policy is the one with the lowest value.</param>
/// <param name="Futures">Futures every policy meets.</param>
/// <param name="Policies">One row per lever combination, in scenario order.</param>
public sealed record PolicyComparison(string Outcome, bool LowerIsBetter, long Futures, IReadOnlyList<PolicyRow> Policies)
{
    /// <summary>The threshold probabilities of the rows.</summary>
    public PolicyThresholds ThresholdsByPolicy() => new(Futures, [.. Policies.Select(p => new PolicyThresholdRow(p.Levers, p.Thresholds))]);

    /// <summary>
    /// The comparison of <paramref name="outcome"/> over rows laid out as <paramref name="design"/> says
    /// (<paramref name="order"/>[s] the row of scenario s), or null without levers.
    /// </summary>
    public static PolicyComparison? From(
        DesignInfo design, IReadOnlyList<string> levers, Func<string, double[]> column, int[] order, string outcome,
        IReadOnlyList<ThresholdRule> thresholds, bool lowerIsBetter)
    {
        var combinations = order.Length / design.Evaluations;
        if (levers.Count == 0 || combinations < 2)
        {
            return null;
        }

        var futures = (int)design.Evaluations;
        var y = column(outcome);
        var best = new double[futures];
        Array.Fill(best, double.NaN);
        for (var c = 0; c < combinations; c++)
        {
            for (var e = 0; e < futures; e++)
            {
                var v = y[order[(c * futures) + e]];
                if (double.IsFinite(v) && (double.IsNaN(best[e]) || (lowerIsBetter ? v < best[e] : v > best[e])))
                {
                    best[e] = v;
                }
            }
        }

        var leverColumns = levers.Select(column).ToArray();
        var ruleColumns = thresholds.Select(t => column(t.Column)).ToArray();
        var rows = new List<PolicyRow>();
        for (var c = 0; c < combinations; c++)
        {
            var values = new double[futures];
            var regret = new List<double>(futures);
            var bestCount = 0;
            for (var e = 0; e < futures; e++)
            {
                var v = values[e] = y[order[(c * futures) + e]];
                if (double.IsFinite(v) && double.IsFinite(best[e]))
                {
                    var shortfall = lowerIsBetter ? v - best[e] : best[e] - v;
                    regret.Add(shortfall);
                    bestCount += shortfall == 0 ? 1 : 0;
                }
            }

            var first = order[c * futures];
            var leverValues = levers.Select((l, i) => (l, leverColumns[i][first])).ToDictionary(p => p.l, p => p.Item2, StringComparer.Ordinal);
            var probabilities = thresholds.Select((t, i) => t.Evaluate([.. Enumerable.Range(0, futures).Select(e => ruleColumns[i][order[(c * futures) + e]])])).ToArray();
            var sorted = regret.Order().ToArray();
            rows.Add(new PolicyRow(
                leverValues,
                OutcomeStats.Compute(outcome, values),
                probabilities,
                sorted.Length == 0 ? double.NaN : sorted.Average(),
                sorted.Length == 0 ? double.NaN : OutcomeStats.Quantile(sorted, 0.5),
                sorted.Length == 0 ? double.NaN : OutcomeStats.Quantile(sorted, 0.9),
                (double)bestCount / futures));
        }

        return new PolicyComparison(outcome, lowerIsBetter, futures, rows);
    }
}
