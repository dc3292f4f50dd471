namespace ComputeGap.IO.Discovery;

/// <summary>
/// PRIM, the patient rule induction method of Friedman and Fisher (1999) as scenario discovery uses it
/// (Bryant and Lempert 2010; EMA Workbench's <c>prim.py</c> for the details, reimplemented here):
/// peel the α-quantile off either end of one ordered input, or drop one category of a categorical input,
/// taking the peel that most raises the box's share of cases of interest per case removed; stop before the
/// box's mass falls below the minimum; then paste back while that share rises.
/// </summary>
/// <remarks>
/// Ties: a quantile never splits equal values (a lower peel removes every case at or below the
/// α-quantile's value, an upper peel every case at or above the (1 − α)-quantile's, as EMA Workbench's
/// <c>get_quantile</c> does), so integer and grid inputs lose whole values; candidates with equal objective
/// go to the one that restricts fewer inputs, then to the first in input order (upper before lower).
/// Limits land on values present in the box. Work: the per-input counts of the box are kept as histograms
/// over codes and only the cases a peel removes are subtracted, so peeling costs one pass over the
/// inputs plus a pass over the shrinking member list per peel.
/// </remarks>
public static class Prim
{
    /// <summary>Runs PRIM on <paramref name="data"/>.</summary>
    /// <param name="data">Coded inputs and the cases of interest.</param>
    /// <param name="options">α for peeling and pasting, and the minimum mass.</param>
    /// <param name="quasiP">Also test every restriction of every box (<see cref="PrimBox.QuasiP"/>).</param>
    /// <exception cref="ArgumentException">The options are out of range, or no case (or every case) is of interest.</exception>
    public static PrimResult Run(PrimData data, PrimOptions options, bool quasiP = true)
    {
        Check(options, data.Cases, data.CasesOfInterest);
        return Search(new RowCounts(data), options, quasiP);
    }

    /// <summary>
    /// Runs PRIM on a grid's condition bitmap: the boxes are sub-grids, counted from the bits, and the
    /// trajectory is the one the grid's rows would give (the same search over the same counts).
    /// </summary>
    /// <exception cref="ArgumentException">The options are out of range, or the condition held in no scenario or in every one.</exception>
    public static PrimResult Run(GridBitmap grid, PrimOptions options, bool quasiP = true)
    {
        Check(options, grid.Scenarios, grid.Holds);
        return Search(new GridCounts(grid), options, quasiP);
    }

    /// <summary>Refuses options out of range, and data with nothing to tell apart, before any counting.</summary>
    private static void Check(PrimOptions options, long cases, long ofInterest)
    {
        if (options.Problem() is { } problem)
        {
            throw new ArgumentException(problem, nameof(options));
        }

        if (ofInterest == 0 || ofInterest == cases)
        {
            throw new ArgumentException($"the condition holds in {(ofInterest == 0 ? "no case" : "every case")} of {cases:N0}, so there is nothing to tell apart", nameof(cases));
        }
    }

    /// <summary>Runs PRIM on any counts: peeling, pasting, then the quasi-p values.</summary>
    internal static PrimResult Search(IPrimCounts counts, PrimOptions options, bool quasiP)
    {
        var search = new PrimSearch(counts, options);
        search.Peel();
        var peeled = search.Trajectory.Count;
        search.Paste();
        var trajectory = search.Trajectory;
        if (quasiP)
        {
            counts.AddQuasiP(trajectory, peeled);
        }

        return new PrimResult(counts.Inputs, counts.Cases, counts.CasesOfInterest, search.Initial, [.. trajectory]);
    }
}
