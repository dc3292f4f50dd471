using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using ComputeGap.Core.Reduction;

namespace ComputeGap.Core.Tests.Reduction;

/// <summary>
/// Each block statistic's vector form (the CPU's) gives its scalar form's bits (the GPU's), statistic by
/// statistic, on values full of the awkward cases: NaN, ±∞, ±0, ties, month "never" (−1).
/// </summary>
public class StatisticFormsTests
{
    private static readonly float[] Awkward = [float.NaN, float.PositiveInfinity, float.NegativeInfinity, 0f, -0f, -1f, 1f, 0.05f, 1e-30f, -3e20f];

    private static float[] Values(int seed, int count)
    {
        var random = new Random(seed);
        var values = new float[count];
        for (var i = 0; i < count; i++)
        {
            values[i] = random.Next(4) == 0 ? Awkward[random.Next(Awkward.Length)] : (float)((random.NextDouble() - 0.3) * Math.Pow(10, random.Next(-3, 4)));
        }

        return values;
    }

    [Theory]
    [InlineData(1, 8)]
    [InlineData(2, 4096)]
    [InlineData(3, 808)]
    public void Moments_lanes_fold_to_the_scalar_form(int seed, int count)
    {
        var values = Values(seed, count);
        var scalar = Moments.Identity;
        var lanes = Moments.Lanes.Identity;
        foreach (var value in values)
        {
            scalar.Add(value);
        }

        for (var g = 0; g < count; g += 8)
        {
            var x = Vector256.Create(values.AsSpan(g, 8));
            lanes.Add(x, Moments.Lanes.FiniteLanes(x));
        }

        // The vector form's sum is RowSums over rows holding the value (+0.0 where not finite).
        var rows = new double[count * 4];
        for (var i = 0; i < count; i++)
        {
            rows[4 * i] = Moments.IsFinite(values[i]) ? values[i] : 0;
        }

        var sums = new double[4];
        for (var i = 0; i < count; i++)
        {
            RowSums.Add(ref sums[0], ref rows[4 * i], 4);
        }

        Assert.Equal(BitConverter.DoubleToInt64Bits(scalar.Sum), BitConverter.DoubleToInt64Bits(sums[0]));
        var folded = lanes.Fold(sums[0], values);
        Assert.Equal(scalar.Finite, folded.Finite);
        Assert.Equal(BitConverter.DoubleToInt64Bits(scalar.Min), BitConverter.DoubleToInt64Bits(folded.Min));
        Assert.Equal(BitConverter.DoubleToInt64Bits(scalar.Max), BitConverter.DoubleToInt64Bits(folded.Max));
    }

    [Fact]
    public void Moments_keep_the_sign_of_the_first_zero()
    {
        float[] values = [-0f, 0f, 0f, 0f, 0f, 0f, 0f, 0f];
        var scalar = Moments.Identity;
        foreach (var value in values)
        {
            scalar.Add(value);
        }

        var lanes = Moments.Lanes.Identity;
        var x = Vector256.Create(values);
        lanes.Add(x, Moments.Lanes.FiniteLanes(x));
        var folded = lanes.Fold(scalar.Sum, values);
        Assert.True(float.IsNegative((float)scalar.Min) && float.IsNegative((float)scalar.Max));
        Assert.True(double.IsNegative(folded.Min) && double.IsNegative(folded.Max));
        Assert.Equal(8, folded.Finite);
    }

