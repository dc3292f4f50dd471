namespace ComputeGap.Sweep.Spec;

/// <summary>
/// Loads a baseline calibration (data/baseline.json format): regions, focus, rivals, horizon and
/// every parameter of model v1 with its source and note. Every rule broken is reported as a
/// <see cref="SpecException"/>; no other exception leaves these methods.
/// </summary>
public static class BaselineLoader
{
    /// <summary>Logical name of the embedded copy of data/baseline.json.</summary>
    public const string ResourceName = "ComputeGap.baseline.json";

    private static readonly Lazy<Baseline> BuiltIn =
        new(() => Parse(SpecFiles.ReadResource(ResourceName), SpecFiles.BuiltIn));

    /// <summary>The baseline built into this assembly (data/baseline.json at build time), source name "built-in".</summary>
    public static Baseline LoadBuiltIn() => BuiltIn.Value;

    /// <summary>Reads and validates the baseline file at <paramref name="path"/>.</summary>
    /// <exception cref="SpecException">The file is missing, unreadable or breaks a rule.</exception>
    public static Baseline Load(string path) => SpecGuard.Run(path, () => Parse(SpecFiles.Read(path), path));

    /// <summary>Validates baseline text. <paramref name="sourceName"/> names the file in messages.</summary>
    /// <remarks><see cref="Baseline.Hash"/> is the SHA-256 of <paramref name="text"/> encoded as UTF-8.</remarks>
    /// <exception cref="SpecException">The text breaks a rule.</exception>
    public static Baseline Parse(string text, string sourceName) =>
        SpecGuard.Run(sourceName, () => BaselineReader.Read(text, sourceName));
}
