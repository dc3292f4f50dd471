using System.Globalization;

namespace ComputeGap.Engine.Running;

/// <summary>
/// The order in which a run visits its scenarios. Runs, shards, resume and the manifest's parts count
/// <em>positions</em> 0 … S − 1; this maps them to scenarios.
/// </summary>
/// <remarks>
/// <para>
/// <b>Scenario order</b> (<see cref="Window"/> 0) is the identity: position p is scenario p, so lever
/// combination c's futures lie E scenarios apart from combination c + 1's.
/// </para>
/// <para>
/// <b>Future order</b> takes the futures window by window: window g holds futures
/// [gW, min(E, (g + 1)W)) of every combination, combination after combination, so that every policy's
/// value in the same future is at hand at once, which regret needs. With L combinations and window
/// length w_g, position p = gLW + c·w_g + j is scenario c·E + gW + j. W is a multiple of the run's
/// alignment unit, and E of it too, so every window of every combination starts on a whole block (and
/// sensitivity unit). Windows are the unit of shards and commits: a part always holds whole windows.
/// </para>
/// <para>
/// An ensemble that is not a whole number of units takes <b>one window</b>, W = E, when every combination's
/// futures fit at once (L·E ≤ <see cref="MaxGroup"/>) and the run is not cut into shards: position p is then
/// scenario p, so the run visits the scenarios in their own order, in chunks that start on whole blocks but
/// may cross from one combination into the next, and it commits once, at its end.
/// </para>
/// </remarks>
/// <param name="Combinations">Lever combinations L.</param>
/// <param name="Evaluations">Futures per combination E.</param>
/// <param name="Window">Futures per window W, or 0 for scenario order.</param>
public sealed record RunOrder(long Combinations, long Evaluations, long Window)
{
    /// <summary>Scenarios a window of every combination should hold, two default chunks.</summary>
    public const long TargetGroup = 1L << 21;

    /// <summary>
    /// Least futures in a window (rounded up to whole units) of a run of up to 64 combinations that is not
    /// cut into shards: each combination's window is one backend call, which needs enough blocks to keep
    /// every core or device busy. With more combinations the window shrinks so that a window of every
    /// combination stays within <see cref="TargetGroup"/> scenarios (at least one unit), and a sharded run
    /// may take shorter windows, so that every shard gets some.
    /// </summary>
    public const long MinWindow = 1L << 15;

    /// <summary>
    /// Most lever combinations compared in aggregates. A window of every combination holds about
    /// <see cref="TargetGroup"/> floats of every compared outcome (twice, one window reduced while the next
    /// arrives: 80 MB for the five regional shares; one window of a whole ensemble that is not whole units,
    /// held once, up to <see cref="MaxGroup"/> floats, 160 MB for them), and the comparison keeps sketches of the compared and
    /// month outcomes and of the regret per combination (over the slots their values reach): a model v2 run
    /// of 256 policies was resident at 670 MB, and before the sketches were ranged one of 64 at 316 MB, of 4
    /// at 213 MB (bench/README.md).
    /// </summary>
    public const int MaxCombinations = 256;

    /// <summary>
    /// Most scenarios a window of every combination may hold beyond the 64 combinations that keep windows of
    /// <see cref="MinWindow"/> futures: a window is at least one unit, and the units of large Saltelli or Morris
    /// designs (86,016 scenarios for 20 parameters with second order) would otherwise make it hold L units.
    /// It also bounds the one window of an ensemble that is not whole units (<see cref="FitsOneWindow"/>).
    /// </summary>
    public const long MaxGroup = 1L << 23;

    /// <summary>Scenario order over <paramref name="scenarios"/> scenarios.</summary>
    public static RunOrder Scenarios(long scenarios) => new(1, scenarios, 0);

    /// <summary>
    /// Future order for <paramref name="combinations"/> combinations of <paramref name="evaluations"/>
    /// futures each, windows a multiple of <paramref name="unit"/> (one window of the whole ensemble when the
    /// unit does not divide the futures), or null when <see cref="WhyNotFutures"/> gives a reason. A run cut into <paramref name="shards"/>
    /// shards, which fall on whole windows, takes windows short enough for each shard to get about the
    /// same share of them (at least one unit long).
    /// </summary>
    public static RunOrder? Futures(long combinations, long evaluations, int unit, int shards = 1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(shards, 1);
        if (WhyNotFutures(combinations, evaluations, unit, shards) is not null)
        {
            return null;
        }

        if (evaluations % unit != 0)
        {
            return new RunOrder(combinations, evaluations, evaluations);
        }

        var least = Math.Min(MinWindow, TargetGroup / combinations);
        var units = Math.Max((least + unit - 1) / unit, TargetGroup / combinations / unit);
        return new RunOrder(combinations, evaluations, Math.Min(evaluations, (shards == 1 ? units : ShardWindow(evaluations / unit, shards, units)) * unit));
    }