    [Theory]
    [InlineData(1f)]
    [InlineData(-1f)]
    public void Moments_take_a_zero_extremes_sign_from_the_blocks_first_zero_not_the_first_lane(float fill)
    {
        var values = Enumerable.Repeat(fill, 16).ToArray();
        values[5] = 0f;   // the block's first zero, lane 5 of group 0
        values[8] = -0f;  // a later zero, lane 0 of group 1
        var scalar = Moments.Identity;
        var lanes = Moments.Lanes.Identity;
        foreach (var value in values)
        {
            scalar.Add(value);
        }

        for (var g = 0; g < values.Length; g += 8)
        {
            var x = Vector256.Create(values.AsSpan(g, 8));
            lanes.Add(x, Moments.Lanes.FiniteLanes(x));
        }

        var folded = lanes.Fold(scalar.Sum, values);
        Assert.Equal(BitConverter.DoubleToInt64Bits(scalar.Min), BitConverter.DoubleToInt64Bits(folded.Min));
        Assert.Equal(BitConverter.DoubleToInt64Bits(scalar.Max), BitConverter.DoubleToInt64Bits(folded.Max));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(5)]
    [InlineData(8)]
    [InlineData(9)]
    [InlineData(16)]
    [InlineData(20)]
    [InlineData(23)]
    [InlineData(28)]
    [InlineData(32)]
    [InlineData(37)]
    public void Row_sums_add_each_column_in_scenario_order(int outcomes)
    {
        var width = (outcomes + 3) / 4 * 4;
        const int Rows = 8;
        var from = outcomes % 3; // rows [from, Rows) are summed
        var rows = new double[Rows * width];
        var expected = new double[width];
        var values = Values(outcomes, Rows * outcomes);
        for (var r = 0; r < Rows; r++)
        {
            for (var c = 0; c < outcomes; c++)
            {
                var value = values[(r * outcomes) + c];
                if (Moments.IsFinite(value))
                {
                    rows[(r * width) + c] = value;
                    expected[c] += r >= from ? value : 0;
                }
            }
        }

        var any = new double[width];
        for (var r = from; r < Rows; r++)
        {
            RowSums.Add(ref any[0], ref rows[r * width], width);
        }

        Assert.Equal(Bits(expected), Bits(any));
        var typed = new double[width];
        switch (width / 4)
        {
            case 3: RowSums.Add<ThreeVectors>(ref typed[0], ref rows[0], from, Rows); break;
            case 4: RowSums.Add<FourVectors>(ref typed[0], ref rows[0], from, Rows); break;
            case 5: RowSums.Add<FiveVectors>(ref typed[0], ref rows[0], from, Rows); break;
            case 6: RowSums.Add<SixVectors>(ref typed[0], ref rows[0], from, Rows); break;
            case 7: RowSums.Add<SevenVectors>(ref typed[0], ref rows[0], from, Rows); break;
            case 8: RowSums.Add<EightVectors>(ref typed[0], ref rows[0], from, Rows); break;
            default: return;
        }

        Assert.Equal(Bits(expected), Bits(typed));
    }

    [Fact]
    public void Sketch_slots_in_lanes_are_the_scalar_slots_and_non_finite_lanes_go_to_the_zero_slot()
    {
        var values = Values(11, 8 * 512);
        for (var g = 0; g < values.Length; g += 8)
        {
            var x = Vector256.Create(values.AsSpan(g, 8));
            var column = g % 5;
            var slots = SketchCounts.Slots(x, Moments.Lanes.FiniteLanes(x), column);
            for (var lane = 0; lane < 8; lane++)
            {
                var value = values[g + lane];
                var expected = Moments.IsFinite(value) ? (column * QuantileSketch.Length) + QuantileSketch.Slot(value) : SketchCounts.ZeroSlot(column);
                Assert.Equal(expected, slots.GetElement(lane));
            }
        }
    }

    [Fact]
    public void Sketch_counts_of_the_scalar_form_are_those_of_the_lanes_less_the_non_finite()
    {
        var values = Values(12, 4096);
        var scalar = new Counts(new long[2 * QuantileSketch.Length]);
        var lanes = new long[2 * QuantileSketch.Length];
        var nonFinite = 0;
        foreach (var value in values)
        {
            SketchCounts.Add(ref scalar, 1, value);
            nonFinite += Moments.IsFinite(value) ? 0 : 1;
        }

        for (var g = 0; g < values.Length; g += 8)
        {
            var x = Vector256.Create(values.AsSpan(g, 8));
            var slots = SketchCounts.Slots(x, Moments.Lanes.FiniteLanes(x), 1);
            for (var lane = 0; lane < 8; lane++)
            {
                lanes[slots.GetElement(lane)]++;
            }
        }

        lanes[SketchCounts.ZeroSlot(1)] -= nonFinite;
        Assert.True(nonFinite > 0);
        Assert.Equal(scalar.Slots, lanes);
    }

