using ComputeGap.Core.Model;
using ComputeGap.Core.Models;
using Xunit;

namespace ComputeGap.Tests.Shared;

/// <summary>Compares outcome rows within the models' tolerance (docs: 1e-3 relative, shares absolute, months within one).</summary>
public static class OutcomeAssert
{
    /// <summary>Model v1's outcome row for <paramref name="regions"/> regions.</summary>
    public static void Close(IReadOnlyList<double> expected, IReadOnlyList<float> actual, int regions, string context, double tolerance = 1e-3) =>
        Close(expected, actual, OutcomeColumns.Infos([.. Enumerable.Range(0, regions).Select(r => "R" + r)]), context, tolerance);

    /// <summary>An outcome row of any model, column by column as <paramref name="infos"/> describe them.</summary>
    public static void Close(IReadOnlyList<double> expected, IReadOnlyList<float> actual, IReadOnlyList<OutcomeInfo> infos, string context, double tolerance = 1e-3)
    {
        Assert.Equal(expected.Count, actual.Count);
        Assert.Equal(infos.Count, actual.Count);
        for (var c = 0; c < expected.Count; c++)
        {
            double e = expected[c], a = actual[c];
            var name = infos[c].Name;
            var what = $"{context}, outcome {name}: expected {e}, got {a}";
            if (double.IsNaN(e) || double.IsInfinity(e))
            {
                Assert.True(e.Equals(a) || (double.IsNaN(e) && double.IsNaN(a)) || Math.Abs(a) > 1e30, what);
                continue;
            }

            if (infos[c].Kind == OutcomeKind.Month)
            {
                // Month outcomes: within one month, and "never" (−1) only where the reference is within a month of never.
                Assert.True(Math.Abs(e - a) <= 1 || (e < 0) == (a < 0) && Math.Abs(e - a) <= 1, what);
                continue;
            }

            var limit = IsShare(name) ? tolerance : tolerance * Math.Max(1, Math.Abs(e));

            // A rival ratio above 1e6 means the second rival holds under a millionth of the first's
            // compute: a residue that has decayed for hundreds of months and whose float32 value is
            // dominated by rounding (measured: 1.5e-3 relative error at share 2.5e-8, a factor 100
            // at 1e-14). There both implementations must only agree that the rival is gone.
            if (name.EndsWith("rival_ratio", StringComparison.Ordinal) && Math.Abs(e) > 1e6)
            {
                Assert.True(Math.Abs(a) > 1e5, what);
                continue;
            }

            Assert.True(Math.Abs(e - a) <= limit, what);
        }
    }

    /// <summary>Shares of a whole (compared absolutely): regions' shares, the focus minimum, China's domestic share.</summary>
    private static bool IsShare(string name) =>
        name.StartsWith("share_", StringComparison.Ordinal) || name.StartsWith("effective_share_", StringComparison.Ordinal)
        || name is "focus_share_min" or "cn_domestic_share";
}
