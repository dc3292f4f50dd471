using ComputeGap.Core.Model;
using Xunit;

namespace ComputeGap.Tests.Shared;

/// <summary>Compares outcome rows within MODEL.md's tolerance.</summary>
public static class OutcomeAssert
{
    public static void Close(IReadOnlyList<double> expected, IReadOnlyList<float> actual, int regions, string context, double tolerance = 1e-3)
    {
        Assert.Equal(expected.Count, actual.Count);
        for (var c = 0; c < expected.Count; c++)
        {
            double e = expected[c], a = actual[c];
            var what = $"{context}, outcome column {c}: expected {e}, got {a}";
            if (double.IsNaN(e) || double.IsInfinity(e))
            {
                Assert.True(e.Equals(a) || (double.IsNaN(e) && double.IsNaN(a)) || Math.Abs(a) > 1e30, what);
                continue;
            }

            if (OutcomeColumns.IsMonth(c, regions))
            {
                // Month outcomes: within one month, and "never" (−1) only where the reference is within a month of never.
                Assert.True(Math.Abs(e - a) <= 1 || (e < 0) == (a < 0) && Math.Abs(e - a) <= 1, what);
                continue;
            }

            var share = c < regions || c - regions == (int)ScalarOutcome.FocusShareMin;
            var limit = share ? tolerance : tolerance * Math.Max(1, Math.Abs(e));

            // A rival ratio above 1e6 means the second rival holds under a millionth of the first's
            // compute: a residue that has decayed for hundreds of months and whose float32 value is
            // dominated by rounding (measured: 1.5e-3 relative error at share 2.5e-8, a factor 100
            // at 1e-14). There both implementations must only agree that the rival is gone.
            if (c - regions == (int)ScalarOutcome.RivalRatio && Math.Abs(e) > 1e6)
            {
                Assert.True(Math.Abs(a) > 1e5, what);
                continue;
            }

            Assert.True(Math.Abs(e - a) <= limit, what);
        }
    }
}
