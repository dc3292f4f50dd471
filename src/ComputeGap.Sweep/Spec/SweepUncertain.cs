using ComputeGap.Core.Designs;

namespace ComputeGap.Sweep.Spec;

/// <summary>One uncertain parameter of a sampled design.</summary>
/// <param name="Param">The parameter as written in the sweep file, e.g. <c>capex0[EU]</c>.</param>
/// <param name="Column">Its Parquet column name, e.g. <c>capex0_EU</c>.</param>
/// <param name="Slot">The parameter slot it sets.</param>
/// <param name="Distribution">What it is drawn from.</param>
public sealed record SweepUncertain(string Param, string Column, int Slot, Distribution Distribution);
