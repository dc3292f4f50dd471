namespace ComputeGap.Core.Designs;

/// <summary>How a sweep chooses its scenarios (see docs/designs.md).</summary>
public enum DesignKind
{
    /// <summary>A full-factorial grid of axis values (the default).</summary>
    Grid,

    /// <summary>Independent uniform draws from a counter-based generator (Philox4x32-10).</summary>
    MonteCarlo,

    /// <summary>A Latin hypercube: one point per stratum of each parameter, strata shuffled by an index-decodable permutation.</summary>
    Lhs,

    /// <summary>A scrambled Sobol sequence (Joe–Kuo direction numbers).</summary>
    Sobol,

    /// <summary>Saltelli's design for Sobol indices: A, AB_1 … AB_d, [BA_1 … BA_d,] B per base sample, in SALib's row order.</summary>
    Saltelli,

    /// <summary>Morris's elementary-effects trajectories on a p-level grid.</summary>
    Morris,
}

/// <summary>The distribution an uncertain parameter is drawn from.</summary>
public enum DistributionKind
{
    /// <summary>Uniform on [from, to].</summary>
    Uniform,

    /// <summary>Log-uniform on [from, to] (from &gt; 0).</summary>
    LogUniform,

    /// <summary>Triangular with min, mode, max.</summary>
    Triangular,

    /// <summary>Normal with mean and sd, truncated to [min, max] (either may be absent).</summary>
    Normal,

    /// <summary>One of a list of values, with weights.</summary>
    Choice,
}
