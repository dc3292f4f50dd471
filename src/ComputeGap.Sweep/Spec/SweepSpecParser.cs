namespace ComputeGap.Sweep.Spec;

/// <summary>
/// Reads sweep files: a full-factorial grid of axes over the model's parameters, with fixed
/// overrides in <c>set</c>. Every rule broken is reported as a <see cref="SpecException"/> whose
/// message is one line, <c>FILE: $.json.path: rule</c>; no other exception leaves these methods.
/// </summary>
/// <remarks>
/// File form (every key but <c>axes</c> optional; unknown keys are errors; a sampled design replaces
/// <c>axes</c> by <c>design</c>, <c>uncertain</c> and optional <c>levers</c>, see docs/designs.md):
/// <code>
/// { "name": "eu-ree-shock", "description": "...", "horizon_months": 72, "focus": "EU", "rivals": ["US","CN"],
///   "baseline": "relative/to/this/file.json",
///   "set": { "leakage": 0.1, "dc_growth[EU]": 0.6 },
///   "axes": [ { "param": "ree_export_quota", "values": [0, 0.26, 1] },
///             { "param": "dc_growth[EU]", "range": { "from": 0.3, "to": 1.2, "count": 10 } },
///             { "param": "supply0", "log_range": { "from": 3e5, "to": 1e6, "count": 5 } } ] }
/// </code>
/// </remarks>
public static class SweepSpecParser
{
    /// <summary>Logical name of the embedded copy of data/sweeps/default.json.</summary>
    public const string DefaultResourceName = "ComputeGap.default-sweep.json";

    /// <summary>Most scenarios one sweep may hold: 2^62.</summary>
    public const long MaxScenarios = GridRules.MaxScenarios;

    /// <summary>Most values one axis may hold: 10^9.</summary>
    public const int MaxAxisValues = GridRules.MaxAxisValues;

    /// <summary>The sweep <see cref="ForBaseline"/> parses: no axes, one scenario.</summary>
    private const string BaselineOnlyText = "{ \"name\": \"baseline\", \"axes\": [] }\n";

    /// <summary>Validates sweep text. <paramref name="sourceName"/> names the file in messages and
    /// anchors a relative <c>baseline</c> path.</summary>
    /// <param name="text">The sweep file's text.</param>
    /// <param name="sourceName">The file's path, or "built-in".</param>
    /// <param name="baseline">The baseline to resolve against; when null, the file's <c>baseline</c>
    /// key, else the built-in baseline.</param>
    /// <exception cref="SpecException">The text, or the baseline file it names, breaks a rule.</exception>
    public static SweepSpec Parse(string text, string sourceName, Baseline? baseline = null) =>
        SpecGuard.Run(sourceName, () => SweepReader.Read(text, sourceName, baseline));

    /// <summary>Reads and validates the sweep file at <paramref name="path"/>.</summary>
    /// <exception cref="SpecException">The file is missing, unreadable or breaks a rule.</exception>
    public static SweepSpec Load(string path) => SpecGuard.Run(path, () => Parse(SpecFiles.Read(path), path));

    /// <summary>The sweep built into this assembly (data/sweeps/default.json at build time) on the built-in baseline.</summary>
    public static SweepSpec BuiltInDefault() => Parse(SpecFiles.ReadResource(DefaultResourceName), SpecFiles.BuiltIn);

    /// <summary>" (did you mean X?)" for the closest of <paramref name="candidates"/> when it is a likely typo of <paramref name="name"/>, else empty (the rule sweep-file errors use).</summary>
    public static string Suggest(string name, IEnumerable<string> candidates) => SpecErrors.Suggest(name, candidates);

    /// <summary>The name sweep files give a design kind (<c>grid</c>, <c>lhs</c>, <c>saltelli</c>, …).</summary>
    public static string DesignKindName(Core.Designs.DesignKind kind) => DesignReader.Name(kind);

    /// <summary>One scenario: <paramref name="baseline"/> as it is, with its horizon, focus and rivals.</summary>
    public static SweepSpec ForBaseline(Baseline baseline) => Parse(BaselineOnlyText, SpecFiles.BuiltIn, baseline);
}
