namespace ComputeGap.IO.Statistics;

/// <summary>
/// A fan chart: one series column of one region (or of the world) in each month of the horizon, as
/// quantiles over the scenarios (from the fan sketch: within 1 %).
/// </summary>
/// <param name="Column">The series column: <c>share</c>, <c>installed</c>, <c>price</c>.</param>
/// <param name="Region">The region, or null for a world column (the price).</param>
/// <param name="Kind">The column's kind as metadata names it (<c>fraction</c>, <c>h100e</c>, <c>usd</c>), which sets its unit.</param>
/// <param name="Months">One entry per month, month 0 first (the run's start month).</param>
public sealed record SeriesFan(string Column, string? Region, string Kind, IReadOnlyList<FanQuantiles> Months)
{
    /// <summary>The fan's name, as outcome columns are named: <c>share_EU</c>, <c>installed_EU</c>, <c>price</c>.</summary>
    public string Name => Region is null ? Column : $"{Column}_{Region}";
}
