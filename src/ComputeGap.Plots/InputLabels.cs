namespace ComputeGap.Plots;

/// <summary>Axis labels for a sweep's inputs: the column with its unit (from the baseline's sources) where one is known.</summary>
/// <param name="Units">Unit per input column, e.g. <c>capex_growth_EU</c> → <c>1/year</c>.</param>
public sealed record InputLabels(IReadOnlyDictionary<string, string> Units)
{
    /// <summary><c>leakage (fraction)</c>, or <c>x1 (axis value)</c> without a known unit.</summary>
    public string Label(string column) => $"{column} ({(Units.TryGetValue(column, out var unit) ? unit : "axis value")})";
}
