namespace ComputeGap.IO.Statistics;

/// <summary>Mean of an outcome over the scenarios where one axis takes one value.</summary>
/// <param name="Value">The axis value.</param>
/// <param name="Mean">Mean of the outcome's finite values over those scenarios (NaN when none is finite).</param>
/// <param name="Count">Scenarios with this axis value and a finite outcome.</param>
public sealed record AxisLevel(double Value, double Mean, long Count);

/// <summary>Main effect of one axis: the outcome's mean at each of its values, and the swing between them.</summary>
/// <param name="Axis">Axis (column) name.</param>
/// <param name="Levels">One entry per distinct axis value, in ascending order.</param>
public sealed record AxisEffect(string Axis, IReadOnlyList<AxisLevel> Levels)
{
    /// <summary>Largest minus smallest level mean (ignoring NaN means); 0 for fewer than two levels.</summary>
    public double Swing
    {
        get
        {
            var means = Levels.Select(l => l.Mean).Where(double.IsFinite).ToArray();
            return means.Length == 0 ? 0 : means.Max() - means.Min();
        }
    }
}

/// <summary>Computes main effects: one-way means of an outcome grouped by each axis value.</summary>
public static class AxisEffects
{
    /// <summary>Groups <paramref name="outcome"/> by the distinct values of <paramref name="axisValues"/>.</summary>
    /// <param name="axis">Axis name.</param>
    /// <param name="axisValues">The axis value of every scenario; NaN rows are skipped.</param>
    /// <param name="outcome">The outcome of every scenario; non-finite values are skipped.</param>
    public static AxisEffect Compute(string axis, ReadOnlySpan<double> axisValues, ReadOnlySpan<double> outcome)
    {
        if (axisValues.Length != outcome.Length)
        {
            throw new ArgumentException($"Axis '{axis}' has {axisValues.Length} values but the outcome {outcome.Length}.", nameof(outcome));
        }

        var sums = new Dictionary<double, (double Sum, long Count)>();
        for (var i = 0; i < axisValues.Length; i++)
        {
            var value = axisValues[i];
            if (double.IsNaN(value))
            {
                continue;
            }

            sums.TryGetValue(value, out var acc);
            sums[value] = double.IsFinite(outcome[i]) ? (acc.Sum + outcome[i], acc.Count + 1) : acc;
        }

        var levels = sums
            .OrderBy(kv => kv.Key)
            .Select(kv => new AxisLevel(kv.Key, kv.Value.Count == 0 ? double.NaN : kv.Value.Sum / kv.Value.Count, kv.Value.Count))
            .ToArray();
        return new AxisEffect(axis, levels);
    }

    /// <summary>Orders effects by swing, largest first (ties by axis name), as a tornado chart shows them.</summary>
    public static IReadOnlyList<AxisEffect> RankBySwing(IEnumerable<AxisEffect> effects) =>
        [.. effects.OrderByDescending(e => e.Swing).ThenBy(e => e.Axis, StringComparer.Ordinal)];
}
