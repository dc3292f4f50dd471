namespace ComputeGap.IO.Reports;

/// <summary>The threshold probabilities a report shows, derived from the metadata contract.</summary>
internal sealed record ThresholdRules(string Name, string Description, string Column, Func<double, bool> Holds)
{
    /// <summary>Counts the scenarios where the rule holds, over values that are not NaN.</summary>
    public ThresholdProbability Evaluate(ReadOnlySpan<double> values)
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

        return new ThresholdProbability(Name, Description, count, total);
    }

    /// <summary>The rules whose columns exist, in report order.</summary>
    public static IEnumerable<ThresholdRules> For(SummaryMetadata metadata, Func<string, bool> hasColumn)
    {
        var rules = new List<ThresholdRules>();
        if (metadata.Focus is { } focus)
        {
            var share = OutcomeColumns.Share(focus);
            rules.Add(new("focus_share_below_5pct", $"P({focus} share < 5 %)", share, v => v < 0.05));
            rules.Add(new("focus_share_below_10pct", $"P({focus} share < 10 %)", share, v => v < 0.10));
            if (metadata.FocusUsageShare is { } usage)
            {
                rules.Add(new("focus_share_below_demand_share",
                    $"P({focus} share < its {ReportNumbers.Percent(usage, 2)} of demand)", share, v => v < usage));
            }

            rules.Add(new("focus_coverage_below_50pct", $"P({focus} covers < 50 % of its own demand)",
                OutcomeColumns.FocusCoverage, v => v < 0.5));
            rules.Add(new("focus_target_reached", $"P({focus} reaches its target share)",
                OutcomeColumns.FocusTargetMonth, v => v >= 0));
        }

        rules.Add(new("ree_depleted", "P(rare-earth stock runs short)", OutcomeColumns.ReeDepletionMonth, v => v >= 0));
        var rivals = metadata.Rivals.Count == 2 ? $"{metadata.Rivals[0]}/{metadata.Rivals[1]}" : "rival";
        rules.Add(new("rival_ratio_below_1", $"P({rivals} compute ratio < 1)", OutcomeColumns.RivalRatio, v => v < 1));
        return rules.Where(r => hasColumn(r.Column));
    }
}
