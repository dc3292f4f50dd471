using ComputeGap.Core.Sampling;

namespace ComputeGap.Core.Designs;

/// <summary>
/// Evaluation <c>e</c> of a sampled design, decoded from (seed, e) alone: nothing is materialised,
/// so any chunk, thread, device or shard computes the same bits for the same e. Device-safe: plain
/// integer and float arithmetic over <see cref="IDesignTables"/>.
/// </summary>
public static partial class DesignPoint
{
    /// <summary>Key words that keep the generators of different uses apart (ASCII tags).</summary>
    private const uint MonteCarloKey = 0x4D4F4E54; // "MONT"
    private const uint StratumKey = 0x4C485350;    // "LHSP"
    private const uint JitterKey = 0x4C48534A;     // "LHSJ"
    private const uint MorrisKey = 0x4D4F5252;     // "MORR"
    private const uint OrderKey = 0x4F524452;      // "ORDR"

    /// <summary>1 − 2^−24, the largest float below 1: a Latin hypercube unit that rounds up to 1 becomes this.</summary>
    private const float LargestBelowOne = 0.99999994f;

    /// <summary>The value uncertain parameter <paramref name="k"/> takes in evaluation <paramref name="e"/>.</summary>
    public static float Value<TTables>(in DesignHeader design, in TTables tables, long e, int k)
        where TTables : struct, IDesignTables =>
        DistributionTable.Quantile(tables, k, Unit(design, tables, e, k));

    /// <summary>
    /// Coordinate <paramref name="k"/> of evaluation <paramref name="e"/> in the unit cube: in (0, 1)
    /// for the random and quasi-random designs, on the grid {0, 1/(p−1), …, 1} for Morris.
    /// </summary>
    public static float Unit<TTables>(in DesignHeader design, in TTables tables, long e, int k)
        where TTables : struct, IDesignTables
    {
        if (design.Kind == (int)DesignKind.MonteCarlo)
        {
            return Philox4x32.Unit(Word(MonteCarloBlock(design, e, k >> 2), k));
        }

        if (design.Kind == (int)DesignKind.Lhs)
        {
            return LatinHypercube(design, Word(StratumSeedBlock(design, k >> 2), k), Word(JitterBlock(design, e, k >> 2), k), e);
        }

        if (design.Kind == (int)DesignKind.Sobol)
        {
            return SobolUnit(tables, k, (uint)e);
        }

        if (design.Kind == (int)DesignKind.Saltelli)
        {
            return SaltelliUnit(design, tables, e, k);
        }

        return MorrisUnit(design, e, k);
    }

    /// <summary>Whether row <paramref name="row"/> of a Saltelli group takes parameter <paramref name="k"/> from B (else from A).</summary>
    /// <remarks>SALib's order: row 0 is A; rows 1 … d are AB_i (A with column i from B); with second order, rows d+1 … 2d are BA_i (B with column i from A); the last row is B.</remarks>
    public static bool SaltelliFromB(int dimensions, int group, int row, int k)
    {
        if (row == 0)
        {
            return false;
        }

        if (row == group - 1)
        {
            return true;
        }

        return row <= dimensions ? row - 1 == k : row - 1 - dimensions != k;
    }

    /// <summary>A float strictly inside (0, 1) from the top 24 bits of a Sobol coordinate (the cell's centre).</summary>
    private static float SobolUnit<TTables>(in TTables tables, int dimension, uint index)
        where TTables : struct, IDesignTables =>
        Philox4x32.Unit(Sobol.Bits(tables, dimension, index, tables.Shift(dimension)));

    private static float SaltelliUnit<TTables>(in DesignHeader design, in TTables tables, long e, int k)
        where TTables : struct, IDesignTables
    {
        var sample = (uint)(e / design.Group);
        var row = (int)(e - ((long)sample * design.Group));
        return SaltelliBaseUnit(design, tables, sample, k, SaltelliFromB(design.Dimensions, design.Group, row, k));
    }

    /// <summary>Coordinate <paramref name="k"/> of base sample <paramref name="sample"/>'s A (or, <paramref name="fromB"/>, B) point: every row of its group takes one of the two.</summary>
    public static float SaltelliBaseUnit<TTables>(in DesignHeader design, in TTables tables, uint sample, int k, bool fromB)
        where TTables : struct, IDesignTables =>
        SobolUnit(tables, fromB ? design.Dimensions + k : k, sample);

    /// <summary>Word <c>k mod 4</c> of a block: parameters 4q … 4q + 3 share block q.</summary>
    public static uint Word(in Philox4 block, int k)
    {
        var lane = k & 3;
        return lane == 0 ? block.X0 : lane == 1 ? block.X1 : lane == 2 ? block.X2 : block.X3;
    }

