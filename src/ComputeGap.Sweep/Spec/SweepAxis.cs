namespace ComputeGap.Sweep.Spec;

/// <summary>One axis of a full-factorial sweep, with its values spelt out (the grid is not).</summary>
/// <param name="Param">The parameter as written in the sweep file, e.g. <c>dc_growth[EU]</c>.</param>
/// <param name="Column">Its Parquet column name, e.g. <c>dc_growth_EU</c>.</param>
/// <param name="Slot">The parameter slot it overrides (in its model's slot layout).</param>
/// <param name="Values">The values, in file order; ranges already expanded.</param>
public sealed record SweepAxis(string Param, string Column, int Slot, IReadOnlyList<double> Values);
