using System.Runtime.Intrinsics;
using ComputeGap.Core.Designs;

namespace ComputeGap.Core.Reduction;

/// <summary>
/// How a chunk of a Saltelli or Morris design is reduced to sensitivity records, as kernels take it (plain
/// fields): the chunk is whole units of <see cref="UnitSamples"/> base samples (or trajectories) of
/// <see cref="DesignHeader.Group"/> rows, and each unit gives one record of <see cref="Slots"/> doubles per
/// outcome column (<see cref="SaltelliSums"/> or <see cref="ElementaryEffects"/>), unit after unit,
/// column after column: unit u's record of column c at <c>(u · Outcomes + c) · Slots</c>.
/// </summary>
/// <remarks>
/// A record depends only on its unit's rows, so chunk sizes, threads, devices and shards give the
/// same records. Two drivers run the statistics: <see cref="Fill"/>, one record entry from the scalar
/// form (a GPU thread's work; an entry is a slot of a Saltelli record, or a parameter's four slots of a
/// Morris record), and <see cref="FillLanes"/>, the whole records of four units from the vector form (the CPU's).
/// </remarks>
public struct SensitivityUnits
{
    /// <summary>The design (Saltelli or Morris).</summary>
    public DesignHeader Design;

    /// <summary>Base samples (Saltelli) or trajectories (Morris) per unit.</summary>
    public int UnitSamples;

    /// <summary>Outcome columns.</summary>
    public int Outcomes;

    /// <summary>True for a Saltelli design's Sobol sums, false for Morris's elementary effects.</summary>
    public readonly bool IsSobol => Design.Kind == (int)DesignKind.Saltelli;

    /// <summary>Doubles per record.</summary>
    public readonly int Slots => IsSobol ? SaltelliSums.Slots(Design.Dimensions, Design.SecondOrder != 0) : ElementaryEffects.Slots(Design.Dimensions);

    /// <summary>Entries per record, each filled by one call of <see cref="Fill"/>: every slot (Saltelli) or every parameter (Morris).</summary>
    public readonly int Entries => IsSobol ? Slots : Design.Dimensions;

    /// <summary>Evaluations per unit.</summary>
    public readonly int UnitEvaluations => UnitSamples * Design.Group;

    /// <summary>Doubles of the records of <paramref name="units"/> units.</summary>
    public readonly long RecordLength(int units) => (long)units * Outcomes * Slots;

    /// <summary>
    /// The scalar driver: entry <paramref name="entry"/> of the record of column <paramref name="column"/> of
    /// the unit whose first row is chunk position <paramref name="local"/>, scenario <paramref name="scenario"/>
    /// (products by <paramref name="products"/>: <see cref="HostProducts"/> on the host, the device's own on a GPU).
    /// </summary>
    public readonly void Fill<TSource, TRecord, TProducts>(in TSource outcomes, int column, int local, long scenario, int entry, ref TRecord record, TProducts products)
        where TSource : struct, IOutcomeSource
        where TRecord : struct, IPartialRecord
        where TProducts : struct, IProducts
    {
        var group = Design.Group;
        if (IsSobol)
        {
            var sum = 0.0;
            for (var s = 0; s < UnitSamples; s++)
            {
                sum += SaltelliSums.Term(outcomes, column, local + (s * group), Design.Dimensions, group, entry, products);
            }

            record[entry] = sum;
            return;
        }

        var first = Trajectory(scenario);
        double count = 0, total = 0, absolute = 0, squares = 0;
        for (var t = 0; t < UnitSamples; t++)
        {
            ElementaryEffects.Add(ref count, ref total, ref absolute, ref squares, ElementaryEffects.Effect(outcomes, column, local + (t * group), Design, first + t, entry), products);
        }

        record[4 * entry] = count;
        record[(4 * entry) + 1] = total;
        record[(4 * entry) + 2] = absolute;
        record[(4 * entry) + 3] = squares;
    }

    /// <summary>
    /// The scalar driver on the host: every entry of unit <paramref name="unit"/>'s record of column
    /// <paramref name="column"/>, in a chunk of <paramref name="columns"/> whose first scenario is
    /// <paramref name="first"/>, into its place in <paramref name="records"/>.
    /// </summary>
    public readonly void FillRecord(float[][] columns, int column, int unit, long first, double[] records)
    {
        var local = unit * UnitEvaluations;
        var record = new RecordArray(records, (((long)unit * Outcomes) + column) * Slots);
        for (var entry = 0; entry < Entries; entry++)
        {
            Fill(new ColumnArrays(columns), column, local, first + local, entry, ref record, default(HostProducts));
        }
    }

