using ComputeGap.IO.Statistics;

namespace ComputeGap.IO.Reports;

/// <summary>
/// The focus region's position against its own demand in one line, e.g. "EU: 20 % of demand; share in
/// 2030 p50 2.6 % (p5 1.9 %, p95 3.4 %); coverage of own demand p50 41 %; cloud dependency p50 12 %".
/// </summary>
/// <param name="Focus">Focus region.</param>
/// <param name="UsageShare">Its share of global demand, if known.</param>
/// <param name="Year">Calendar year of the final month, if known.</param>
/// <param name="ShareP5">5th percentile of its final share.</param>
/// <param name="ShareP50">Median final share.</param>
/// <param name="ShareP95">95th percentile of its final share.</param>
/// <param name="CoverageP50">Median coverage of its own demand, if the outcome exists.</param>
/// <param name="CloudDependencyP50">Median cloud dependency, if the outcome exists.</param>
public sealed record Headline(
    string Focus,
    double? UsageShare,
    int? Year,
    double ShareP5,
    double ShareP50,
    double ShareP95,
    double? CoverageP50,
    double? CloudDependencyP50)
{
    /// <summary>Median installed compute of the focus region at the end, H100e (model v2).</summary>
    public double? InstalledP50 { get; init; }

    /// <summary>Median coverage of its demand by its own and cloud compute (model v2).</summary>
    public double? AccessibleCoverageP50 { get; init; }

    /// <summary>Median price of a H100e in the last month, $ (model v2).</summary>
    public double? PriceP50 { get; init; }

    /// <summary>The headline as one line of text.</summary>
    public string Text
    {
        get
        {
            var parts = new List<string>();
            if (UsageShare is { } usage)
            {
                parts.Add($"{ReportNumbers.Percent(usage, 2)} of demand");
            }

            var when = Year is { } year ? $"in {year}" : "at the final month";
            parts.Add($"share {when} p50 {ReportNumbers.Percent(ShareP50, 2)} (p5 {ReportNumbers.Percent(ShareP5, 2)}, p95 {ReportNumbers.Percent(ShareP95, 2)})");
            if (InstalledP50 is { } installed)
            {
                parts.Add($"installed p50 {ReportNumbers.Number(installed)} H100e");
            }

            if (CoverageP50 is { } coverage)
            {
                parts.Add($"coverage of own demand p50 {ReportNumbers.Percent(coverage, 2)}");
            }

            if (AccessibleCoverageP50 is { } accessible)
            {
                parts.Add($"with cloud p50 {ReportNumbers.Percent(accessible, 2)}");
            }

            if (CloudDependencyP50 is { } cloud)
            {
                parts.Add($"cloud dependency p50 {ReportNumbers.Percent(cloud, 2)}");
            }

            if (PriceP50 is { } price)
            {
                parts.Add($"price p50 ${ReportNumbers.Number(price)}/H100e");
            }

            return $"{Focus}: {string.Join("; ", parts)}";
        }
    }

    /// <summary>The headline of <paramref name="data"/>, or null without a focus region or its share statistics.</summary>
    public static Headline? From(SummaryData data)
    {
        var focus = data.Metadata.Focus;
        if (focus is null || data.FindOutcome(OutcomeColumns.Share(focus)) is not { } share)
        {
            return null;
        }

        return new Headline(focus, data.Metadata.FocusUsageShare, data.Metadata.FinalYear,
            share.P5, share.P50, share.P95,
            data.FindOutcome(OutcomeColumns.FocusCoverage)?.P50,
            data.FindOutcome(OutcomeColumns.FocusCloudDependency)?.P50)
        {
            InstalledP50 = data.FindOutcome("installed_" + focus)?.P50,
            AccessibleCoverageP50 = data.FindOutcome("focus_accessible_coverage")?.P50,
            PriceP50 = data.FindOutcome("price_final")?.P50,
        };
    }
}
