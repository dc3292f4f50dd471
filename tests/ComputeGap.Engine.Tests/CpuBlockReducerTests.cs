using System.Globalization;
using System.Runtime.Intrinsics;
using ComputeGap.Core.Model;
using ComputeGap.Core.Models;
using ComputeGap.Core.Reduction;
using ComputeGap.Engine.Backends;
using ComputeGap.Engine.Running;
using Xunit.Abstractions;

namespace ComputeGap.Engine.Tests;

/// <summary>
/// The CPU's whole-block reducer against the definition: <see cref="BlockReducer"/> run column by
/// column (what the CPU ran before, and what the GPU kernel runs), compared bit for bit on seeded
/// random blocks full of awkward values; and the vector sketch mapping against
/// <see cref="QuantileSketch.Slot"/>.
/// </summary>
public sealed class CpuBlockReducerTests(ITestOutputHelper output)
{
    private static readonly double Gamma = QuantileSketch.Gamma;

    [Fact]
    public void RecordsAndSketchesAreBitIdenticalToTheColumnByColumnReducer()
    {
        var rng = new Random(20240611);
        var blocks = 0;
        for (var n = 0; n < 250; n++)
        {
            var shape = RandomShape(rng);
            var reducer = shape.NewReducer();

            // Several blocks through one reducer: its scratch must come back clean after each.
            for (var b = 0; b < 3; b++)
            {
                var count = rng.Next(4) switch
                {
                    0 => rng.Next(0, 40),
                    1 => rng.Next(1, PartialLayout.BlockSize),
                    _ => PartialLayout.BlockSize,
                };
                var first = rng.Next(3) == 0 ? rng.NextInt64(0, 1L << 40) : rng.NextInt64(0, 1L << 20) * PartialLayout.BlockSize;
                var local = rng.Next(0, 100);
                var columns = RandomColumns(rng, shape.Layout.Outcomes, local + count);
                AssertSameAsReference(shape, reducer, columns, first, local, count, $"case {n} block {b}");
                blocks++;
            }
        }

        output.WriteLine($"{blocks} blocks compared");
    }

    [Fact]
    public void PlansWithoutMainEffectsAndWithoutExtremesMatchToo()
    {
        var rng = new Random(7);
        for (var n = 0; n < 40; n++)
        {
            var shape = RandomShape(rng);
            shape = shape with { Layout = shape.Layout with { AxisValues = 0, Extremes = n % 2 == 0 ? 0 : shape.Layout.Extremes } };
            var columns = RandomColumns(rng, shape.Layout.Outcomes, PartialLayout.BlockSize);
            AssertSameAsReference(shape, shape.NewReducer(), columns, rng.NextInt64(0, 1L << 30) * PartialLayout.BlockSize, 0, PartialLayout.BlockSize, $"case {n}");
        }
    }

    [Fact]
    public void OutcomeCountsOutsideTheModelsRangeTakeTheGenericRowPath()
    {
        // Rows of 2 or 9 vectors (8 or 33 to 36 columns); 8 columns leave room for no region.
        var rng = new Random(9);
        foreach (var outcomes in new[] { 8, 33, 36 })
        {
            var regions = outcomes - 9 < 1 ? 0 : outcomes - 9;
            var shape = RandomShape(rng);
            while (shape.Counts.Length < 3)
            {
                shape = RandomShape(rng);
            }

            var tests = shape.Tests.Where(t => t.Column < outcomes).ToArray();
            shape = shape with { Layout = shape.Layout with { Outcomes = outcomes, Thresholds = tests.Length }, Regions = regions, Focus = regions == 0 ? 0 : rng.Next(regions), Tests = tests };
            var reducer = shape.NewReducer();
            for (var b = 0; b < 3; b++)
            {
                var columns = RandomColumns(rng, outcomes, PartialLayout.BlockSize);
                AssertSameAsReference(shape, reducer, columns, rng.NextInt64(0, 1L << 20) * PartialLayout.BlockSize, 0, b == 2 ? 1000 : PartialLayout.BlockSize, $"{outcomes} columns, block {b}");
            }
        }
    }