    /// <summary>Vectors of scratch <see cref="FillLanes"/> needs: a group's rows and every slot's sums (Saltelli), none (Morris).</summary>
    public readonly int LaneScratch => IsSobol ? Design.Group + Slots : 0;

    /// <summary>Moves <see cref="LaneMoves"/> writes for four units: every parameter of every trajectory of each (Morris), none (Saltelli).</summary>
    public readonly int LaneMoveCount => IsSobol ? 0 : UnitSamples * Design.Dimensions * Vector256<double>.Count;

    /// <summary>
    /// Morris: for four consecutive units, the first at chunk position <paramref name="local"/> and scenario
    /// <paramref name="scenario"/>, the row before each move of each parameter in each trajectory and its ±Δ
    /// (<see cref="ElementaryEffects.Move"/>), at <c>((t · d) + k) · 4 + lane</c>: the design's alone, the same for every column.
    /// Saltelli units have none (nothing is written).
    /// </summary>
    public readonly void LaneMoves(int local, long scenario, Span<int> rows, Span<double> signedDeltas)
    {
        if (IsSobol)
        {
            return;
        }

        var d = Design.Dimensions;
        var lanes = Vector256<double>.Count;
        for (var lane = 0; lane < lanes; lane++)
        {
            // Each lane's first trajectory from its own scenario: four units may span two lever combinations.
            var start = local + (lane * UnitEvaluations);
            var first = Trajectory(scenario + (lane * (long)UnitEvaluations));
            for (var t = 0; t < UnitSamples; t++)
            {
                for (var k = 0; k < d; k++)
                {
                    var (step, signed) = ElementaryEffects.Move(Design, first + t, k);
                    var at = (((t * d) + k) * lanes) + lane;
                    rows[at] = start + (t * Design.Group) + step;
                    signedDeltas[at] = signed;
                }
            }
        }
    }

    /// <summary>
    /// The vector driver: the whole records of column <paramref name="values"/> of four consecutive units, the
    /// first at chunk position <paramref name="local"/>; unit l's record starts at
    /// <paramref name="records"/>[<paramref name="record"/> + l · <see cref="Outcomes"/> · <see cref="Slots"/>].
    /// Each record entry holds <see cref="Fill"/>'s bits. <paramref name="scratch"/> holds at least
    /// <see cref="LaneScratch"/> vectors; Morris takes the four units' moves from <see cref="LaneMoves"/>.
    /// </summary>
    public readonly void FillLanes(float[] values, int local, double[] records, long record, Span<Vector256<double>> scratch, ReadOnlySpan<int> moveRows, ReadOnlySpan<double> signedDeltas)
    {
        var group = Design.Group;
        var step = UnitEvaluations;
        var lanes = Vector256<double>.Count;
        var stride = (long)Outcomes * Slots;
        if (IsSobol)
        {
            // Sample by sample, every slot's sums in scratch (each slot still adds its terms in sample order).
            var starts = new GroupStarts(local, local + step, local + (2 * step), local + (3 * step));
            var rows = scratch[..group];
            var sums = scratch.Slice(group, Slots);
            sums.Clear();
            for (var s = 0; s < UnitSamples; s++)
            {
                var at = starts.Plus(s * group);
                for (var r = 0; r < group; r++)
                {
                    rows[r] = at.Rows(values, r);
                }

                SaltelliSums.AddTerms(rows, sums, Design.Dimensions, group);
            }

            for (var lane = 0; lane < lanes; lane++)
            {
                for (var slot = 0; slot < sums.Length; slot++)
                {
                    records[record + (lane * stride) + slot] = sums[slot].GetElement(lane);
                }
            }

            return;
        }

        var d = Design.Dimensions;
        for (var k = 0; k < d; k++)
        {
            Vector256<double> count = default, total = default, absolute = default, squares = default;
            for (var t = 0; t < UnitSamples; t++)
            {
                var at = ((t * d) + k) * lanes;
                var before = new GroupStarts(moveRows[at], moveRows[at + 1], moveRows[at + 2], moveRows[at + 3]);
                ElementaryEffects.Add(ref count, ref total, ref absolute, ref squares, ElementaryEffects.Effects(values, before, Vector256.Create(signedDeltas.Slice(at, lanes))));
            }

            for (var lane = 0; lane < lanes; lane++)
            {
                var at = record + (lane * stride) + (4 * k);
                records[at] = count.GetElement(lane);
                records[at + 1] = total.GetElement(lane);
                records[at + 2] = absolute.GetElement(lane);
                records[at + 3] = squares.GetElement(lane);
            }
        }
    }

    /// <summary>The trajectory (within its lever combination's ensemble) whose first row is <paramref name="scenario"/>.</summary>
    private readonly long Trajectory(long scenario) => scenario % Design.Evaluations / Design.Group;
}
