using System.Numerics;
using System.Runtime.Intrinsics;
using ComputeGap.Core.Lanes;
using Xunit;

namespace ComputeGap.Core.Tests;

/// <summary><see cref="LaneMath"/> against double precision, ulp by ulp, and on IEEE's special values.</summary>
public class LaneMathTests
{
    private const int Ulps = 2;

    [Avx512Fact]
    public void LogIsWithinTwoUlpOfTheTruthOverEveryBinade()
    {
        var rng = new Random(5);
        var values = new List<float> { 1f, 2f, 0.5f, 0.75f, 1.5f, MathF.BitDecrement(1f), MathF.BitIncrement(1f), MathF.BitDecrement(1.5f), float.MaxValue, float.Epsilon, 1e-40f, 0.0625f, 16f };
        for (var i = 0; i < 200_000; i++)
        {
            // Every positive float equally likely by bits: all binades, subnormals included.
            values.Add(BitConverter.Int32BitsToSingle(rng.Next(1, 0x7F800000)));
            values.Add(1f + ((float)rng.NextDouble() - 0.5f) * 1e-3f);
        }

        foreach (var (x, got) in Evaluate(values, LaneMath.Log))
        {
            AssertWithinUlps(Math.Log(x), got, $"ln {x:R}");
        }
    }

    [Avx512Fact]
    public void ExpIsWithinTwoUlpOfTheTruthWhereTheResultIsNormal()
    {
        var rng = new Random(6);
        var values = new List<float> { 0f, -0f, 1f, -1f, 88.7f, -87.3f, 1e-8f, -1e-8f, 0.34657359f, -0.34657359f };
        for (var i = 0; i < 200_000; i++)
        {
            values.Add((float)((rng.NextDouble() * 175.6) - 87.3));
            values.Add((float)((rng.NextDouble() * 6) - 3));
        }

        foreach (var (x, got) in Evaluate(values, LaneMath.Exp))
        {
            AssertWithinUlps(Math.Exp(x), got, $"exp {x:R}");
        }
    }

    [Avx512Fact]
    public void SpecialValuesFollowIeee()
    {
        var cases = new (float X, float Log, float Exp)[]
        {
            (0f, float.NegativeInfinity, 1f),
            (-0f, float.NegativeInfinity, 1f),
            (-1f, float.NaN, MathF.Exp(-1f)),
            (float.PositiveInfinity, float.PositiveInfinity, float.PositiveInfinity),
            (float.NegativeInfinity, float.NaN, 0f),
            (float.NaN, float.NaN, float.NaN),
            (1f, 0f, MathF.E),
            (200f, MathF.Log(200f), float.PositiveInfinity),
            (-200f, float.NaN, 0f),
        };
        var xs = cases.Select(c => c.X).ToList();
        var logs = Evaluate(xs, LaneMath.Log).Select(p => p.Got).ToArray();
        var exps = Evaluate(xs, LaneMath.Exp).Select(p => p.Got).ToArray();
        for (var i = 0; i < cases.Length; i++)
        {
            AssertSame(cases[i].Log, logs[i], $"ln {cases[i].X}");
            AssertSame(cases[i].Exp, exps[i], $"exp {cases[i].X}");
        }
    }

    [Avx512Fact]
    public void BothHostLanesGiveTheSameBits()
    {
        var rng = new Random(7);
        var values = Enumerable.Range(0, 4096).Select(_ => (float)((rng.NextDouble() * 20) - 10)).ToArray();
        var positive = values.Select(MathF.Abs).ToArray();
        var wide = new float[16];
        var narrow = new float[Vector<float>.Count];
        for (var i = 0; i + 16 <= values.Length; i += 16)
        {
            Vector512Lane.Exp(Vector512Lane.Load(values.AsSpan(i))).Store(wide);
            for (var j = 0; j < 16; j += narrow.Length)
            {
                VectorLane.Exp(VectorLane.Load(values.AsSpan(i + j))).Store(narrow);
                Assert.True(wide.AsSpan(j, narrow.Length).SequenceEqual(narrow), $"exp at {i + j}");
            }

            Vector512Lane.Log(Vector512Lane.Load(positive.AsSpan(i))).Store(wide);
            for (var j = 0; j < 16; j += narrow.Length)
            {
                VectorLane.Log(VectorLane.Load(positive.AsSpan(i + j))).Store(narrow);
                Assert.True(wide.AsSpan(j, narrow.Length).SequenceEqual(narrow), $"ln at {i + j}");
            }
        }
    }

    private static List<(float X, float Got)> Evaluate(List<float> values, Func<Vector512<float>, Vector512<float>> f)
    {
        var result = new List<(float, float)>(values.Count);
        var lanes = new float[16];
        for (var i = 0; i < values.Count; i += 16)
        {
            Array.Clear(lanes);
            var n = Math.Min(16, values.Count - i);
            values.CopyTo(i, lanes, 0, n);
            var got = f(Vector512.Create(lanes));
            for (var j = 0; j < n; j++)
            {
                result.Add((lanes[j], got[j]));
            }
        }

        return result;
    }

    private static void AssertWithinUlps(double truth, float got, string what)
    {
        var expected = (float)truth;
        if (float.IsInfinity(expected) || float.IsSubnormal(expected) || expected == 0f)
        {
            // Results at the edges of the range are checked in SpecialValuesFollowIeee.
            return;
        }

        var ulp = MathF.BitIncrement(MathF.Abs(expected)) - MathF.Abs(expected);
        var error = Math.Abs(got - truth) / ulp;
        Assert.True(error <= Ulps, $"{what}: got {got:R}, true {truth:R}, {error:F2} ulp");
    }

    private static void AssertSame(float expected, float got, string what)
    {
        if (float.IsNaN(expected))
        {
            Assert.True(float.IsNaN(got), $"{what}: expected NaN, got {got:R}");
            return;
        }

        Assert.True(MathF.Abs(expected - got) <= 2e-7f * MathF.Abs(expected) || expected == got, $"{what}: expected {expected:R}, got {got:R}");
    }
}
