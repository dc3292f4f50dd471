namespace ComputeGap.IO.Reports;

/// <summary>How a <see cref="ThresholdRule"/> compares an outcome with its bound.</summary>
public enum ThresholdComparison
{
    /// <summary>The rule holds when the value is below the bound (<c>v &lt; bound</c>).</summary>
    Below,

    /// <summary>The rule holds when the value is at least the bound (<c>v ≥ bound</c>).</summary>
    AtLeast,
}

/// <summary>
/// One threshold probability a report shows, derived from the metadata contract: which outcome it
/// reads and the condition, so that rows and precomputed aggregates evaluate the same rules.
/// </summary>
/// <param name="Name">Stable machine name, e.g. <c>focus_share_below_5pct</c>.</param>
/// <param name="Description">Human text, e.g. <c>P(EU share &lt; 5 %)</c>.</param>
/// <param name="Column">The outcome column the rule reads.</param>
/// <param name="Comparison">How the value is compared with <paramref name="Bound"/>.</param>
/// <param name="Bound">The bound.</param>
public sealed record ThresholdRule(string Name, string Description, string Column, ThresholdComparison Comparison, double Bound)
{
    /// <summary>
    /// The least value a rule from below counts: −∞, but 0 for a month outcome, whose "never" (−1) is
    /// below no month.
    /// </summary>
    public double Floor => Comparison == ThresholdComparison.Below && OutcomeColumns.IsMonth(Column) ? 0 : double.NegativeInfinity;

    /// <summary>True when the rule holds for <paramref name="value"/>.</summary>
    public bool Holds(double value) => Comparison == ThresholdComparison.Below ? value >= Floor && value < Bound : value >= Bound;

    /// <summary>Counts the scenarios where the rule holds, over values that are not NaN.</summary>
    public ThresholdProbability Evaluate(ReadOnlySpan<double> values)
    {
        var (count, total) = Count(values);
        return new ThresholdProbability(Name, Description, count, total);
    }

    /// <summary><see cref="Evaluate"/> over a column array of any numeric type, read in blocks of doubles.</summary>
    public ThresholdProbability EvaluateColumn(Array values)
    {
        long count = 0, total = 0;
        Parquet.ColumnBlocks.ForEachInOrder(values, (_, block) =>
        {
            var (c, t) = Count(block);
            (count, total) = (count + c, total + t);
        });

        return new ThresholdProbability(Name, Description, count, total);
    }

    private (long Count, long Total) Count(ReadOnlySpan<double> values)
    {
        long count = 0, total = 0;
        foreach (var value in values)
        {
            if (double.IsNaN(value))
            {
                continue;
            }

            total++;
            if (Holds(value))
            {
                count++;
            }
        }

        return (count, total);
    }

    /// <summary>The rules whose columns exist, in report order.</summary>
    /// <param name="metadata">Names the focus, its demand share, the rivals and the sweep's own thresholds.</param>
    /// <param name="hasColumn">True for outcome columns that exist.</param>
    public static IReadOnlyList<ThresholdRule> For(SummaryMetadata metadata, Func<string, bool> hasColumn) =>
        For(metadata.Focus, metadata.FocusUsageShare, metadata.Rivals, metadata.Thresholds, hasColumn);

    /// <summary>
    /// The rules whose columns exist, in report order: the focus's, the rare earths' and the rivals',
    /// then those the sweep file asked for. A run counts the ones it can exactly (<c>RunThresholds</c>).
    /// </summary>
    /// <param name="focus">The focus region, or null.</param>
    /// <param name="focusUsageShare">The focus's share of demand, or null.</param>
    /// <param name="rivals">The rival pair, or empty.</param>
    /// <param name="chosen">The sweep file's thresholds.</param>
    /// <param name="hasColumn">True for outcome columns that exist.</param>
    public static IReadOnlyList<ThresholdRule> For(string? focus, double? focusUsageShare, IReadOnlyList<string> rivals,
        IReadOnlyList<ChosenThreshold> chosen, Func<string, bool> hasColumn)
    {
        var rules = new List<ThresholdRule>();
        if (focus is not null)
        {
            var share = OutcomeColumns.Share(focus);
            rules.Add(new("focus_share_below_5pct", $"P({focus} share < 5 %)", share, ThresholdComparison.Below, 0.05));
            rules.Add(new("focus_share_below_10pct", $"P({focus} share < 10 %)", share, ThresholdComparison.Below, 0.10));
            if (focusUsageShare is { } usage)
            {
                rules.Add(new("focus_share_below_demand_share",
                    $"P({focus} share < its {ReportNumbers.Percent(usage, 2)} of demand)", share, ThresholdComparison.Below, usage));
            }

            rules.Add(new("focus_coverage_below_50pct", $"P({focus} covers < 50 % of its own demand)",
                OutcomeColumns.FocusCoverage, ThresholdComparison.Below, 0.5));
            rules.Add(new("focus_target_reached", $"P({focus} reaches its target share)",
                OutcomeColumns.FocusTargetMonth, ThresholdComparison.AtLeast, 0));
        }

        rules.Add(new("ree_depleted", "P(rare-earth stock runs short)", OutcomeColumns.ReeDepletionMonth, ThresholdComparison.AtLeast, 0));
        var pair = rivals.Count == 2 ? $"{rivals[0]}/{rivals[1]}" : "rival";
        rules.Add(new("rival_ratio_below_1", $"P({pair} compute ratio < 1)", OutcomeColumns.RivalRatio, ThresholdComparison.Below, 1));
        rules.AddRange(chosen.Select(t => t.Rule));
        return [.. rules.Where(r => hasColumn(r.Column))];
    }
}
