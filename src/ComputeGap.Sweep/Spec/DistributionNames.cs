using ComputeGap.Core.Designs;

namespace ComputeGap.Sweep.Spec;

/// <summary>The names of the distribution families, as sweep files and output metadata write them.</summary>
public static class DistributionNames
{
    private static readonly Dictionary<string, DistributionKind> Kinds = new(StringComparer.Ordinal)
    {
        ["uniform"] = DistributionKind.Uniform,
        ["log_uniform"] = DistributionKind.LogUniform,
        ["triangular"] = DistributionKind.Triangular,
        ["normal"] = DistributionKind.Normal,
        ["choice"] = DistributionKind.Choice,
    };

    /// <summary>The name of <paramref name="kind"/>.</summary>
    public static string Name(DistributionKind kind) => Kinds.First(k => k.Value == kind).Key;

    /// <summary>The family named <paramref name="name"/>, or null.</summary>
    public static DistributionKind? KindOf(string name) => Kinds.TryGetValue(name, out var kind) ? kind : null;

    /// <summary>The sampled design kind named <paramref name="name"/> (monte_carlo, lhs, sobol, saltelli, morris), or null.</summary>
    public static DesignKind? DesignKindOf(string name) => DesignReader.Kinds.TryGetValue(name, out var kind) ? kind : null;
}
