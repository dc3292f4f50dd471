using ComputeGap.Core.Sampling;

namespace ComputeGap.Core.Designs;

/// <summary>
/// The tables of a sampled design, read through an interface so that kernels (device views) and the
/// CPU path (host arrays) run the same <see cref="DesignPoint"/> code.
/// </summary>
public interface IDesignTables : IUIntTable
{
    /// <summary>The parameter slot uncertain parameter <paramref name="k"/> sets.</summary>
    int Slot(int k);

    /// <summary>Its <see cref="DistributionKind"/>, as an int.</summary>
    int Distribution(int k);

    /// <summary>Its distribution's constant <paramref name="j"/> (0 … <see cref="DistributionTable.Width"/> − 1; see <see cref="DistributionTable"/>).</summary>
    float Constant(int k, int j);

    /// <summary>The shift of scrambled Sobol dimension <paramref name="dimension"/>.</summary>
    uint Shift(int dimension);

    /// <summary>Entry <paramref name="index"/> of the concatenated choice values.</summary>
    float ChoiceValue(int index);

    /// <summary>Entry <paramref name="index"/> of the concatenated cumulative choice weights (each list ends at 1).</summary>
    float ChoiceCumulative(int index);
}
