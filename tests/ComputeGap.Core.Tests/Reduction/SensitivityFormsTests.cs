using ComputeGap.Core.Designs;
using System.Runtime.Intrinsics;
using ComputeGap.Core.Reduction;

namespace ComputeGap.Core.Tests.Reduction;

/// <summary>
/// The sensitivity statistics' vector forms against their scalar forms (what the GPU runs), bit for bit,
/// on values with NaN, ±∞, ±0 and wide magnitudes; and their records against sums worked out here.
/// </summary>
public sealed class SensitivityFormsTests
{
    /// <summary>Values of every kind a model may give, and plain ones.</summary>
    private static float[] Column(int length, int seed, bool special)
    {
        var random = new Random(seed);
        var awkward = new[] { float.NaN, float.PositiveInfinity, float.NegativeInfinity, 0f, -0f, 1e-30f, -3e30f, float.Epsilon };
        return [.. Enumerable.Range(0, length).Select(_ => special && random.Next(6) == 0
            ? awkward[random.Next(awkward.Length)]
            : (float)((random.NextDouble() - 0.3) * Math.Pow(10, random.Next(-3, 4))))];
    }

    private static DesignHeader Saltelli(int d, bool secondOrder, long samples) => new()
    {
        Kind = (int)DesignKind.Saltelli,
        Dimensions = d,
        Samples = samples,
        Group = secondOrder ? (2 * d) + 2 : d + 2,
        Evaluations = samples * (secondOrder ? (2 * d) + 2 : d + 2),
        SecondOrder = secondOrder ? 1 : 0,
        Seed = 5,
    };

    private static DesignHeader Morris(int d, long trajectories, int levels) => new()
    {
        Kind = (int)DesignKind.Morris,
        Dimensions = d,
        Samples = trajectories,
        Group = d + 1,
        Evaluations = trajectories * (d + 1),
        Levels = levels,
        Seed = 11,
    };

    /// <summary>Equal bits, or both NaN (a NaN's payload is not part of the contract).</summary>
    private static void SameBits(double expected, double actual, string what)
    {
        Assert.True(
            BitConverter.DoubleToInt64Bits(expected) == BitConverter.DoubleToInt64Bits(actual) || (double.IsNaN(expected) && double.IsNaN(actual)),
            $"{what}: expected {expected:R}, got {actual:R}");
    }

    [Theory]
    [InlineData(1, false, false)]
    [InlineData(3, false, true)]
    [InlineData(3, true, true)]
    [InlineData(5, true, false)]
    public void SaltelliVectorFormIsTheScalarForm(int d, bool secondOrder, bool special)
    {
        var group = secondOrder ? (2 * d) + 2 : d + 2;
        var values = Column(40 * group, seed: d, special);
        var source = new ColumnArrays([values]);
        var slots = SaltelliSums.Slots(d, secondOrder);

        // Three base samples of four units (lanes), the sums of every slot after each.
        var starts = new GroupStarts(0, 7 * group, (3 * group) + 1, 30 * group);
        var rows = new Vector256<double>[group];
        var sums = new Vector256<double>[slots];
        var scalar = new double[4, slots];
        for (var sample = 0; sample < 3; sample++)
        {
            var at = starts.Plus(sample * group);
            for (var r = 0; r < group; r++)
            {
                rows[r] = at.Rows(values, r);
            }

            SaltelliSums.AddTerms(rows, sums, d, group);
            for (var slot = 0; slot < slots; slot++)
            {
                for (var lane = 0; lane < 4; lane++)
                {
                    scalar[lane, slot] += SaltelliSums.Term(source, 0, at[lane], d, group, slot, default(HostProducts));
                    SameBits(scalar[lane, slot], sums[slot].GetElement(lane), $"sample {sample} slot {slot} lane {lane}");
                }
            }
        }
    }

    [Theory]
    [InlineData(1, 4, false)]
    [InlineData(4, 4, true)]
    [InlineData(6, 8, true)]
    public void MorrisVectorFormIsTheScalarForm(int d, int levels, bool special)
    {
        var design = Morris(d, trajectories: 50, levels);
        var values = Column(50 * (d + 1), seed: 10 + d, special);
        var source = new ColumnArrays([values]);
        long[] trajectories = [0, 9, 17, 49];
        for (var k = 0; k < d; k++)
        {
            var moves = trajectories.Select(t => ElementaryEffects.Move(design, t, k)).ToArray();
            var before = new GroupStarts(
                (int)(trajectories[0] * (d + 1)) + moves[0].Step,
                (int)(trajectories[1] * (d + 1)) + moves[1].Step,
                (int)(trajectories[2] * (d + 1)) + moves[2].Step,
                (int)(trajectories[3] * (d + 1)) + moves[3].Step);
            var lanes = ElementaryEffects.Effects(values, before, Vector256.Create(moves[0].SignedDelta, moves[1].SignedDelta, moves[2].SignedDelta, moves[3].SignedDelta));
            for (var lane = 0; lane < 4; lane++)
            {
                SameBits(ElementaryEffects.Effect(source, 0, (int)(trajectories[lane] * (d + 1)), design, trajectories[lane], k), lanes.GetElement(lane), $"parameter {k} lane {lane}");
            }
        }
    }

