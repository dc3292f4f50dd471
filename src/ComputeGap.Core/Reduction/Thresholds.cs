using ComputeGap.Core.Models;

namespace ComputeGap.Core.Reduction;

/// <summary>Which outcome a threshold reads.</summary>
public enum ThresholdTarget
{
    /// <summary>The focus region's final share.</summary>
    FocusShare,
    FocusCoverage,
    RivalRatio,
}

/// <summary>
/// The threshold counts aggregate output keeps: scenarios whose outcome is below a bound. Month
/// outcomes need none (their exact histogram answers "ever" and "by when"). Written as switches,
/// not static arrays, because kernels read them too. Which columns they read is the model's
/// <see cref="KeyColumns"/>.
/// </summary>
public static class Thresholds
{
    /// <summary>Number of thresholds.</summary>
    public const int Count = 7;

    /// <summary>The bound of threshold j (the test is value &lt; bound).</summary>
    public static float Bound(int j) => j switch
    {
        0 => 0.01f,
        1 => 0.02f,
        2 => 0.05f,
        3 => 0.10f,
        4 => 0.20f,
        5 => 0.5f,
        _ => 1f,
    };

    /// <summary>The outcome threshold j reads.</summary>
    public static ThresholdTarget Target(int j) => j < 5 ? ThresholdTarget.FocusShare : (j == 5 ? ThresholdTarget.FocusCoverage : ThresholdTarget.RivalRatio);

    /// <summary>The outcome column threshold j reads.</summary>
    public static int Column(int j, in KeyColumns keys) => Target(j) switch
    {
        ThresholdTarget.FocusShare => keys.FocusShare,
        ThresholdTarget.FocusCoverage => keys.Coverage,
        _ => keys.RivalRatio,
    };

    /// <summary>True when some threshold reads outcome column <paramref name="column"/>.</summary>
    public static bool Reads(int column, in KeyColumns keys) =>
        column == keys.FocusShare || column == keys.Coverage || column == keys.RivalRatio;

    /// <summary>A readable name, e.g. <c>focus_share &lt; 0.05</c>.</summary>
    public static string Name(int j) => Target(j) switch
    {
        ThresholdTarget.FocusShare => FormattableString.Invariant($"focus_share < {Bound(j)}"),
        ThresholdTarget.FocusCoverage => FormattableString.Invariant($"focus_coverage < {Bound(j)}"),
        _ => FormattableString.Invariant($"rival_ratio < {Bound(j)}"),
    };
}
