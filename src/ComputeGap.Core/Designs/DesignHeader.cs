namespace ComputeGap.Core.Designs;

/// <summary>
/// The scalar part of a sampled design, as kernels take it (a struct of plain fields). With
/// <see cref="Dimensions"/> 0 the sweep is a grid and nothing is sampled.
/// </summary>
public struct DesignHeader
{
    /// <summary>The design's kind, as an int (<see cref="DesignKind"/>).</summary>
    public int Kind;

    /// <summary>Uncertain parameters (d); 0 for a grid.</summary>
    public int Dimensions;

    /// <summary>Base samples N (monte_carlo, lhs, sobol, saltelli) or trajectories r (morris).</summary>
    public long Samples;

    /// <summary>Evaluations of one ensemble: N, N(d+2), N(2d+2) or r(d+1). Scenario s is evaluation s mod this of its lever combination.</summary>
    public long Evaluations;

    /// <summary>Evaluations per base sample: 1, d+2, 2d+2 or d+1.</summary>
    public int Group;

    /// <summary>1 when a Saltelli design also has the BA rows for second-order indices.</summary>
    public int SecondOrder;

    /// <summary>Grid levels p of a Morris design.</summary>
    public int Levels;

    /// <summary>The design's seed (keys every random draw).</summary>
    public uint Seed;
}
