namespace ComputeGap.IO.Reports;

/// <summary>Outcome column names as MODEL.md's "Outcomes" table gives them, plus the scenario index.</summary>
public static class OutcomeColumns
{
    /// <summary>Scenario index (Int64).</summary>
    public const string Scenario = "scenario";

    /// <summary>Prefix of the per-region final share columns, <c>share_&lt;REGION&gt;</c>.</summary>
    public const string SharePrefix = "share_";

    /// <summary>Lowest focus share over the run.</summary>
    public const string FocusShareMin = "focus_share_min";

    /// <summary>Focus installed compute over its own demand after the last month.</summary>
    public const string FocusCoverage = "focus_coverage";

    /// <summary>Focus cloud use over its own demand after the last month.</summary>
    public const string FocusCloudDependency = "focus_cloud_dependency";

    /// <summary>First month the focus share reaches its target (Int32; NULL, or −1 in memory, for never).</summary>
    public const string FocusTargetMonth = "focus_target_month";

    /// <summary>First month rare-earth supply falls short (Int32; NULL, or −1 in memory, for never).</summary>
    public const string ReeDepletionMonth = "ree_depletion_month";

    /// <summary>Cumulative output lost to rare-earth shortfall, H100e.</summary>
    public const string ReeLostH100e = "ree_lost_h100e";

    /// <summary>Installed compute of all regions after the last month, H100e.</summary>
    public const string GlobalInstalled = "global_installed";

    /// <summary>First rival's installed compute over the second's (+∞ when the second holds none).</summary>
    public const string RivalRatio = "rival_ratio";

    /// <summary>Cumulative output that found no eligible order, H100e.</summary>
    public const string SupplySlack = "supply_slack";

    /// <summary>The value month outcomes hold in memory for "never" (the kernels' output; NULL in row files).</summary>
    public const int NeverMonth = Parquet.ColumnTypes.NullInt32;

    /// <summary>How the names of month outcomes end.</summary>
    public const string MonthSuffix = "_month";

    /// <summary>The final-share column of <paramref name="region"/>.</summary>
    public static string Share(string region) => SharePrefix + region;

    /// <summary>True for outcomes that are fractions and are shown as percentages.</summary>
    public static bool IsFraction(string column) =>
        column.StartsWith(SharePrefix, StringComparison.Ordinal)
        || column is FocusShareMin or FocusCoverage or FocusCloudDependency;

    /// <summary>True for month outcomes (name ends in <c>_month</c>), whose −1 (NULL in a file) means "never".</summary>
    public static bool IsMonth(string column) => column.EndsWith(MonthSuffix, StringComparison.Ordinal);

    /// <summary>The value meaning "never" in <paramref name="column"/> (<see cref="NeverMonth"/> for a month outcome), else null.</summary>
    public static double? Never(string column) => IsMonth(column) ? NeverMonth : null;
}
