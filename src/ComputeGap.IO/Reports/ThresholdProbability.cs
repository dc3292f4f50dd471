namespace ComputeGap.IO.Reports;

/// <summary>Share of scenarios in which a condition holds, e.g. P(focus share &lt; 5 %).</summary>
/// <param name="Name">Stable machine name, e.g. <c>focus_share_below_5pct</c>.</param>
/// <param name="Description">Human text, e.g. <c>P(EU share &lt; 5 %)</c>.</param>
/// <param name="Count">Scenarios where the condition holds.</param>
/// <param name="Total">Scenarios where it could be judged (the outcome is not NaN).</param>
public sealed record ThresholdProbability(string Name, string Description, long Count, long Total)
{
    /// <summary><see cref="Count"/> / <see cref="Total"/>, NaN when no scenario could be judged.</summary>
    public double Probability => Total == 0 ? double.NaN : (double)Count / Total;
}
