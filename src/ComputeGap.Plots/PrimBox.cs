namespace ComputeGap.Plots;

/// <summary>One box of PRIM's peeling and pasting trajectory.</summary>
/// <param name="Index">Its number in the trajectory (box 0 holds every case).</param>
/// <param name="Coverage">Share of the cases of interest inside the box (0 to 1).</param>
/// <param name="Density">Share of the box's cases that are of interest (0 to 1).</param>
/// <param name="Mass">Share of all cases inside the box (0 to 1).</param>
/// <param name="Restricted">Inputs the box restricts.</param>
/// <param name="Pasted">Made by pasting rather than peeling.</param>
public sealed record PrimBox(int Index, double Coverage, double Density, double Mass, int Restricted, bool Pasted)
{
    /// <summary>What the box keeps of each input it restricts (empty when discover's output did not say).</summary>
    public IReadOnlyList<PrimLimit> Limits { get; init; } = [];
}
