using ComputeGap.Core.Sampling;

namespace ComputeGap.Core.Designs;

/// <summary>One uncertain parameter of a sampled design.</summary>
/// <param name="Slot">The parameter slot it sets.</param>
/// <param name="Distribution">What it is drawn from.</param>
public sealed record UncertainParam(int Slot, Distribution Distribution);

/// <summary>
/// A sampled design on the host: its header and the tables every backend copies (Sobol directions
/// and shifts, distribution constants, choice lists). Evaluation e's values follow from (seed, e)
/// by <see cref="DesignPoint"/>; nothing per evaluation is stored.
/// </summary>
public sealed class SampledDesign
{
    /// <param name="kind">Any kind but <see cref="DesignKind.Grid"/>.</param>
    /// <param name="samples">N base samples, or r trajectories for Morris.</param>
    /// <param name="seed">Keys every draw.</param>
    /// <param name="secondOrder">Saltelli: add the BA rows.</param>
    /// <param name="levels">Morris: grid levels p (even).</param>
    /// <param name="uncertain">The uncertain parameters, in file order.</param>
    public SampledDesign(DesignKind kind, long samples, uint seed, bool secondOrder, int levels, IReadOnlyList<UncertainParam> uncertain)
    {
        if (kind == DesignKind.Grid || uncertain.Count == 0)
        {
            throw new ArgumentException("a sampled design needs a sampled kind and at least one uncertain parameter");
        }

        Kind = kind;
        Uncertain = uncertain;
        var d = uncertain.Count;
        var group = GroupOf(kind, d, secondOrder);
        Header = new DesignHeader
        {
            Kind = (int)kind,
            Dimensions = d,
            Samples = samples,
            Evaluations = checked(samples * group),
            Group = group,
            SecondOrder = secondOrder ? 1 : 0,
            Levels = levels,
            Seed = seed,
        };

        var sobolDimensions = kind switch
        {
            DesignKind.Sobol => d,
            DesignKind.Saltelli => 2 * d,
            _ => 0,
        };
        (Directions, Shifts) = sobolDimensions > 0 ? SobolDirections.Scrambled(sobolDimensions, seed) : ([0u], [0u]);
        Slots = [.. uncertain.Select(u => u.Slot)];
        Kinds = [.. uncertain.Select(u => (int)u.Distribution.Kind)];
        var constants = new List<float>();
        var values = new List<float>();
        var cumulative = new List<float>();
        foreach (var u in uncertain)
        {
            constants.AddRange(u.Distribution.Constants(values.Count));
            values.AddRange(u.Distribution.Values.Select(v => (float)v));
            cumulative.AddRange(u.Distribution.Kind == DistributionKind.Choice ? u.Distribution.CumulativeWeights() : []);
        }

        Constants = [.. constants];
        ChoiceValues = values.Count > 0 ? [.. values] : [0f];
        ChoiceCumulative = cumulative.Count > 0 ? [.. cumulative] : [1f];
    }

    public DesignKind Kind { get; }

    /// <summary>True for the designs whose sensitivity the tool estimates: Saltelli (Sobol indices) and Morris.</summary>
    public bool HasSensitivity => Kind is DesignKind.Saltelli or DesignKind.Morris;

    /// <summary>Evaluations per base sample of <paramref name="kind"/> over <paramref name="dimensions"/> parameters: d + 2 or 2d + 2 (Saltelli), d + 1 (Morris), else 1.</summary>
    public static int GroupOf(DesignKind kind, int dimensions, bool secondOrder) => kind switch
    {
        DesignKind.Saltelli => secondOrder ? (2 * dimensions) + 2 : dimensions + 2,
        DesignKind.Morris => dimensions + 1,
        _ => 1,
    };

    public DesignHeader Header { get; }

    public IReadOnlyList<UncertainParam> Uncertain { get; }

    /// <summary>Evaluations of one ensemble (see <see cref="DesignHeader.Evaluations"/>).</summary>
    public long Evaluations => Header.Evaluations;

    /// <summary>Scrambled Sobol direction numbers, 32 per dimension (one placeholder entry when unused).</summary>
    public uint[] Directions { get; }

    /// <summary>Digital shifts, one per Sobol dimension.</summary>
    public uint[] Shifts { get; }

    public int[] Slots { get; }

    public int[] Kinds { get; }

    /// <summary><see cref="DistributionTable.Width"/> constants per parameter.</summary>
    public float[] Constants { get; }

    public float[] ChoiceValues { get; }

    public float[] ChoiceCumulative { get; }

    /// <summary>The tables as a struct the decoder reads.</summary>
    public HostDesignTables Tables => new(this);

    /// <summary>Evaluation <paramref name="e"/>'s coordinate <paramref name="k"/> in the unit cube (before the distribution).</summary>
    public float Unit(long e, int k)
    {
        var header = Header;
        return DesignPoint.Unit(header, Tables, e, k);
    }

    /// <summary>The value of uncertain parameter <paramref name="k"/> in evaluation <paramref name="e"/> (the same function the kernels call).</summary>
    public float Value(long e, int k)
    {
        var header = Header;
        return DesignPoint.Value(header, Tables, e, k);
    }
}

/// <summary>A <see cref="SampledDesign"/>'s tables as host arrays.</summary>
public readonly struct HostDesignTables(SampledDesign design) : IDesignTables
{
    public uint this[int index] => design.Directions[index];

    public int Slot(int k) => design.Slots[k];

    public int Distribution(int k) => design.Kinds[k];

    public float Constant(int k, int j) => design.Constants[(k * DistributionTable.Width) + j];

    public uint Shift(int dimension) => design.Shifts[dimension];

    public float ChoiceValue(int index) => design.ChoiceValues[index];

    public float ChoiceCumulative(int index) => design.ChoiceCumulative[index];
}
