namespace ComputeGap.IO.Discovery;

/// <summary>
/// What PRIM needs to know about the cases, whatever holds them: per input and code, how many cases of
/// the current box take that code and how many of them are of interest; the same for the cases just
/// outside the box on one input (pasting); and the densities of boxes without one restriction (quasi-p).
/// Rows (<see cref="RowCounts"/>) keep histograms and subtract the cases a peel removes; a grid read from
/// its condition bitmap (<see cref="GridCounts"/>) counts sub-grids. The search itself
/// (<see cref="PrimSearch"/>) is one piece of code over either, so both give the same boxes.
/// </summary>
internal interface IPrimCounts
{
    /// <summary>The inputs: names, kinds and the values of their codes.</summary>
    IReadOnlyList<CodedInput> Inputs { get; }

    /// <summary>All cases.</summary>
    long Cases { get; }

    /// <summary>All cases of interest.</summary>
    long CasesOfInterest { get; }

    /// <summary>The box around every case.</summary>
    BoxLimits Initial { get; }

    /// <summary>Cases of the current box per code of input <paramref name="k"/>.</summary>
    long[] Count(int k);

    /// <summary>Cases of interest of the current box per code of input <paramref name="k"/>.</summary>
    long[] Interest(int k);

    /// <summary>Makes <paramref name="box"/> (the current box with input <paramref name="k"/> narrowed, box <paramref name="index"/> of the trajectory) the current box.</summary>
    void Shrink(BoxLimits box, int k, int index);

    /// <summary>Per restricted input, per code: the cases (and cases of interest) outside <paramref name="box"/> on that input alone.</summary>
    (long[]?[] Count, long[]?[] Interest) PasteCandidates(BoxLimits box, int[] restricted);

    /// <summary>Fills <see cref="PrimBox.QuasiP"/> for every box with a restriction (<paramref name="peeled"/>: boxes 0 to peeled − 1 come from peeling).</summary>
    void AddQuasiP(List<PrimBox> trajectory, int peeled);
}
