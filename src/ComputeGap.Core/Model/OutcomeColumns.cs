namespace ComputeGap.Core.Model;

/// <summary>
/// The outcome columns of one scenario, in output order: <c>share_&lt;REGION&gt;</c> for each
/// region, then the <see cref="ScalarOutcome"/> values. Backends copy these slots out.
/// </summary>
public static class OutcomeColumns
{
    private static readonly string[] ScalarNames =
    [
        "focus_share_min",
        "focus_coverage",
        "focus_cloud_dependency",
        "focus_target_month",
        "ree_depletion_month",
        "ree_lost_h100e",
        "global_installed",
        "rival_ratio",
        "supply_slack",
    ];

    /// <summary>Number of outcome columns for <paramref name="regions"/> regions.</summary>
    public static int Count(int regions) => regions + ModelSlots.ScalarOutcomeCount;

    /// <summary>The store slot holding outcome column <paramref name="column"/>.</summary>
    public static int Slot(int column, int regions) =>
        column < regions ? ModelSlots.Share(column) : ModelSlots.Of((ScalarOutcome)(column - regions));

    /// <summary>Column names, given the region names in model order.</summary>
    public static IReadOnlyList<string> Names(IReadOnlyList<string> regions)
    {
        var names = new List<string>(Count(regions.Count));
        foreach (var region in regions)
        {
            names.Add("share_" + region);
        }

        names.AddRange(ScalarNames);
        return names;
    }

    /// <summary>True for columns that hold whole months (−1 = never) and are written as integers.</summary>
    public static bool IsMonth(int column, int regions) =>
        column - regions is (int)ScalarOutcome.FocusTargetMonth or (int)ScalarOutcome.ReeDepletionMonth;
}
