namespace ComputeGap.IO.Reports;

/// <summary>One of the scenarios a run kept for an extreme value of an outcome.</summary>
/// <param name="Scenario">Scenario index.</param>
/// <param name="Value">The outcome's value in it.</param>
/// <param name="Inputs">Its axis values by column, in axis order.</param>
public sealed record RankedScenario(long Scenario, double Value, IReadOnlyList<KeyValuePair<string, double>> Inputs);
