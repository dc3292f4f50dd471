namespace ComputeGap.IO.Discovery;

/// <summary>PRIM's settings, as EMA Workbench names them.</summary>
/// <param name="PeelAlpha">Share of a box's cases each peel removes from one end of one input (0 &lt; α &lt; 0.5).</param>
/// <param name="PasteAlpha">Share of the cases next to a box's face each paste adds back (0 &lt; α &lt; 0.5).</param>
/// <param name="MassMin">Peeling stops before a box would hold less than this share of all cases (0 &lt; m &lt; 1).</param>
public sealed record PrimOptions(double PeelAlpha = 0.05, double PasteAlpha = 0.05, double MassMin = 0.05)
{
    /// <summary>The first setting out of range, as "name value: rule", or null when all are valid.</summary>
    public string? Problem() =>
        !(PeelAlpha > 0 && PeelAlpha < 0.5) ? $"--peel-alpha {PeelAlpha}: must be above 0 and below 0.5"
        : !(PasteAlpha > 0 && PasteAlpha < 0.5) ? $"--paste-alpha {PasteAlpha}: must be above 0 and below 0.5"
        : !(MassMin > 0 && MassMin < 1) ? $"--mass-min {MassMin}: must be above 0 and below 1"
        : null;
}

/// <summary>One box on the peeling and pasting trajectory.</summary>
/// <param name="Index">Position on the trajectory (0: every case).</param>
/// <param name="Limits">The box.</param>
/// <param name="Cases">Cases inside.</param>
/// <param name="CasesOfInterest">Cases of interest inside.</param>
/// <param name="Coverage">Share of all cases of interest that are inside.</param>
/// <param name="Density">Share of the cases inside that are of interest.</param>
/// <param name="Mass">Share of all cases that are inside.</param>
/// <param name="Restricted">Inputs the box restricts.</param>
/// <param name="Pasted">True for a box of the pasting phase.</param>
public sealed record PrimBox(int Index, BoxLimits Limits, long Cases, long CasesOfInterest, double Coverage, double Density,
    double Mass, int Restricted, bool Pasted)
{
    /// <summary>
    /// Per restricted input (by index): the quasi-p value of its restriction, the one-sided binomial test of
    /// Bryant and Lempert (2010): the chance of at least this box's cases of interest among its cases if
    /// each were of interest with the density of the box without that restriction. Empty when not computed.
    /// </summary>
    public IReadOnlyDictionary<int, double> QuasiP { get; init; } = new Dictionary<int, double>();
}

/// <summary>The outcome of PRIM on one data set.</summary>
/// <param name="Inputs">The inputs searched (names, kinds, the values of their codes).</param>
/// <param name="Cases">Cases searched (rows, or a grid's scenarios).</param>
/// <param name="CasesOfInterest">Cases where the condition holds.</param>
/// <param name="Initial">The box around every case.</param>
/// <param name="Trajectory">Box 0 (every case), the peeled boxes, then the pasted ones.</param>
public sealed record PrimResult(IReadOnlyList<CodedInput> Inputs, long Cases, long CasesOfInterest, BoxLimits Initial, IReadOnlyList<PrimBox> Trajectory)
{
    /// <summary>The smallest coverage the default choice accepts.</summary>
    public const double ChoiceCoverage = 0.5;

    /// <summary>Standard errors of density within which the default choice counts boxes as equally dense (95 %, two-sided).</summary>
    public const double ChoiceZ = 1.96;

    /// <summary>
    /// The box a user would pick: among the boxes whose coverage is at least <see cref="ChoiceCoverage"/>,
    /// the densest, where densities within the 95 % confidence half-width 1.96 √(d(1 − d)/T) of the highest
    /// density d (T: that box's cases) count as equal, and of those the one with the most coverage, then the
    /// earliest (a rule in the spirit of CART's one-standard-error rule). Without the tolerance, the last
    /// peels' chance gains in density (PRIM takes the best of many noisy candidates, so the trajectory's
    /// densities are biased upwards) pick boxes that restrict inputs which do not matter.
    /// </summary>
    public int DefaultChoice
    {
        get
        {
            var eligible = Trajectory.Where(b => b.Coverage >= ChoiceCoverage).ToList();
            if (eligible.Count == 0)
            {
                return 0;
            }

            var densest = eligible.OrderByDescending(b => b.Density).ThenByDescending(b => b.Coverage).First();
            var tolerance = ChoiceZ * Math.Sqrt(densest.Density * (1 - densest.Density) / densest.Cases);
            return eligible.Where(b => b.Density >= densest.Density - tolerance)
                .OrderByDescending(b => b.Coverage).ThenBy(b => b.Index)
                .First().Index;
        }
    }

    /// <summary>Indices of the inputs box <paramref name="index"/> restricts.</summary>
    public IEnumerable<int> RestrictedInputs(int index) =>
        Enumerable.Range(0, Inputs.Count).Where(k => Trajectory[index].Limits.Restricts(k, Initial));
}
