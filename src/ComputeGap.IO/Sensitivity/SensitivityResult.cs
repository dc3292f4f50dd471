namespace ComputeGap.IO.Sensitivity;

/// <summary>The sensitivity of every outcome to every uncertain parameter, for each lever combination.</summary>
/// <param name="Method"><c>sobol</c> or <c>morris</c>.</param>
/// <param name="Parameters">Uncertain parameter columns, in design order.</param>
/// <param name="Combinations">One entry per lever combination (one with no levers).</param>
public sealed record SensitivityResult(string Method, IReadOnlyList<string> Parameters, IReadOnlyList<LeverSensitivity> Combinations);

/// <summary>The indices under one lever combination.</summary>
/// <param name="Levers">Each lever column's value in this combination (empty with no levers).</param>
/// <param name="Sobol">Per outcome, when the method is sobol.</param>
/// <param name="Morris">Per outcome, when the method is morris.</param>
public sealed record LeverSensitivity(
    IReadOnlyDictionary<string, double> Levers,
    IReadOnlyDictionary<string, SobolIndices> Sobol,
    IReadOnlyDictionary<string, IReadOnlyList<MorrisIndex>> Morris);
