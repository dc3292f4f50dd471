using ComputeGap.Core.Models;
using ComputeGap.Core.Reduction;
using ComputeGap.IO.Reports;
using ComputeGap.Sweep.Spec;

namespace ComputeGap.Engine.Running;

/// <summary>
/// The threshold tests a run counts exactly in aggregate mode: for a model with regions the ones on its key
/// columns (<see cref="Thresholds.Keyed"/>, first, so their slots are those of files written before), then
/// every rule its report shows (<see cref="ThresholdRule.For(string?, double?, IReadOnlyList{string}, IReadOnlyList{ChosenThreshold}, Func{string, bool})"/>:
/// the focus's share of demand, "ever" of the month outcomes, the sweep file's <c>"thresholds"</c>) that is
/// not already among them. The report's rules so find an exact count, never a sketch's estimate.
/// </summary>
public static class RunThresholds
{
    /// <summary>The tests for <paramref name="spec"/>, whose outcome columns are <paramref name="outcomes"/>.</summary>
    public static ThresholdTest[] For(SweepSpec spec, IReadOnlyList<string> outcomes, KeyColumns keys)
    {
        var tests = new List<ThresholdTest>(spec.Model.HasRegions ? Thresholds.Keyed(keys) : []);
        var rivals = spec.Model.HasRegions ? new[] { spec.Regions[spec.RivalA], spec.Regions[spec.RivalB] } : [];
        var focus = spec.Model.HasRegions ? spec.Regions[spec.Focus] : null;
        foreach (var rule in ThresholdRule.For(focus, spec.FocusUsageShare, rivals, spec.Thresholds, outcomes.Contains))
        {
            var test = Test(rule, outcomes);
            if (Thresholds.IndexOf(tests, test) < 0)
            {
                tests.Add(test);
            }
        }

        if (tests.Count > Thresholds.MaxCount)
        {
            throw new InvalidOperationException($"A run counts at most {Thresholds.MaxCount} thresholds, not {tests.Count}.");
        }

        return [.. tests];
    }

    /// <summary>How files name <paramref name="test"/>'s comparison: the sweep file's keys, <c>below</c> or <c>at_least</c>.</summary>
    public static string ComparisonName(ThresholdTest test) => test.AtLeast != 0 ? ChosenThreshold.AtLeastKey : ChosenThreshold.BelowKey;

    /// <summary>The test that counts exactly the float values <paramref name="rule"/> holds for (see <see cref="ThresholdTest.FloatBound"/>).</summary>
    public static ThresholdTest Test(ThresholdRule rule, IReadOnlyList<string> outcomes)
    {
        var column = -1;
        for (var c = 0; c < outcomes.Count && column < 0; c++)
        {
            column = outcomes[c] == rule.Column ? c : -1;
        }

        var bound = ThresholdTest.FloatBound(rule.Bound);
        return column < 0 ? throw new ArgumentException($"No outcome '{rule.Column}'.", nameof(rule))
            : !float.IsFinite(bound) ? throw new ArgumentException($"Bound {rule.Bound} of '{rule.Name}' is beyond the 32-bit floats.", nameof(rule))
            : new ThresholdTest(column, bound, rule.Comparison == ThresholdComparison.AtLeast, ThresholdTest.FloatBound(rule.Floor));
    }
}
