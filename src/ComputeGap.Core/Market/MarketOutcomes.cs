using ComputeGap.Core.Models;

namespace ComputeGap.Core.Market;

/// <summary>
/// Model v2's outcome columns, in output order: <c>share_&lt;R&gt;</c>, <c>installed_&lt;R&gt;</c>,
/// <c>effective_share_&lt;R&gt;</c> for every region, then the <see cref="MarketOutcome"/> values.
/// </summary>
public static class MarketOutcomes
{
    private const int PerRegion = 3;

    private static readonly OutcomeInfo[] Scalars =
    [
        new("focus_share_min", OutcomeKind.Fraction, "lowest focus share over the run"),
        new("focus_coverage", OutcomeKind.Fraction, "focus installed compute over its own usage demand after the last month"),
        new("focus_accessible_coverage", OutcomeKind.Fraction, "focus installed compute plus cloud over its usage demand after the last month"),
        new("focus_cloud_dependency", OutcomeKind.Fraction, "focus cloud use over its own usage demand after the last month"),
        new("focus_target_month", OutcomeKind.Month, "first month the focus share reaches its target, -1 never"),
        new("ree_depletion_month", OutcomeKind.Month, "first month rare-earth supply falls short, -1 never"),
        new("ree_lost_h100e", OutcomeKind.H100e, "US-designed output lost to rare-earth shortfall, H100e"),
        new("global_installed", OutcomeKind.H100e, "installed compute of all regions after the last month, H100e"),
        new("rival_ratio", OutcomeKind.Ratio, "first rival's installed compute over the second's"),
        new("effective_rival_ratio", OutcomeKind.Ratio, "the same with effective compute (compute_efficiency)"),
        new("price_final", OutcomeKind.Dollars, "price of a H100e in the last month, $"),
        new("price_mean", OutcomeKind.Dollars, "mean price of a H100e over the months, $"),
        new("unsold_h100e", OutcomeKind.H100e, "output that found no buyer, US-designed and domestic, H100e"),
        new("rationed_h100e", OutcomeKind.H100e, "eligible orders left unfilled, H100e"),
        new("cn_domestic_share", OutcomeKind.Fraction, "share of the domestic-supply regions' compute from their own chips"),
    ];

    /// <summary>Outcome columns for <paramref name="regions"/> regions.</summary>
    public static int Count(int regions) => (PerRegion * regions) + MarketSlots.ScalarOutcomeCount;

    /// <summary>The store slot of outcome column <paramref name="column"/>.</summary>
    public static int Slot(int column, int regions) =>
        column < regions ? MarketSlots.Share(column)
        : column < 2 * regions ? MarketSlots.Installed(column - regions)
        : column < 3 * regions ? MarketSlots.EffectiveShare(column - (2 * regions))
        : MarketSlots.Of((MarketOutcome)(column - (3 * regions)));

    /// <summary>The columns, given the region names in model order.</summary>
    public static IReadOnlyList<OutcomeInfo> Infos(IReadOnlyList<string> regions) =>
    [
        .. regions.Select(r => new OutcomeInfo("share_" + r, OutcomeKind.Fraction, $"{r}'s share of installed compute after the last month")),
        .. regions.Select(r => new OutcomeInfo("installed_" + r, OutcomeKind.H100e, $"{r}'s installed compute after the last month, H100e")),
        .. regions.Select(r => new OutcomeInfo("effective_share_" + r, OutcomeKind.Fraction, $"{r}'s share of effective compute after the last month")),
        .. Scalars,
    ];

    /// <summary>The columns the reductions single out.</summary>
    public static KeyColumns Keys(int regions, int focus) =>
        new(focus, (PerRegion * regions) + (int)MarketOutcome.FocusCoverage, (PerRegion * regions) + (int)MarketOutcome.RivalRatio);
}
