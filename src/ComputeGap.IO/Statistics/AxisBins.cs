namespace ComputeGap.IO.Statistics;

/// <summary>Neighbouring values of an axis taken together: the outcome's mean over all their scenarios.</summary>
/// <param name="Low">Smallest axis value in the group.</param>
/// <param name="High">Largest axis value in the group (equal to <paramref name="Low"/> for a single value).</param>
/// <param name="Mean">Mean of the outcome's finite values over the group's scenarios (NaN when none is finite).</param>
/// <param name="Count">Scenarios in the group with a finite outcome.</param>
/// <param name="Values">Axis values in the group.</param>
public sealed record AxisBin(double Low, double High, double Mean, long Count, int Values);

/// <summary>Groups a long axis's main effect into at most a few bins of neighbouring values, for reading.</summary>
/// <remarks>
/// Bins hold consecutive values, as equal in number as possible (the first bins take one more when
/// the values do not divide evenly); a bin's mean weights each value's mean by its count, so it is
/// the mean over the bin's scenarios. An axis with no more values than bins keeps one bin per value.
/// </remarks>
public static class AxisBins
{
    /// <summary>Most groups a report shows per axis.</summary>
    public const int MaxGroups = 12;

    /// <summary>The levels of <paramref name="effect"/> in at most <paramref name="maxGroups"/> bins, in ascending order.</summary>
    public static IReadOnlyList<AxisBin> Group(AxisEffect effect, int maxGroups = MaxGroups)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxGroups, 1);
        var levels = effect.Levels;
        var groups = Math.Min(levels.Count, maxGroups);
        var bins = new AxisBin[groups];
        var start = 0;
        for (var g = 0; g < groups; g++)
        {
            var size = levels.Count / groups + (g < levels.Count % groups ? 1 : 0);
            double sum = 0;
            long count = 0;
            for (var i = start; i < start + size; i++)
            {
                if (levels[i].Count > 0 && double.IsFinite(levels[i].Mean))
                {
                    sum += levels[i].Mean * levels[i].Count;
                    count += levels[i].Count;
                }
            }

            var mean = size == 1 ? levels[start].Mean : count == 0 ? double.NaN : sum / count;
            bins[g] = new AxisBin(levels[start].Value, levels[start + size - 1].Value, mean, count, size);
            start += size;
        }

        return bins;
    }
}
