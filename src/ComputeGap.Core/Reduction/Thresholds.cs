using System.Runtime.Intrinsics;
using ComputeGap.Core.Models;

namespace ComputeGap.Core.Reduction;

/// <summary>
/// One threshold count aggregate output keeps: the scenarios whose value of one outcome column is below
/// a bound (and not below a floor: a month outcome's "never", −1, is below no month), or at least it. NaN
/// meets neither test. A plain struct, so kernels read a list of them from device memory: the thresholds
/// are run-time data, not code.
/// </summary>
/// <param name="column">The outcome column it reads.</param>
/// <param name="bound">The bound, as the float the column's values are compared with.</param>
/// <param name="atLeast">True for <c>value ≥ bound</c>, false for <c>floor ≤ value &lt; bound</c>.</param>
/// <param name="floor">The least value a test from below counts (−∞ but for month outcomes, whose floor is 0).</param>
public readonly struct ThresholdTest(int column, float bound, bool atLeast, float floor = float.NegativeInfinity) : IEquatable<ThresholdTest>
{
    /// <summary>The outcome column it reads.</summary>
    public readonly int Column = column;

    /// <summary>The bound.</summary>
    public readonly float Bound = bound;

    /// <summary>1 for <c>value ≥ bound</c>, 0 for <c>floor ≤ value &lt; bound</c> (an int: kernels read it).</summary>
    public readonly int AtLeast = atLeast ? 1 : 0;

    /// <summary>The least value a test from below counts (−∞ when it has no floor; unused from above).</summary>
    public readonly float Floor = atLeast ? float.NegativeInfinity : floor;

    /// <summary>True when <paramref name="value"/> meets the test (never for NaN).</summary>
    public bool Holds(float value) => AtLeast != 0 ? value >= Bound : value >= Floor && value < Bound;

    /// <summary>
    /// The vector form of <see cref="Holds"/>, for the CPU: all bits set in the lanes of <paramref name="values"/>
    /// that meet the test, none in the others (NaN meets none).
    /// </summary>
    public Vector256<int> Meets(Vector256<float> values)
    {
        var bound = Vector256.Create(Bound);
        if (AtLeast != 0)
        {
            return Vector256.GreaterThanOrEqual(values, bound).AsInt32();
        }

        var below = Vector256.LessThan(values, bound);
        return (HasFloor ? below & Vector256.GreaterThanOrEqual(values, Vector256.Create(Floor)) : below).AsInt32();
    }

    /// <summary>True for a test from below with a floor above −∞.</summary>
    public bool HasFloor => Floor > float.NegativeInfinity;

    /// <summary>The comparison as written: <c>&lt;</c> or <c>&gt;=</c>.</summary>
    public string Operator => AtLeast != 0 ? ">=" : "<";

    /// <summary>A readable name, e.g. <c>share_EU &lt; 0.05</c>, <c>share_US &gt;= 0.5</c> or <c>0 &lt;= focus_target_month &lt; 30</c>.</summary>
    public string Name(IReadOnlyList<string> outcomes) => HasFloor
        ? FormattableString.Invariant($"{Floor} <= {outcomes[Column]} < {Bound}")
        : FormattableString.Invariant($"{outcomes[Column]} {Operator} {Bound}");

    /// <summary>
    /// The float bound that tests float values exactly as <paramref name="bound"/> tests them as doubles:
    /// a float is below a double bound exactly when it is below the least float not under it, and at
    /// least it exactly when it is at least that float.
    /// </summary>
    public static float FloatBound(double bound)
    {
        var rounded = (float)bound;
        return rounded < bound ? MathF.BitIncrement(rounded) : rounded;
    }

    /// <inheritdoc/>
    public bool Equals(ThresholdTest other) =>
        Column == other.Column && AtLeast == other.AtLeast && BitConverter.SingleToInt32Bits(Bound) == BitConverter.SingleToInt32Bits(other.Bound)
        && BitConverter.SingleToInt32Bits(Floor) == BitConverter.SingleToInt32Bits(other.Floor);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is ThresholdTest other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Column, Bound, AtLeast, Floor);

    /// <summary>Same column, comparison and bound bits.</summary>
    public static bool operator ==(ThresholdTest left, ThresholdTest right) => left.Equals(right);

    /// <summary>Not <c>==</c>.</summary>
    public static bool operator !=(ThresholdTest left, ThresholdTest right) => !left.Equals(right);

    /// <inheritdoc/>
    public override string ToString() => FormattableString.Invariant($"column {Column} {Operator} {Bound} (floor {Floor})");
}

/// <summary>The threshold tests a reduction counts, as the GPU (device memory) and the CPU (an array) hold them.</summary>
public interface IThresholdSource
{
    /// <summary>Number of tests.</summary>
    int Count { get; }

    /// <summary>Test <paramref name="j"/>.</summary>
    ThresholdTest Get(int j);
}

/// <summary>Threshold tests held in a host array.</summary>
/// <param name="tests">The tests.</param>
public readonly struct HostThresholds(ThresholdTest[] tests) : IThresholdSource
{
    private readonly ThresholdTest[] _tests = tests;

    /// <inheritdoc/>
    public int Count => _tests.Length;

    /// <inheritdoc/>
    public ThresholdTest Get(int j) => _tests[j];
}

/// <summary>
/// The threshold counts every run of a model with regions keeps (the focus share below 1, 2, 5, 10 and
/// 20 %, the focus covering less than half its demand, the rivals' ratio below 1), before those a
/// sweep's report rules and its <c>"thresholds"</c> add (<c>RunThresholds</c>).
/// </summary>
public static class Thresholds
{
    /// <summary>Most threshold counts one run keeps.</summary>
    public const int MaxCount = 64;

    /// <summary>The thresholds on the key columns, in the order files before run-time thresholds kept them.</summary>
    public static ThresholdTest[] Keyed(in KeyColumns keys) =>
    [
        new(keys.FocusShare, 0.01f, false),
        new(keys.FocusShare, 0.02f, false),
        new(keys.FocusShare, 0.05f, false),
        new(keys.FocusShare, 0.10f, false),
        new(keys.FocusShare, 0.20f, false),
        new(keys.Coverage, 0.5f, false),
        new(keys.RivalRatio, 1f, false),
    ];

    /// <summary>The index of a test equal to <paramref name="test"/> in <paramref name="tests"/>, or −1.</summary>
    public static int IndexOf(IReadOnlyList<ThresholdTest> tests, ThresholdTest test)
    {
        for (var j = 0; j < tests.Count; j++)
        {
            if (tests[j].Equals(test))
            {
                return j;
            }
        }

        return -1;
    }
}
