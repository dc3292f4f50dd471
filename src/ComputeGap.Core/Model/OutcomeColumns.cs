using ComputeGap.Core.Models;

namespace ComputeGap.Core.Model;

/// <summary>
/// Model v1's outcome columns, in output order: <c>share_&lt;REGION&gt;</c> for each region, then
/// the <see cref="ScalarOutcome"/> values. Backends copy these slots out.
/// </summary>
public static class OutcomeColumns
{
    private static readonly OutcomeInfo[] Scalars =
    [
        new("focus_share_min", OutcomeKind.Fraction, "lowest focus share over the run"),
        new("focus_coverage", OutcomeKind.Fraction, "focus installed compute over its own usage demand after the last month"),
        new("focus_cloud_dependency", OutcomeKind.Fraction, "focus cloud use over its own usage demand after the last month"),
        new("focus_target_month", OutcomeKind.Month, "first month the focus share reaches its target, -1 never"),
        new("ree_depletion_month", OutcomeKind.Month, "first month rare-earth supply falls short, -1 never"),
        new("ree_lost_h100e", OutcomeKind.H100e, "cumulative output lost to rare-earth shortfall, H100e"),
        new("global_installed", OutcomeKind.H100e, "installed compute of all regions after the last month, H100e"),
        new("rival_ratio", OutcomeKind.Ratio, "first rival's installed compute over the second's"),
        new("supply_slack", OutcomeKind.H100e, "cumulative output that found no eligible order, H100e"),
    ];

    /// <summary>Number of outcome columns for <paramref name="regions"/> regions.</summary>
    public static int Count(int regions) => regions + ModelSlots.ScalarOutcomeCount;

    /// <summary>The store slot holding outcome column <paramref name="column"/>.</summary>
    public static int Slot(int column, int regions) =>
        column < regions ? ModelSlots.Share(column) : ModelSlots.Of((ScalarOutcome)(column - regions));

    /// <summary>The columns, given the region names in model order.</summary>
    public static IReadOnlyList<OutcomeInfo> Infos(IReadOnlyList<string> regions) =>
        [.. regions.Select(r => new OutcomeInfo("share_" + r, OutcomeKind.Fraction, $"{r}'s share of installed compute after the last month")), .. Scalars];

    /// <summary>Column names, given the region names in model order.</summary>
    public static IReadOnlyList<string> Names(IReadOnlyList<string> regions) => [.. Infos(regions).Select(i => i.Name)];

    /// <summary>The columns the reductions single out.</summary>
    public static KeyColumns Keys(int regions, int focus) =>
        new(focus, regions + (int)ScalarOutcome.FocusCoverage, regions + (int)ScalarOutcome.RivalRatio);
}
