using ComputeGap.IO.Statistics;

namespace ComputeGap.Plots;

/// <summary>
/// A tornado on the outcome's own scale: each axis's bar spans its lowest to its highest mean, so bar
/// lengths are swings in outcome units (percentage points for shares), comparable across runs, not
/// rescaled to the largest swing. Axes whose swing is below 0.1 % of the outcome's range (max − min
/// over all scenarios) are marked inert.
/// </summary>
/// <param name="Outcome">The outcome.</param>
/// <param name="Mean">Its mean over all scenarios.</param>
/// <param name="InertBelow">Swings below this are inert (stored units).</param>
/// <param name="Bars">Largest swing first (ties by axis name).</param>
public sealed record Tornado(string Outcome, double Mean, double InertBelow, IReadOnlyList<TornadoBar> Bars)
{
    /// <summary>The share of the outcome's range below which an axis's swing counts as inert.</summary>
    public const double InertFraction = 0.001;

    /// <summary>The tornado of <paramref name="effects"/> on <paramref name="stats"/>' outcome; axes without a finite mean are left out.</summary>
    public static Tornado From(IReadOnlyList<AxisEffect> effects, OutcomeStats stats)
    {
        var range = stats.Max - stats.Min;
        var inertBelow = double.IsFinite(range) ? InertFraction * range : 0;
        var bars = new List<TornadoBar>();
        foreach (var effect in AxisEffects.RankBySwing(effects))
        {
            var finite = effect.Levels.Where(l => double.IsFinite(l.Mean)).ToArray();
            if (finite.Length == 0)
            {
                continue;
            }

            var low = finite.Min(l => l.Mean);
            var high = finite.Max(l => l.Mean);
            bars.Add(new TornadoBar(effect.Axis, low, high, finite[0].Mean, finite[^1].Mean, high - low < inertBelow));
        }

        return new Tornado(stats.Name, stats.Mean, inertBelow, bars);
    }
}
