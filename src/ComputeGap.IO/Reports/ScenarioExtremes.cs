namespace ComputeGap.IO.Reports;

/// <summary>The top and bottom scenarios of one outcome, as the run kept them.</summary>
/// <param name="Outcome">The outcome ranked (the focus share in aggregates).</param>
/// <param name="Top">Highest values first.</param>
/// <param name="Bottom">Lowest values first.</param>
public sealed record ScenarioExtremes(string Outcome, IReadOnlyList<RankedScenario> Top, IReadOnlyList<RankedScenario> Bottom);