    [Theory]
    [InlineData(0L, 1L)]
    [InlineData(5L, 3L)]
    [InlineData(4090L, 7L)]
    [InlineData(100L, 64L)]
    public void Main_effects_of_runs_of_rows_are_the_scalar_forms(long first, long stride)
    {
        const int Outcomes = 9; // rows of three vectors
        const int Width = 12;
        const int Values5 = 5;
        const int Count = 64;
        var layout = new PartialLayout(Outcomes, Values5, 0, 0);
        var axes = new OneAxis(stride, Values5);
        var values = Values((int)(first + stride), Count * Outcomes);
        var scalar = new double[layout.Length];
        var record = new Record(scalar);
        var varying = MainEffects.VaryingAxes(axes, first, Count);
        Assert.Equal(MainEffects.Varies(stride, first, Count) ? 1 : 0, varying);
        var rows = new double[Count * Width];
        var table = new int[Count];
        for (var c = 0; c < Outcomes; c++)
        {
            MainEffects.Clear(ref record, layout, c);
            var cursor = new OdometerCursor<OneAxis, ArrayCursorMemory>(axes, new ArrayCursorMemory(new long[2]));
            cursor.Start(first);
            for (var i = 0; i < Count; i++)
            {
                var value = values[(i * Outcomes) + c];
                MainEffects.Add(axes, ref cursor, varying, ref record, layout, c, value);
                rows[(i * Width) + c] = Moments.IsFinite(value) ? value : 0;
                table[i] = cursor.ValueIndex(0);
                cursor.Advance();
            }
        }

        var sums = new double[Values5 * Width];
        var counts = new int[Values5];
        MainEffects.AddRows<ThreeVectors>(ref sums[0], ref counts[0], ref rows[0], ref table[0], Count);
        var oneByOne = new double[Values5 * Width];
        var oneByOneCounts = new int[Values5];
        for (var i = 0; i < Count; i++)
        {
            MainEffects.AddRow(ref oneByOne[0], ref oneByOneCounts[0], ref rows[i * Width], Width, table[i]);
        }

        Assert.Equal(Bits(sums), Bits(oneByOne));
        Assert.Equal(counts, oneByOneCounts);
        for (var v = 0; v < Values5; v++)
        {
            Assert.Equal(scalar[layout.EffectCount(v)], counts[v]);
            for (var c = 0; c < Outcomes; c++)
            {
                Assert.Equal(BitConverter.DoubleToInt64Bits(scalar[layout.EffectSum(v, c)]), BitConverter.DoubleToInt64Bits(sums[(v * Width) + c]));
            }
        }

        Assert.True(counts.Count(n => n > 0) > 1, "the block crosses several axis values");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(10)]
    [InlineData(40)]
    public void Extremes_offered_in_lanes_are_the_lists_of_offering_every_value(int k)
    {
        var layout = new PartialLayout(1, 0, k, 0);
        var values = Values(k + 5, 4096);
        for (var i = 0; i < values.Length; i += 97)
        {
            values[i] = 0.5f; // ties, which keep the lower index first
        }

        var scalar = new double[layout.Length];
        var lanes = new double[layout.Length];
        var one = new Record(scalar);
        var eight = new Record(lanes);
        Extremes.Clear(ref one, layout);
        Extremes.Clear(ref eight, layout);
        for (var i = 0; i < values.Length; i++)
        {
            if (Moments.IsFinite(values[i]))
            {
                Extremes.Offer(ref one, layout, values[i], 1_000 + i);
            }
        }

        for (var g = 0; g < values.Length; g += 8)
        {
            var x = Vector256.Create(values.AsSpan(g, 8));
            Extremes.OfferLanes(ref eight, layout, x, Moments.Lanes.FiniteLanes(x).ExtractMostSignificantBits(), 1_000 + g);
        }

        Assert.Equal(Bits(scalar), Bits(lanes));
    }