    /// <summary>
    /// The window, in units, for <paramref name="shards"/> shards of <paramref name="total"/> units: at most
    /// <paramref name="most"/> (and the units over the shards), and the one whose largest shard, as
    /// <see cref="Shard"/> cuts whole windows, is smallest; of those, the longest.
    /// </summary>
    private static long ShardWindow(long total, int shards, long most)
    {
        var best = 1L;
        var least = long.MaxValue;
        for (var w = Math.Max(1, Math.Min(most, total / shards)); w >= 1; w--)
        {
            var largest = 0L;
            for (var i = 0; i < shards; i++)
            {
                largest = Math.Max(largest, new Shard(i, shards).Length(total, w));
            }

            if (largest < least)
            {
                (best, least) = (w, largest);
            }
        }

        return best;
    }

    /// <summary>
    /// Why a design of <paramref name="combinations"/> × <paramref name="evaluations"/> cannot run in future order
    /// (cut into <paramref name="shards"/> shards), or null when it can: futures that are not whole units run
    /// in one window, which must hold every scenario at once and cannot be shared out among shards.
    /// </summary>
    public static string? WhyNotFutures(long combinations, long evaluations, int unit, int shards = 1) =>
        combinations < 2 ? "it has no lever combinations to compare"
        : combinations > MaxCombinations ? $"its {combinations:N0} lever combinations are more than the {MaxCombinations} aggregates compare"
        : unit < 1 ? $"its alignment unit {unit} is not positive"
        : evaluations % unit != 0 && FitsOneWindow(combinations, evaluations) && shards == 1 ? null
        : UnitsTooLarge(combinations, unit)
            ? $"a window of each of its {combinations:N0} lever combinations, one {unit:N0}-scenario unit each, would hold {combinations * (long)unit:N0} scenarios, more than the {MaxGroup:N0} aggregates hold at once beyond {TargetGroup / MinWindow} combinations"
        : evaluations % unit != 0
            ? $"its {evaluations:N0} futures are not a whole number of {unit:N0}-scenario units (blocks and sensitivity units; {(evaluations + unit - 1) / unit * unit:N0} futures would be), and "
                + (FitsOneWindow(combinations, evaluations)
                    ? "such an ensemble is compared in one window, which shards cannot share"
                    : $"such an ensemble is compared in one window, which would hold its {combinations * evaluations:N0} scenarios, more than the {MaxGroup:N0} aggregates hold at once")
        : null;

    /// <summary>True when one window of every combination's whole ensemble holds at most <see cref="MaxGroup"/> scenarios.</summary>
    public static bool FitsOneWindow(long combinations, long evaluations) => combinations * evaluations <= MaxGroup;

    /// <summary>True when more than 64 combinations of one <paramref name="unit"/> each would hold more than <see cref="MaxGroup"/> scenarios.</summary>
    public static bool UnitsTooLarge(long combinations, int unit) => combinations > TargetGroup / MinWindow && combinations * (long)unit > MaxGroup;

    /// <summary>True in future order.</summary>
    public bool IsFutures => Window > 0;

    /// <summary>True in future order of one window, the whole ensemble: positions are the scenarios, and the run commits only at its end.</summary>
    public bool IsOneWindow => IsFutures && Window == Evaluations;

    /// <summary>Positions (= scenarios) in all.</summary>
    public long Total => Combinations * Evaluations;

    /// <summary>Positions in a full window of every combination: what shards and commits align to (1 in scenario order).</summary>
    public long GroupSize => IsFutures ? Combinations * Window : 1;

    /// <summary>True when a run may start or commit at <paramref name="position"/>: a window's start, or the end.</summary>
    public bool IsBoundary(long position) => position == Total || position % GroupSize == 0;

    /// <summary>
    /// The scenario ranges of positions [<paramref name="first"/>, <paramref name="first"/> + <paramref name="count"/>),
    /// in run order. In future order both ends must be window boundaries.
    /// </summary>
    public IEnumerable<(long First, long Count)> ScenarioRanges(long first, long count)
    {
        var end = first + count;
        if (first < 0 || count < 0 || end > Total || !IsBoundary(first) || !IsBoundary(end))
        {
            throw new ArgumentOutOfRangeException(nameof(first), $"positions [{first}, {end}) of {Total} do not start and end on windows of {GroupSize}");
        }

        if (!IsFutures || IsOneWindow)
        {
            if (count > 0)
            {
                yield return (first, count);
            }

            yield break;
        }

        for (var g = first / GroupSize; g * GroupSize < end; g++)
        {
            var start = g * Window;
            var length = Math.Min(Window, Evaluations - start);
            for (var c = 0L; c < Combinations; c++)
            {
                yield return ((c * Evaluations) + start, length);
            }
        }
    }

    /// <summary>The scenario at <paramref name="position"/>.</summary>
    public long ScenarioAt(long position)
    {
        if (!IsFutures)
        {
            return position;
        }

        var g = position / GroupSize;
        var start = g * Window;
        var length = Math.Min(Window, Evaluations - start);
        var r = position - (g * GroupSize);
        return (r / length * Evaluations) + start + (r % length);
    }

    /// <summary>How the manifest records the order: null for scenario order, <c>futures/W</c> otherwise.</summary>
    public string? ManifestName => IsFutures ? string.Create(CultureInfo.InvariantCulture, $"futures/{Window}") : null;
}