    /// <summary>The vector driver over four units at a time, as the CPU runs it: the Morris moves once, then each column.</summary>
    internal static void FillByFours(SensitivityUnits units, float[][] columns, int count, long first, double[] records)
    {
        var scratch = new Vector256<double>[units.LaneScratch];
        var rows = new int[units.LaneMoveCount];
        var signed = new double[units.LaneMoveCount];
        for (var u = 0; u < count; u += 4)
        {
            var local = u * units.UnitEvaluations;
            units.LaneMoves(local, first + local, rows, signed);
            for (var c = 0; c < units.Outcomes; c++)
            {
                units.FillLanes(columns[c], local, records, ((long)(u * units.Outcomes) + c) * units.Slots, scratch, rows, signed);
            }
        }
    }

    /// <summary>
    /// Both drivers fill the same records, for units that start past the chunk's first scenario and, for
    /// Morris, four units that span two lever combinations (their trajectories restart at 0).
    /// </summary>
    [Theory]
    [InlineData(true, false)]
    [InlineData(true, true)]
    [InlineData(false, true)]
    public void TheVectorDriverFillsTheScalarDriversRecords(bool sobol, bool special)
    {
        var design = sobol ? Saltelli(3, secondOrder: true, samples: 12) : Morris(3, trajectories: 6, levels: 4);
        var units = new SensitivityUnits { Design = design, UnitSamples = 2, Outcomes = 2 };
        const int count = 8;
        var evaluations = count * units.UnitEvaluations;
        var columns = new[] { Column(evaluations, 1, special), Column(evaluations, 2, special) };
        var first = 2 * design.Evaluations + units.UnitEvaluations;
        var scalar = new double[units.RecordLength(count)];
        var vector = new double[units.RecordLength(count)];
        for (var u = 0; u < count; u++)
        {
            for (var c = 0; c < units.Outcomes; c++)
            {
                units.FillRecord(columns, c, u, first, scalar);
            }
        }

        FillByFours(units, columns, count, first, vector);

        for (var i = 0; i < scalar.Length; i++)
        {
            SameBits(scalar[i], vector[i], $"record value {i}");
        }
    }

    /// <summary>One base sample of d = 2 worked by hand: a = 1, ab = (2, 4), ba = (3, 5), b = 6.</summary>
    [Fact]
    public void ASaltelliRecordHoldsTheSumsWorkedByHand()
    {
        var values = new[] { 1f, 2f, 4f, 3f, 5f, 6f };
        var design = Saltelli(2, secondOrder: true, samples: 1);
        var units = new SensitivityUnits { Design = design, UnitSamples = 1, Outcomes = 1 };
        var record = new double[units.Slots];
        units.FillRecord([values], 0, 0, 0, record);

        // n, Σa, Σb, Σ(a² + b²), Σab; b(ab − a); ab − a; (a − ab)²; ab; ba; ba_i · ab_j.
        double[] expected = [1, 1, 6, 37, 6, 6, 18, 1, 3, 1, 9, 2, 4, 3, 5, 6, 12, 10, 20];
        Assert.Equal(expected, record);
    }

    /// <summary>
    /// A Morris record against the design itself: the parameter that moves at each step is the one whose
    /// unit coordinate changes between the two rows (<see cref="DesignPoint.Unit"/>), by +Δ or −Δ.
    /// </summary>
    [Fact]
    public void AMorrisRecordHoldsTheEffectsOfTheParametersTheDesignMoves()
    {
        const int d = 3;
        var design = Morris(d, trajectories: 5, levels: 4);
        var tables = new NoTables();
        var values = Column(5 * (d + 1), 3, special: false);
        var units = new SensitivityUnits { Design = design, UnitSamples = 5, Outcomes = 1 };
        var record = new double[units.Slots];
        units.FillRecord([values], 0, 0, 0, record);

        var effects = Enumerable.Range(0, d).Select(_ => new List<double>()).ToArray();
        for (var e = 0; e < 5 * (d + 1); e++)
        {
            if (e % (d + 1) == d)
            {
                continue;
            }

            var moved = Enumerable.Range(0, d).Single(k => DesignPoint.Unit(design, tables, e + 1, k) != DesignPoint.Unit(design, tables, e, k));
            var step = (double)DesignPoint.Unit(design, tables, e + 1, moved) - DesignPoint.Unit(design, tables, e, moved);
            Assert.Equal(2.0 / 3.0, Math.Abs(step), 1e-6);
            effects[moved].Add((values[e + 1] - (double)values[e]) / (step > 0 ? 2.0 / 3.0 : -2.0 / 3.0));
        }

        for (var k = 0; k < d; k++)
        {
            Assert.Equal(5, record[4 * k]);
            Assert.Equal(effects[k].Sum(), record[(4 * k) + 1], 1e-9);
            Assert.Equal(effects[k].Sum(Math.Abs), record[(4 * k) + 2], 1e-9);
            Assert.Equal(effects[k].Sum(x => x * x), record[(4 * k) + 3], 1e-9);
        }
    }

    /// <summary>Morris needs no tables: its points come from the seed alone.</summary>
    private readonly struct NoTables : IDesignTables
    {
        public uint this[int index] => 0;

        public int Slot(int k) => k;

        public int Distribution(int k) => 0;

        public float Constant(int k, int j) => 0;

        public uint Shift(int dimension) => 0;

        public float ChoiceValue(int index) => 0;

        public float ChoiceCumulative(int index) => 0;
    }
}