    [Fact]
    public void Threshold_counts_in_lanes_are_the_scalar_counts()
    {
        ThresholdTest[] tests = [new(0, 0.05f, false), new(0, 0f, true), new(1, 24f, false, 0f), new(1, -1f, true), new(0, float.PositiveInfinity, false)];
        var layout = new PartialLayout(2, 0, 0, tests.Length);
        var columns = new[] { Values(21, 4096), Values(22, 4096) };
        var scalar = new double[layout.Length];
        var one = new Record(scalar);
        var source = new HostThresholds(tests);
        for (var c = 0; c < 2; c++)
        {
            ThresholdCounts.Clear(ref one, layout, source, c);
            Assert.True(ThresholdCounts.Reads(source, c));
            foreach (var value in columns[c])
            {
                ThresholdCounts.Add(ref one, layout, source, c, value);
            }
        }

        var counts = new Vector256<int>[tests.Length];
        var group = new Vector256<float>[2];
        for (var g = 0; g < 4096; g += 8)
        {
            group[0] = Vector256.Create(columns[0].AsSpan(g, 8));
            group[1] = Vector256.Create(columns[1].AsSpan(g, 8));
            ThresholdCounts.AddLanes(tests, group, counts);
        }

        var lanes = new double[layout.Length];
        ThresholdCounts.Write(counts, lanes, layout);
        Assert.Equal(scalar, lanes);
        Assert.False(ThresholdCounts.Reads(source, 2));
    }

    [Theory]
    [InlineData(1, 0, 0, 0)]
    [InlineData(9, 0, 10, 7)]
    [InlineData(30, 17, 10, 41)]
    [InlineData(3, 4096, 2, 64)]
    public void The_record_is_the_statistics_sections_each_slot_once(int outcomes, int axisValues, int extremes, int thresholds)
    {
        var layout = new PartialLayout(outcomes, axisValues, extremes, thresholds);
        Assert.Equal(
            Moments.Slots(outcomes) + MainEffects.Slots(outcomes, axisValues) + ThresholdCounts.Slots(thresholds) + Extremes.Slots(extremes),
            layout.Length);
        var seen = new int[layout.Length];
        seen[PartialLayout.Count]++;
        for (var o = 0; o < outcomes; o++)
        {
            seen[PartialLayout.Finite(o)]++;
            seen[layout.Sum(o)]++;
            seen[layout.Min(o)]++;
            seen[layout.Max(o)]++;
        }

        for (var v = 0; v < axisValues; v++)
        {
            seen[layout.EffectCount(v)]++;
            for (var o = 0; o < outcomes; o++)
            {
                seen[layout.EffectSum(v, o)]++;
                seen[layout.EffectFinite(v, o)]++;
            }
        }

        for (var j = 0; j < thresholds; j++)
        {
            seen[layout.Threshold(j)]++;
        }

        for (var i = 0; i < extremes; i++)
        {
            seen[layout.BestValue(i)]++;
            seen[layout.BestScenario(i)]++;
            seen[layout.WorstValue(i)]++;
            seen[layout.WorstScenario(i)]++;
        }

        Assert.All(seen, count => Assert.Equal(1, count));
    }

    private static long[] Bits(double[] values) => MemoryMarshal.Cast<double, long>(values).ToArray();

    private readonly struct Counts(long[] slots) : ISketchCounts
    {
        public long[] Slots { get; } = slots;

        public void Increment(int column, int slot) => Slots[(column * QuantileSketch.Length) + slot]++;
    }

    private readonly struct OneAxis(long stride, int count) : IAxisSource
    {
        public int AxisCount => 1;

        public int Count(int axis) => count;

        public long Stride(int axis) => stride;

        public int Offset(int axis) => 0;
    }

    private readonly struct Record(double[] slots) : IPartialRecord
    {
        public double this[int slot]
        {
            get => slots[slot];
            set => slots[slot] = value;
        }
    }
}
