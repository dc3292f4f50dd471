using ComputeGap.IO.Statistics;

namespace ComputeGap.IO.Discovery;

/// <summary>P(condition) among the scenarios where one input lies between two values.</summary>
/// <param name="Low">Smallest input value of the group (for an axis value, the value).</param>
/// <param name="High">Largest input value of the group.</param>
/// <param name="Probability">Share of the group's scenarios where the condition holds.</param>
/// <param name="Count">Scenarios in the group.</param>
public sealed record ConditionLevel(double Low, double High, double Probability, long Count);

/// <summary>P(condition) at each value of an axis, or in each decile of an uncertain parameter.</summary>
/// <param name="Input">The axis or parameter column.</param>
/// <param name="IsDecile">True for deciles of a sampled parameter, false for the values of an axis.</param>
/// <param name="Levels">Groups in ascending order of the input.</param>
public sealed record ConditionByInput(string Input, bool IsDecile, IReadOnlyList<ConditionLevel> Levels)
{
    /// <summary>Largest minus smallest probability over the groups.</summary>
    public double Swing => Levels.Count == 0 ? 0 : Levels.Max(l => l.Probability) - Levels.Min(l => l.Probability);
}

/// <summary>
/// How often a condition holds (<c>summarize --where</c>): overall, at each axis value, and in each
/// decile of each uncertain parameter of a sampled design. On a grid every grid point weighs the same,
/// so the probability is the share of grid points.
/// </summary>
/// <param name="Condition">The condition.</param>
/// <param name="Cases">Scenarios.</param>
/// <param name="Holds">Scenarios where it holds.</param>
/// <param name="ByInput">Per input, ranked by swing (largest first).</param>
public sealed record ConditionProbability(WhereExpression Condition, long Cases, long Holds, IReadOnlyList<ConditionByInput> ByInput)
{
    /// <summary>Groups of a sampled parameter.</summary>
    public const int Deciles = 10;

    /// <summary>Holds over Cases.</summary>
    public double Probability => Cases == 0 ? double.NaN : (double)Holds / Cases;

    /// <summary>Evaluates <paramref name="condition"/> over rows and groups it by <paramref name="axes"/> (each value) and <paramref name="uncertain"/> (deciles).</summary>
    public static ConditionProbability Compute(WhereExpression condition, int rows, Func<string, double[]> column,
        IReadOnlyList<string> axes, IReadOnlyList<string> uncertain)
    {
        var flags = condition.Evaluate(rows, name => column(name));
        var indicator = new double[rows];
        for (var i = 0; i < rows; i++)
        {
            indicator[i] = flags[i] ? 1 : 0;
        }

        var groups = axes.Select(axis => new ConditionByInput(axis, false,
                [.. AxisEffects.OfColumns(axis, column(axis), indicator).Levels.Select(l => new ConditionLevel(l.Value, l.Value, l.Mean, l.Count))]))
            .Concat(uncertain.Select(name => ByDecile(name, column(name), indicator)))
            .OrderByDescending(g => g.Swing).ThenBy(g => g.Input, StringComparer.Ordinal)
            .ToList();
        return new ConditionProbability(condition, rows, flags.LongCount(f => f), groups);
    }

    /// <summary>
    /// P(condition) on a grid from its bitmap, overall and at each value of each axis: the cases of
    /// interest per value are counted from the bits, the cases are the grid's other axes' product.
    /// </summary>
    /// <param name="grid">The grid and the bits of <paramref name="recorded"/>.</param>
    /// <param name="condition">The condition asked for.</param>
    /// <param name="recorded">The condition the bits record.</param>
    /// <exception cref="ArgumentException">The two conditions differ (a bitmap answers only for its own).</exception>
    public static ConditionProbability FromGrid(GridBitmap grid, WhereExpression condition, WhereExpression recorded)
    {
        if (condition.ToString() != recorded.ToString())
        {
            throw new ArgumentException($"--where \"{condition}\": these aggregates keep the bitmap of \"{recorded}\" only; ask for that, write rows, or rerun the sweep with --where \"{condition}\"");
        }

        var counts = new GridCounts(grid);
        var groups = counts.Inputs.Select((input, k) =>
            {
                var interest = counts.Interest(k);
                var cases = counts.Count(k);
                return new ConditionByInput(input.Name, false,
                    [.. Enumerable.Range(0, input.CodeCount).Select(c => new ConditionLevel(input.Low[c], input.Low[c], (double)interest[c] / cases[c], cases[c]))]);
            })
            .OrderByDescending(g => g.Swing).ThenBy(g => g.Input, StringComparer.Ordinal)
            .ToList();
        return new ConditionProbability(recorded, grid.Scenarios, grid.Holds, groups);
    }

    /// <summary>Ten groups of about equal counts, cut at the deciles (equal values stay in one group).</summary>
    private static ConditionByInput ByDecile(string name, double[] values, double[] indicator)
    {
        var sorted = values.Where(v => !double.IsNaN(v)).Order().ToArray();
        var cuts = Enumerable.Range(1, Deciles - 1).Select(d => sorted[(int)((long)d * sorted.Length / Deciles)]).Distinct().ToArray();
        var low = Enumerable.Repeat(double.PositiveInfinity, cuts.Length + 1).ToArray();
        var high = Enumerable.Repeat(double.NegativeInfinity, cuts.Length + 1).ToArray();
        var sum = new double[cuts.Length + 1];
        var count = new long[cuts.Length + 1];
        for (var i = 0; i < values.Length; i++)
        {
            if (double.IsNaN(values[i]))
            {
                continue;
            }

            var at = Array.BinarySearch(cuts, values[i]);
            var group = at >= 0 ? at + 1 : ~at;
            low[group] = Math.Min(low[group], values[i]);
            high[group] = Math.Max(high[group], values[i]);
            sum[group] += indicator[i];
            count[group]++;
        }

        return new ConditionByInput(name, true,
            [.. Enumerable.Range(0, cuts.Length + 1).Where(g => count[g] > 0).Select(g => new ConditionLevel(low[g], high[g], sum[g] / count[g], count[g]))]);
    }
}