    /// <summary>Monte Carlo: the random words of parameters 4·<paramref name="quad"/> … + 3 in evaluation <paramref name="e"/>.</summary>
    public static Philox4 MonteCarloBlock(in DesignHeader design, long e, int quad) =>
        Philox4x32.Block((uint)e, (uint)(e >> 32), (uint)quad, 0, design.Seed, MonteCarloKey);

    /// <summary>Latin hypercube: the permutation seeds of parameters 4·<paramref name="quad"/> … + 3.</summary>
    public static Philox4 StratumSeedBlock(in DesignHeader design, int quad) =>
        Philox4x32.Block((uint)quad, 0, 0, 0, design.Seed, StratumKey);

    /// <summary>Latin hypercube: the jitter words of parameters 4·<paramref name="quad"/> … + 3 in evaluation <paramref name="e"/>.</summary>
    public static Philox4 JitterBlock(in DesignHeader design, long e, int quad) =>
        Philox4x32.Block((uint)e, (uint)(e >> 32), (uint)quad, 0, design.Seed, JitterKey);

    /// <summary>Stratum π(e) of N, shuffled by <see cref="Permutation"/> with <paramref name="stratumSeed"/>, plus a uniform jitter inside it.</summary>
    public static float LatinHypercube(in DesignHeader design, uint stratumSeed, uint jitter, long e) =>
        StratumUnit(design.Samples, Permutation.Index((uint)e, (uint)design.Samples, stratumSeed), jitter);

    /// <summary>
    /// <see cref="LatinHypercube(in DesignHeader, uint, uint, long)"/> of evaluation <paramref name="e"/> with the
    /// permutation's per-parameter constants given (<see cref="Permutation.Index(uint, uint, uint, uint, uint)"/>;
    /// the CPU sampler computes them once per parameter). Requires at least two samples.
    /// </summary>
    public static float LatinHypercube(in DesignHeader design, uint stratumSeed, uint mask, uint offset, uint jitter, long e) =>
        StratumUnit(design.Samples, Permutation.Index((uint)e, (uint)design.Samples, stratumSeed, mask, offset), jitter);

    /// <summary>The unit value of <paramref name="stratum"/> of <paramref name="samples"/>, plus a uniform jitter inside it.</summary>
    public static float StratumUnit(long samples, uint stratum, uint jitter)
    {
        var unit = (stratum + (double)Philox4x32.Unit(jitter)) / samples;

        // Rounding to float may reach 1 for the top stratum of a very large N; keep the open interval.
        var value = (float)unit;
        return value < 1f ? value : LargestBelowOne;
    }

    /// <summary>
    /// Step m of trajectory t (Morris 1991): a base point on the lower half of the p-level grid, one
    /// direction per parameter, and an order in which the parameters move by Δ = p / (2(p − 1)), one per step.
    /// </summary>
    private static float MorrisUnit(in DesignHeader design, long e, int k)
    {
        var steps = design.Dimensions + 1;
        var trajectory = e / steps;
        var step = (int)(e - (trajectory * steps));
        var position = MorrisPosition(design, MorrisOrderSeed(design, trajectory), k);
        return MorrisLevel(design, trajectory, k, moved: position < step);
    }

    /// <summary>The seed of trajectory <paramref name="trajectory"/>'s order of moves.</summary>
    public static uint MorrisOrderSeed(in DesignHeader design, long trajectory) =>
        Philox4x32.Block((uint)trajectory, (uint)(trajectory >> 32), 0, 0, design.Seed, OrderKey).X0;

    /// <summary>The step (0-based) at which parameter <paramref name="k"/> moves: it has moved at every step after it.</summary>
    public static int MorrisPosition(in DesignHeader design, uint orderSeed, int k) =>
        (int)Permutation.Index((uint)k, (uint)design.Dimensions, orderSeed);

    /// <summary>Parameter <paramref name="k"/>'s grid point in trajectory <paramref name="trajectory"/> before or after it moves.</summary>
    public static float MorrisLevel(in DesignHeader design, long trajectory, int k, bool moved)
    {
        var draw = MorrisDraw(design, trajectory, k);
        var levels = design.Levels;
        var level = (int)(draw.X0 % (uint)(levels / 2));
        var top = level + (levels / 2);
        return (moved == MorrisUp(draw) ? top : level) / (float)(levels - 1);
    }

    /// <summary>Whether parameter <paramref name="k"/> moves up (by +Δ) in trajectory <paramref name="trajectory"/>, else down.</summary>
    public static bool MorrisUp(in DesignHeader design, long trajectory, int k) => MorrisUp(MorrisDraw(design, trajectory, k));

    /// <summary>The random words of parameter <paramref name="k"/> in a trajectory: its lower level, then its direction.</summary>
    private static Philox4 MorrisDraw(in DesignHeader design, long trajectory, int k) =>
        Philox4x32.Block((uint)trajectory, (uint)(trajectory >> 32), (uint)k, 0, design.Seed, MorrisKey);

    private static bool MorrisUp(in Philox4 draw) => (draw.X1 & 1u) == 0;
}