    [Fact]
    public async Task TheCpuBackendsAggregatesAndFansMatchTheScalarDefinitionOnModelOutcomes()
    {
        var plan = TestSweeps.RandomGrid(seed: 41, horizon: 12, demandValues: 20);
        using var cpu = new CpuBackend();
        var rows = await CollectingSink.RunAsync(plan, cpu, 1 << 20, series: true);
        var agg = await CollectedAggregates.RunAsync(plan, cpu, 1 << 12, fans: true);
        var layout = AggregateBuffers.LayoutFor(plan);
        var n = plan.ScenarioCount;
        var blocks = (int)((n + PartialLayout.BlockSize - 1) / PartialLayout.BlockSize);
        var shape = new Shape(layout, plan.Shape.Regions, plan.Shape.Focus, plan.AxisCounts, plan.AxisStrides, plan.AxisOffsets, plan.Thresholds);
        var partials = new double[blocks * layout.Length];
        var sketch = new long[plan.OutcomeCount * QuantileSketch.Length];
        for (var b = 0; b < blocks; b++)
        {
            var first = (long)b * PartialLayout.BlockSize;
            Reference(shape, rows.Outcomes, first, (int)first, (int)Math.Min(PartialLayout.BlockSize, n - first), partials, b * layout.Length, sketch);
        }

        AssertBits(partials, agg.Partials, layout, "model outcomes");
        Assert.Equal(sketch, agg.Sketch);

        // Fans: every month's finite shares through the scalar slot.
        var fans = new long[agg.Fans!.Length];
        var (months, regions) = (plan.Shape.Months, plan.Shape.Regions);
        for (var i = 0; i < n; i++)
        {
            for (var t = 0; t < months; t++)
            {
                for (var r = 0; r < regions; r++)
                {
                    var share = rows.Series[(int)((((i * months) + t) * regions) + r)];
                    if (float.IsFinite(share))
                    {
                        fans[QuantileSketch.FanOffset(t, r, regions) + QuantileSketch.Slot(share)]++;
                    }
                }
            }
        }

        Assert.Equal(fans, agg.Fans);
    }

