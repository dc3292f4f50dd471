namespace ComputeGap.Sweep.Spec;

/// <summary>One axis of a full-factorial sweep, with its values spelt out (the grid is not).</summary>
/// <param name="Param">The parameter as written in the sweep file, e.g. <c>dc_growth[EU]</c>.</param>
/// <param name="Column">Its Parquet column name, e.g. <c>dc_growth_EU</c>.</param>
/// <param name="Slot">The parameter slot it overrides (in its model's slot layout).</param>
/// <param name="Values">The values, in file order; ranges already expanded.</param>
public sealed record SweepAxis(string Param, string Column, int Slot, IReadOnlyList<double> Values)
{
    /// <summary>
    /// Value <paramref name="index"/> as the sweep file writes it, for the row files' axis columns: a listed
    /// value or a range's end is the double parsed from the file (0.26, not the float32 0.25999999046325684 the
    /// model computes with); a range's inner value, which the file does not write, is the shortest decimal of
    /// that float32 (0.3, not 0.30000000000000004). Either way the value narrows to the model's float32.
    /// </summary>
    public double Written(int index) => AxisValues.Written(Values, index);
}
