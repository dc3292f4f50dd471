namespace ComputeGap.Calibration.Fitting;

/// <summary>
/// The stated figures the fit uses besides the observed files: statements known before 2025 and the
/// judgements MODEL-v2 asks to be stated (docs/model-v2.md, "Calibration").
/// </summary>
public static class Targets
{
    /// <summary>
    /// US-designed capacity at the end of 2025 over the end of 2024: TSMC said during 2024 that its
    /// CoWoS packaging capacity would roughly double in 2025.
    /// </summary>
    public const double PlannedCapacityGrowth2025 = 2.0;

    /// <summary>Stated share of eligible orders left unfilled in 2024 (months-long lead times easing; a judgement).</summary>
    public const double RationedShare2024 = 0.10;

    /// <summary>Stated share of eligible orders left unfilled in 2025 (lead times shorter again; a judgement).</summary>
    public const double RationedShare2025 = 0.05;

    /// <summary>
    /// China's domestic chips as a share of its AI-chip inflow in 2024 (H100e): halfway between MIIT's
    /// 35 % self-sufficiency of 2023 and the more than 50 % expected for 2025.
    /// </summary>
    public const double ChinaSelfSufficiency2024 = 0.43;

    /// <summary>The cluster snapshot with every region, whose shares outside China split the January 2024 fleet.</summary>
    public const string ClusterSnapshot = "file_to_2025-05-31";

    /// <summary>The price series the model's price is fitted to and checked against ($ per H100e, all makers).</summary>
    public const string CostSeries = "cost_all_makers";
}
