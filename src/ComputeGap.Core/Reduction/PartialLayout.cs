namespace ComputeGap.Core.Reduction;

/// <summary>
/// The layout of one block's partial aggregates, a flat float64 record. A block is
/// <see cref="BlockSize"/> consecutive scenario indices starting at a multiple of it, so blocks are
/// the same whatever the chunking, sharding or threading; every partial is accumulated in scenario
/// index order inside its block. Host code then merges block partials exactly (counts as integers,
/// sums exactly, min/max, top-k by value then index), which makes aggregates bit-identical across
/// chunk sizes, thread counts and shards.
/// </summary>
/// <remarks>
/// The record is the sections of the block statistics, in this order, each as long as the statistic
/// says: <see cref="Moments"/>, <see cref="MainEffects"/>, <see cref="ThresholdCounts"/>,
/// <see cref="Reduction.Extremes"/>. (<see cref="SketchCounts"/> are kept beside the records.)
/// </remarks>
/// <param name="Outcomes">O, outcome columns.</param>
/// <param name="AxisValues">V, all axes' values together (the position of axis a's value p is its offset + p).</param>
/// <param name="Extremes">k, best and worst focus-share scenarios kept.</param>
/// <param name="Thresholds">T, threshold counts kept (one per <see cref="ThresholdTest"/> of the run).</param>
public readonly record struct PartialLayout(int Outcomes, int AxisValues, int Extremes, int Thresholds)
{
    /// <summary>Scenarios per block.</summary>
    public const int BlockSize = 4096;

    /// <summary>Most axis values that get main effects; a sweep with more skips them (V = 0).</summary>
    public const int MaxAxisValues = 4096;

    /// <summary>Default k of best and worst scenarios.</summary>
    public const int DefaultExtremes = 10;

    /// <summary>Scenarios in the block.</summary>
    public static int Count => 0;

    /// <summary>Scenarios whose outcome o is finite.</summary>
    public static int Finite(int o) => 1 + o;

    /// <summary>Sum of outcome o's finite values, in index order.</summary>
    public int Sum(int o) => 1 + Outcomes + o;

    /// <summary>Least finite value of outcome o (+∞ when none).</summary>
    public int Min(int o) => 1 + (2 * Outcomes) + o;

    /// <summary>Greatest finite value of outcome o (−∞ when none).</summary>
    public int Max(int o) => 1 + (3 * Outcomes) + o;

    private int EffectBase => Moments.Slots(Outcomes);

    private int EffectStride => MainEffects.Slots(Outcomes, 1);

    /// <summary>Scenarios taking axis value v.</summary>
    public int EffectCount(int v) => EffectBase + (v * EffectStride);

    /// <summary>Sum of outcome o's finite values over scenarios taking axis value v.</summary>
    public int EffectSum(int v, int o) => EffectCount(v) + 1 + o;

    /// <summary>Scenarios taking axis value v whose outcome o is finite.</summary>
    public int EffectFinite(int v, int o) => EffectCount(v) + 1 + Outcomes + o;

    private int ThresholdBase => EffectBase + MainEffects.Slots(Outcomes, AxisValues);

    /// <summary>Scenarios meeting the run's threshold test j.</summary>
    public int Threshold(int j) => ThresholdBase + j;

    private int ExtremeBase => ThresholdBase + ThresholdCounts.Slots(Thresholds);

    /// <summary>i-th best focus share (i = 0 is the highest; NaN when the block has fewer scenarios).</summary>
    public int BestValue(int i) => ExtremeBase + i;

    /// <summary>Scenario index of the i-th best (−1 when none).</summary>
    public int BestScenario(int i) => ExtremeBase + Extremes + i;

    /// <summary>i-th worst focus share (i = 0 is the lowest).</summary>
    public int WorstValue(int i) => ExtremeBase + (2 * Extremes) + i;

    /// <summary>Scenario index of the i-th worst.</summary>
    public int WorstScenario(int i) => ExtremeBase + (3 * Extremes) + i;

    /// <summary>Doubles per block.</summary>
    public int Length => ExtremeBase + Reduction.Extremes.Slots(Extremes);
}
