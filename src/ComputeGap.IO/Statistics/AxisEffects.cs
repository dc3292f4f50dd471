using ComputeGap.IO.Parquet;

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
    public static AxisEffect Compute(string axis, ReadOnlySpan<double> axisValues, ReadOnlySpan<double> outcome) =>
        OfColumns(axis, axisValues.ToArray(), outcome.ToArray());

    /// <summary>
    /// <see cref="Compute"/> over column arrays of any numeric type, read in blocks of doubles, so a
    /// float32 column is never widened whole; <paramref name="never"/> (a month outcome's "never") is
    /// skipped as non-finite values are.
    /// </summary>
    public static AxisEffect OfColumns(string axis, Array axisValues, Array outcome, double? never = null)
    {
        if (axisValues.Length != outcome.Length)
        {
            throw new ArgumentException($"Axis '{axis}' has {axisValues.Length} values but the outcome {outcome.Length}.", nameof(outcome));
        }

        var sums = new AxisEffectSums(never);
        ColumnBlocks.ForEachInOrder([axisValues, outcome], (_, length, blocks) => sums.Add(blocks[0].AsSpan(0, length), blocks[1].AsSpan(0, length)));
        return sums.ToEffect(axis);
    }

    /// <summary>
    /// Main effects of <paramref name="outcome"/> over each of <paramref name="axes"/>, from one walk over blocks
    /// of the outcome and the axes; <paramref name="never"/> is left out as non-finite values are.
    /// </summary>
    public static List<AxisEffect> OfBlocks(IReadOnlyList<string> axes, string outcome, BlockWalk walk, double? never = null)
    {
        var sums = axes.Select(_ => new AxisEffectSums(never)).ToArray();
        walk([outcome, .. axes], (_, length, blocks) =>
        {
            for (var a = 0; a < sums.Length; a++)
            {
                sums[a].Add(blocks[a + 1].AsSpan(0, length), blocks[0].AsSpan(0, length));
            }
        });

        return [.. axes.Select((axis, a) => sums[a].ToEffect(axis))];
    }

    /// <summary>Orders effects by swing, largest first (ties by axis name), as a tornado chart shows them.</summary>
    public static IReadOnlyList<AxisEffect> RankBySwing(IEnumerable<AxisEffect> effects) =>
        [.. effects.OrderByDescending(e => e.Swing).ThenBy(e => e.Axis, StringComparer.Ordinal)];
}

/// <summary>
/// The running sums of a main effect, fed block by block in row order (so the means are those of one
/// pass over the rows): the outcome's sum and count of finite values at each axis value.
/// </summary>
/// <param name="never">An outcome value to skip as if it were not finite (a month outcome's "never"), or null.</param>
public sealed class AxisEffectSums(double? never = null)
{
    private readonly Dictionary<double, (double Sum, long Count)> _sums = [];

    /// <summary>Adds rows: axis values <paramref name="x"/> (NaN rows skipped) and outcomes <paramref name="y"/>.</summary>
    public void Add(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        for (var i = 0; i < x.Length; i++)
        {
            if (double.IsNaN(x[i]))
            {
                continue;
            }

            _sums.TryGetValue(x[i], out var acc);
            _sums[x[i]] = double.IsFinite(y[i]) && y[i] != never ? (acc.Sum + y[i], acc.Count + 1) : acc;
        }
    }

    /// <summary>The main effect of the rows added so far, levels ascending.</summary>
    public AxisEffect ToEffect(string axis) => new(axis, [.. _sums
        .OrderBy(kv => kv.Key)
        .Select(kv => new AxisLevel(kv.Key, kv.Value.Count == 0 ? double.NaN : kv.Value.Sum / kv.Value.Count, kv.Value.Count))]);
}
