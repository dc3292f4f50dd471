namespace ComputeGap.Core;

/// <summary>Hard limits of model v1.</summary>
public static class ModelLimits
{
    /// <summary>Model version written into every output.</summary>
    public const string ModelVersion = "1";

    /// <summary>Most regions a scenario may hold; per-region slots are sized for this.</summary>
    public const int MaxRegions = 8;

    /// <summary>Longest horizon, in months.</summary>
    public const int MaxMonths = 600;
}
