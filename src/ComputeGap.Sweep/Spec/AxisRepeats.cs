namespace ComputeGap.Sweep.Spec;

/// <summary>
/// Refuses axes (and levers) that would weight a value silently: every value of an axis is one grid
/// point, so a value given twice, or a range whose values coincide, counts that value double in every
/// statistic without the file saying so.
/// </summary>
internal static class AxisRepeats
{
    private const string Why = "each value is one grid point, so a repeat would double its weight";

    /// <summary>
    /// Adjacent pairs checked at each end of a long range. A range is monotone, and its step is smallest
    /// against a double's precision at an end (linear: constant step, coarsest precision at the end of
    /// largest magnitude; geometric: constant ratio), so coinciding values show up there first.
    /// </summary>
    private const int EndPairs = 4096;

    /// <summary>A values list with no value twice.</summary>
    public static void CheckList(SpecJson json, JsonMember member, IReadOnlyList<double> values)
    {
        var first = new Dictionary<double, int>(values.Count);
        for (var i = 0; i < values.Count; i++)
        {
            if (!first.TryAdd(values[i], i))
            {
                var earlier = first[values[i]];
                throw json.Fail(JsonPaths.Element(member.Path, i),
                    $"{SpecErrors.Num(values[i])} appears twice (entries {earlier} and {i}); {Why}");
            }
        }
    }

    /// <summary>
    /// A range whose <c>count</c> fits its ends: one value only when from equals to, several only when
    /// they differ and no two of them round to the same double.
    /// </summary>
    public static void CheckRange(SpecJson json, JsonMember range, JsonMember countMember, RangeValues values, double to)
    {
        var from = values.First;
        if (values.Count == 1 && from != to)
        {
            throw json.Fail(countMember.Path,
                $"count 1 gives only from ({SpecErrors.Num(from)}) and would ignore to ({SpecErrors.Num(to)}): set to equal from, or count >= 2");
        }

        if (values.Count > 1 && from == to)
        {
            throw json.Fail(countMember.Path,
                $"from equals to ({SpecErrors.Num(from)}), so all {values.Count} values are the same; {Why} (use count 1)");
        }

        for (var i = 1; i < values.Count; i++)
        {
            if (i == EndPairs && values.Count - EndPairs > i)
            {
                i = values.Count - EndPairs;
            }

            if (values[i] == values[i - 1])
            {
                throw json.Fail(range.Path,
                    $"values {i - 1} and {i} of the range are both {SpecErrors.Num(values[i])} (the step is below a double's precision); {Why}");
            }
        }
    }
}
