namespace ComputeGap.Core.Parameters;

/// <summary>The validity rule a parameter obeys (docs/model.md and docs/model-v2.md, "Valid inputs").</summary>
public enum ParamKind
{
    /// <summary>A share in [0, 1].</summary>
    Fraction,
    /// <summary>A role flag or switch: exactly 0 or 1.</summary>
    Flag,
    /// <summary>An annual growth rate, greater than −1.</summary>
    Growth,
    /// <summary>A whole month from −1 (never) to 600.</summary>
    Month,
    /// <summary>A stock, supply, demand or capacity: finite and ≥ 0.</summary>
    NonNegative,
    /// <summary>Order lag in months: ≥ 1.</summary>
    AtLeastOne,
    /// <summary>A duration that must be strictly positive (chip life in years).</summary>
    Positive,
    /// <summary>An annual decline, a share in [0, 1).</summary>
    Decline,
    /// <summary>Any finite number that float32 holds (the test functions' inputs and coefficients).</summary>
    Real,
}

/// <summary>Checks a value against a <see cref="ParamKind"/>.</summary>
public static class ParamRules
{
    /// <summary>Returns null when <paramref name="value"/> is valid, else the rule it breaks.</summary>
    public static string? Check(ParamKind kind, double value)
    {
        if (!double.IsFinite(value))
        {
            return "must be a finite number (NaN and Infinity are not allowed)";
        }

        return kind switch
        {
            ParamKind.Fraction when value is < 0 or > 1 => "must lie in [0, 1]",
            ParamKind.Flag when value is not (0 or 1) => "must be 0 or 1",
            ParamKind.Growth when value <= -1 => "must be greater than -1",
            ParamKind.Month when value < -1 || value > ModelLimits.MaxMonths || Math.Floor(value) != value
                => $"must be a whole month from -1 (never) to {ModelLimits.MaxMonths}",
            ParamKind.NonNegative when value < 0 => "must be >= 0",
            ParamKind.AtLeastOne when value < 1 => "must be >= 1",
            ParamKind.Positive when value <= 0 => "must be > 0",
            ParamKind.Decline when value is < 0 or >= 1 => "must lie in [0, 1)",
            ParamKind.NonNegative or ParamKind.Fraction or ParamKind.Growth or ParamKind.AtLeastOne or ParamKind.Positive
                when value > float.MaxValue => "is too large for float32",
            ParamKind.Real when Math.Abs(value) > float.MaxValue => "is too large for float32",
            _ => null,
        };
    }
}
