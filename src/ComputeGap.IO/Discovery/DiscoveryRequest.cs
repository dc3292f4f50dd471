namespace ComputeGap.IO.Discovery;

/// <summary>What <c>computegap discover</c> asks.</summary>
/// <param name="Where">The condition that marks the cases of interest, as written.</param>
/// <param name="Inputs">The inputs to search, or null for the default (a run's axes and uncertain parameters; for other tables every numeric column the condition does not read).</param>
/// <param name="Options">PRIM's α and minimum mass.</param>
/// <param name="Box">The box to report, or null for <see cref="PrimResult.DefaultChoice"/>.</param>
/// <param name="Resamples">Bootstrap resamples for the stability of each restriction (0: none).</param>
/// <param name="Seed">Seed of the resampling generator.</param>
public sealed record DiscoveryRequest(string Where, IReadOnlyList<string>? Inputs, PrimOptions Options, int? Box = null,
    int Resamples = 20, int Seed = 1);

/// <summary>What scenario discovery found.</summary>
/// <param name="Condition">The parsed condition.</param>
/// <param name="Prim">The trajectory.</param>
/// <param name="Chosen">The reported box.</param>
/// <param name="Stability">How often resamples restrict each input.</param>
/// <param name="Separation">Regional sensitivity, ranked.</param>
/// <param name="LeftOut">Default inputs left out because they are constant.</param>
/// <param name="Metadata">The source's key-value metadata.</param>
public sealed record DiscoveryResult(WhereExpression Condition, PrimResult Prim, int Chosen, PrimStability Stability,
    IReadOnlyList<InputSeparation> Separation, IReadOnlyList<string> LeftOut, IReadOnlyDictionary<string, string> Metadata)
{
    /// <summary>The source as the report names it.</summary>
    public string Source { get; init; } = string.Empty;

    /// <summary>What verification of the source found, as one line (null when not asked).</summary>
    public string? Verification { get; init; }

    /// <summary>The options PRIM ran with.</summary>
    public PrimOptions Options { get; init; } = new();
}