    [Fact]
    public void VectorSlotsEqualTheScalarSlotOnRandomFloatsAndBucketBoundaries()
    {
        var rng = new Random(11);
        var values = new float[10_000_000];
        for (var i = 0; i < values.Length; i++)
        {
            float value;
            do
            {
                value = BitConverter.Int32BitsToSingle((int)(uint)rng.NextInt64(0, 1L << 32));
            }
            while (!float.IsFinite(value));
            values[i] = value;
        }

        var (fallbacks, mismatches) = Compare(values);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"random bit patterns: {values.Length:N0} values, {fallbacks:N0} to the scalar fallback ({(double)fallbacks / values.Length:P3})"));
        Assert.Empty(mismatches);
        Assert.True(fallbacks < values.Length / 100);

        var boundaries = BoundaryValues().Where(float.IsFinite).ToArray();
        (fallbacks, mismatches) = Compare(boundaries);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"bucket boundaries ±2 ulp: {boundaries.Length:N0} values, {fallbacks:N0} to the scalar fallback"));
        Assert.Empty(mismatches);

        // Ordinary outcome magnitudes: shares, ratios, H100e totals.
        var ordinary = Enumerable.Range(0, 1_000_000).Select(_ => (float)(Math.Exp((rng.NextDouble() * 30) - 10) * (rng.Next(2) == 0 ? -1 : 1))).ToArray();
        (fallbacks, mismatches) = Compare(ordinary);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ordinary magnitudes e^-10..e^20: {ordinary.Length:N0} values, {fallbacks:N0} to the scalar fallback ({(double)fallbacks / ordinary.Length:P3})"));
        Assert.Empty(mismatches);
    }

    [Fact]
    public void VectorSlotsHandleTheSpanAndVectorEntryPoints()
    {
        float[] values = [0f, -0f, 1f, -1f, float.Epsilon, -float.Epsilon, float.MaxValue, float.MinValue, 1e-30f, 3.5f, -2e20f];
        var slots = new int[values.Length];
        VectorSketch.Slots(values, slots);
        Assert.Equal(values.Select(QuantileSketch.Slot), slots);

        var lanes = new float[System.Numerics.Vector<float>.Count];
        for (var i = 0; i < lanes.Length; i++)
        {
            lanes[i] = values[i % values.Length];
        }

        var laneSlots = new int[lanes.Length];
        VectorSketch.Slots(new System.Numerics.Vector<float>(lanes), laneSlots);
        Assert.Equal(lanes.Select(QuantileSketch.Slot), laneSlots);
    }

    private static (long Fallbacks, List<string> Mismatches) Compare(float[] values)
    {
        long fallbacks = 0;
        var mismatches = new List<string>();
        var lanes = new float[8];
        for (var at = 0; at < values.Length; at += 8)
        {
            var valid = Math.Min(8, values.Length - at);
            Array.Clear(lanes);
            Array.Copy(values, at, lanes, 0, valid);
            var vector = Vector256.Create(lanes);
            VectorSketch.Slots(vector, out var near);
            var slots = VectorSketch.Slots(vector);
            for (var j = 0; j < valid; j++)
            {
                fallbacks += (near >> j) & 1;
                var expected = QuantileSketch.Slot(lanes[j]);
                if (slots.GetElement(j) != expected && mismatches.Count < 20)
                {
                    mismatches.Add(string.Create(CultureInfo.InvariantCulture, $"{lanes[j]:R} (0x{BitConverter.SingleToInt32Bits(lanes[j]):X8}): {slots.GetElement(j)} vs {expected}"));
                }
            }
        }

        return (fallbacks, mismatches);
    }

    /// <summary>The float nearest γ^i for every bucket index (and a little past the clamp), ±2 ulps, both signs; and specials ±1 ulp.</summary>
    private static IEnumerable<float> BoundaryValues()
    {
        for (var i = -QuantileSketch.MaxIndex - 50; i <= QuantileSketch.MaxIndex + 50; i++)
        {
            var boundary = (float)Math.Pow(Gamma, i);
            if (boundary == 0f || !float.IsFinite(boundary))
            {
                continue;
            }

            var bits = BitConverter.SingleToInt32Bits(boundary);
            for (var d = -2; d <= 2; d++)
            {
                var value = BitConverter.Int32BitsToSingle(bits + d);
                yield return value;
                yield return -value;
            }
        }

        foreach (var special in new[] { 0f, 1f, float.Epsilon, float.MaxValue, float.MinValue, 1.17549435e-38f, 1.17549421e-38f })
        {
            yield return special;
            yield return -special;
            var bits = BitConverter.SingleToInt32Bits(special);
            yield return BitConverter.Int32BitsToSingle(bits + 1);
            yield return BitConverter.Int32BitsToSingle(bits - 1);
        }
    }

    private static void AssertSameAsReference(Shape shape, CpuBlockReducer reducer, float[][] columns, long first, int local, int count, string what)
    {
        var layout = shape.Layout;

        // Records at an offset inside a larger array, the rest of which must stay untouched.
        var offset = layout.Length + 3;
        var expected = new double[(2 * layout.Length) + 6];
        var actual = new double[expected.Length];
        Array.Fill(expected, 12345.0);
        Array.Fill(actual, 12345.0);
        var expectedSketch = new long[layout.Outcomes * QuantileSketch.Length];
        var actualSketch = new long[expectedSketch.Length];
        Reference(shape, columns, first, local, count, expected, offset, expectedSketch);
        reducer.Reduce(columns, local, first, count, actual, offset, actualSketch);
        AssertBits(expected, actual, layout, $"{what} (O {layout.Outcomes}, V {layout.AxisValues}, k {layout.Extremes}, first {first}, count {count})", offset);
        if (!expectedSketch.AsSpan().SequenceEqual(actualSketch))
        {
            var i = expectedSketch.AsSpan().CommonPrefixLength(actualSketch);
            Assert.Fail($"{what}: sketch column {i / QuantileSketch.Length} slot {i % QuantileSketch.Length}: expected {expectedSketch[i]}, got {actualSketch[i]}");
        }
    }

    private static void AssertBits(double[] expected, double[] actual, PartialLayout layout, string what, int offset = 0)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (var i = 0; i < expected.Length; i++)
        {
            if (BitConverter.DoubleToInt64Bits(expected[i]) != BitConverter.DoubleToInt64Bits(actual[i]))
            {
                var slot = (i - offset) % layout.Length;
                Assert.Fail(string.Create(CultureInfo.InvariantCulture, $"{what}: slot {slot} of the record at {i - slot}: expected {expected[i]:R}, got {actual[i]:R}"));
            }
        }
    }

    /// <summary>The definition, as the CPU ran it before: <see cref="BlockReducer.ReduceColumn"/> for each column in turn.</summary>
    private static void Reference(Shape shape, float[][] columns, long first, int local, int count, double[] partials, int offset, long[] sketch)
    {
        var axes = shape.Layout.AxisValues > 0 ? new Axes(shape.Counts, shape.Strides, shape.Offsets) : new Axes([], [], []);
        var cursor = new OdometerCursor<Axes, ArrayCursorMemory>(axes, new ArrayCursorMemory(new long[2 * MainEffects.MaxAxes]));
        var record = new RecordArray(partials, offset);
        var counts = new SketchArray(sketch);
        var source = new ColumnArrays(columns);
        for (var c = 0; c < shape.Layout.Outcomes; c++)
        {
            BlockReducer.ReduceColumn(source, axes, ref cursor, ref record, ref counts, shape.Layout, c, shape.Keys, new HostThresholds(shape.Tests), first, local, count);
        }
    }

    /// <summary>
    /// 10 to 32 outcome columns (v1's 15 and v2's 30 with five regions among them); 0 to 6 axes on a grid (each axis's stride the product of the faster
    /// axes' counts), so the fast axes vary within a block, the slow ones mostly do not, and blocks
    /// start mid-run; sometimes a stride is scaled so that the block boundary falls inside a run.
    /// </summary>
    private static Shape RandomShape(Random rng)
    {
        var outcomes = rng.Next(10, 33);
        var regions = outcomes - 9;
        var focus = rng.Next(regions);
        var axes = rng.Next(0, 7);
        var counts = new int[axes];
        var strides = new long[axes];
        var offsets = new int[axes];
        long stride = rng.Next(3) == 0 ? rng.Next(1, 5000) : 1;
        var values = 0;
        for (var a = axes - 1; a >= 0; a--)
        {
            counts[a] = rng.Next(4) == 0 ? 1 : rng.Next(2, rng.Next(2) == 0 ? 12 : 70);
            strides[a] = stride;
            stride = Math.Min(1L << 40, stride * counts[a] * (rng.Next(6) == 0 ? rng.Next(2, 9) : 1));
            offsets[a] = values;
            values += counts[a];
        }

        var extremes = rng.Next(6) switch
        {
            0 => 1,
            1 => 3,
            2 => 40,
            _ => PartialLayout.DefaultExtremes,
        };
        // The key columns' thresholds, then up to 8 more on any column, below (from −∞, 0 or just under the
        // bound) or at least a bound that is sometimes one of the columns' special values (0, ±∞, a sketch boundary).
        var tests = OutcomeColumns.Keys(regions, focus) is var keys ? Thresholds.Keyed(keys).ToList() : [];
        for (var extra = rng.Next(9); extra > 0; extra--)
        {
            var bound = rng.Next(4) switch
            {
                0 => 0f,
                1 => rng.Next(2) == 0 ? float.PositiveInfinity : float.NegativeInfinity,
                2 => Boundary(rng),
                _ => (float)(rng.NextDouble() * 2) - 0.5f,
            };
            var floor = rng.Next(3) switch { 0 => 0f, 1 => bound - 1, _ => float.NegativeInfinity };
            tests.Add(new ThresholdTest(rng.Next(outcomes), bound, rng.Next(2) == 0, floor));
        }

        return new Shape(new PartialLayout(outcomes, values, extremes, tests.Count), regions, focus, counts, strides, offsets, [.. tests]);
    }

    /// <summary>Columns of a block, each with its own mix: ordinary, wide-ranging, month-like, zero-heavy, tied, boundary or special values.</summary>
    private static float[][] RandomColumns(Random rng, int outcomes, int length)
    {
        var columns = new float[outcomes][];
        for (var c = 0; c < outcomes; c++)
        {
            var style = rng.Next(10);
            var specials = rng.Next(3) switch { 0 => 0.0, 1 => 0.01, _ => 0.2 };
            var ties = Enumerable.Range(0, rng.Next(1, 6)).Select(_ => FiniteValue(rng)).ToArray();
            var constant = Special(rng);
            var column = columns[c] = new float[length];
            for (var i = 0; i < length; i++)
            {
                column[i] = rng.NextDouble() < specials ? Special(rng) : style switch
                {
                    0 => (float)rng.NextDouble(),
                    1 => (float)((rng.NextDouble() * 2) - 1),
                    2 => FiniteValue(rng),
                    3 => rng.Next(3) == 0 ? -1f : rng.Next(0, 73),
                    4 => rng.Next(4) switch { 0 => 0f, 1 => -0f, 2 => (float)rng.NextDouble(), _ => -(float)rng.NextDouble() },
                    5 => ties[rng.Next(ties.Length)],
                    6 => Boundary(rng),
                    7 => constant,
                    8 => rng.Next(2) == 0 ? -0f : 0f,
                    _ => (float)(Math.Exp((rng.NextDouble() * 60) - 30) * (rng.Next(2) == 0 ? 1 : -1)),
                };
            }
        }

        return columns;
    }

    private static float FiniteValue(Random rng)
    {
        while (true)
        {
            var value = BitConverter.Int32BitsToSingle((int)(uint)rng.NextInt64(0, 1L << 32));
            if (float.IsFinite(value))
            {
                return value;
            }
        }
    }

    private static float Special(Random rng) => rng.Next(12) switch
    {
        0 => float.NaN,
        1 => float.PositiveInfinity,
        2 => float.NegativeInfinity,
        3 => 0f,
        4 => -0f,
        5 => float.Epsilon * rng.Next(1, 1000),
        6 => -float.Epsilon * rng.Next(1, 1000),
        7 => float.MaxValue,
        8 => float.MinValue,
        9 => 1f,
        10 => -1f,
        _ => 1e-30f,
    };

    private static float Boundary(Random rng)
    {
        var boundary = (float)Math.Pow(Gamma, rng.Next(-QuantileSketch.MaxIndex - 5, QuantileSketch.MaxIndex + 6));
        var value = BitConverter.Int32BitsToSingle(BitConverter.SingleToInt32Bits(boundary) + rng.Next(-1, 2));
        return rng.Next(2) == 0 ? value : -value;
    }

    private sealed record Shape(PartialLayout Layout, int Regions, int Focus, int[] Counts, long[] Strides, int[] Offsets, ThresholdTest[] Tests)
    {
        /// <summary>Model v1's key columns for these regions and focus.</summary>
        public KeyColumns Keys => OutcomeColumns.Keys(Regions, Focus);

        public CpuBlockReducer NewReducer() => new(Layout, Keys, Tests, Counts, Strides, Offsets);
    }

    private readonly struct Axes(int[] counts, long[] strides, int[] offsets) : IAxisSource
    {
        public int AxisCount => counts.Length;

        public int Count(int axis) => counts[axis];

        public long Stride(int axis) => strides[axis];

        public int Offset(int axis) => offsets[axis];
    }
}
