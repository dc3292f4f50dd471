using System.Runtime.Intrinsics;

namespace ComputeGap.Core.Reduction;

/// <summary>
/// The threshold statistic of a block: per <see cref="ThresholdTest"/> of the run, the scenarios
/// meeting it (<see cref="PartialLayout.Threshold"/>). Its scalar form runs the tests'
/// <see cref="ThresholdTest.Holds"/>, its vector form their <see cref="ThresholdTest.Meets"/>.
/// </summary>
public static class ThresholdCounts
{
    /// <summary>Doubles the statistic keeps per block.</summary>
    public static int Slots(int thresholds) => thresholds;

    /// <summary>The identity of the counts of the tests that read column <paramref name="column"/>.</summary>
    public static void Clear<TPart, TThresholds>(ref TPart part, in PartialLayout layout, in TThresholds thresholds, int column)
        where TPart : struct, IPartialRecord
        where TThresholds : struct, IThresholdSource
    {
        for (var j = 0; j < thresholds.Count; j++)
        {
            if (thresholds.Get(j).Column == column)
            {
                part[layout.Threshold(j)] = 0;
            }
        }
    }

    /// <summary>True when some test reads <paramref name="column"/> (most columns have none: their values skip the tests).</summary>
    public static bool Reads<TThresholds>(in TThresholds thresholds, int column)
        where TThresholds : struct, IThresholdSource
    {
        for (var j = 0; j < thresholds.Count; j++)
        {
            if (thresholds.Get(j).Column == column)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The scalar form: counts one value of column <paramref name="column"/> in the tests it meets.</summary>
    public static void Add<TPart, TThresholds>(ref TPart part, in PartialLayout layout, in TThresholds thresholds, int column, float value)
        where TPart : struct, IPartialRecord
        where TThresholds : struct, IThresholdSource
    {
        for (var j = 0; j < thresholds.Count; j++)
        {
            var test = thresholds.Get(j);
            if (test.Column == column && test.Holds(value))
            {
                part[layout.Threshold(j)] = part[layout.Threshold(j)] + 1;
            }
        }
    }

    /// <summary>
    /// The vector form: counts a group of eight scenarios, <paramref name="columns"/>[c] holding column
    /// c's values, in per-lane counts (one per test). NaN, and lanes past a block's end filled with
    /// NaN, meet no test.
    /// </summary>
    public static void AddLanes(ReadOnlySpan<ThresholdTest> tests, ReadOnlySpan<Vector256<float>> columns, Span<Vector256<int>> counts)
    {
        for (var j = 0; j < tests.Length; j++)
        {
            counts[j] -= tests[j].Meets(columns[tests[j].Column]);
        }
    }

    /// <summary>Writes the per-lane counts of the vector form into the record.</summary>
    public static void Write(ReadOnlySpan<Vector256<int>> counts, Span<double> part, in PartialLayout layout)
    {
        for (var j = 0; j < counts.Length; j++)
        {
            part[layout.Threshold(j)] = Vector256.Sum(counts[j]);
        }
    }
}
