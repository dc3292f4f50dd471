using ComputeGap.Core.Models;

namespace ComputeGap.Sweep.Spec;

/// <summary>
/// Loads a baseline calibration (data/baseline.json format): regions, focus, rivals, horizon and
/// every parameter of its model with its source and note. Every rule broken is reported as a
/// <see cref="SpecException"/>; no other exception leaves these methods.
/// </summary>
public static class BaselineLoader
{
    private static readonly Dictionary<ModelDescriptor, Lazy<Baseline>> BuiltIn = ModelCatalog.All.ToDictionary(
        m => m, m => new Lazy<Baseline>(() => Parse(SpecFiles.ReadResource(m.BaselineResource), SpecFiles.BuiltIn)));

    /// <summary>The default model's baseline built into this assembly, source name "built-in".</summary>
    public static Baseline LoadBuiltIn() => LoadBuiltIn(ModelCatalog.Default);

    /// <summary>
    /// <paramref name="model"/>'s baseline built into this assembly (data/baseline.json for v1,
    /// data/baseline-v2.json for v2, at build time), source name "built-in".
    /// </summary>
    public static Baseline LoadBuiltIn(ModelDescriptor model) => BuiltIn[model].Value;

    /// <summary>Reads and validates the baseline file at <paramref name="path"/>.</summary>
    /// <exception cref="SpecException">The file is missing, unreadable or breaks a rule.</exception>
    public static Baseline Load(string path) => SpecGuard.Run(path, () => Parse(SpecFiles.Read(path), path));

    /// <summary>Validates baseline text. <paramref name="sourceName"/> names the file in messages.</summary>
    /// <remarks><see cref="Baseline.Hash"/> is the SHA-256 of <paramref name="text"/> encoded as UTF-8.</remarks>
    /// <exception cref="SpecException">The text breaks a rule.</exception>
    public static Baseline Parse(string text, string sourceName) =>
        SpecGuard.Run(sourceName, () => BaselineReader.Read(text, sourceName));
}
