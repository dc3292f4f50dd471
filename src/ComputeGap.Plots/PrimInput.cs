namespace ComputeGap.Plots;

/// <summary>One input of scenario discovery with its full range, against which a box's limits are drawn.</summary>
/// <param name="Name">The input column.</param>
/// <param name="Min">Its smallest value (NaN for a categorical input or when discover did not say).</param>
/// <param name="Max">Its largest value (NaN likewise).</param>
/// <param name="Categories">Every category of a categorical input, in code order; empty for an ordered input.</param>
public sealed record PrimInput(string Name, double Min, double Max, IReadOnlyList<string> Categories)
{
    /// <summary>True for an input of categories.</summary>
    public bool Categorical => Categories.Count > 0;
}
