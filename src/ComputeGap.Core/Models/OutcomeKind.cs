namespace ComputeGap.Core.Models;

/// <summary>What an outcome or series value measures; reports format and label values by it.</summary>
public enum OutcomeKind
{
    /// <summary>A share or coverage, shown as a percentage.</summary>
    Fraction,

    /// <summary>A plain ratio of two quantities (e.g. the rivals' compute ratio).</summary>
    Ratio,

    /// <summary>A month index from the start month, −1 for never; shown as a calendar month.</summary>
    Month,

    /// <summary>A quantity of compute in H100-equivalents.</summary>
    H100e,

    /// <summary>US dollars.</summary>
    Dollars,

    /// <summary>A plain number without a unit (the test functions' output).</summary>
    Number,
}

/// <summary>The names the kinds have in files and metadata.</summary>
public static class OutcomeKinds
{
    /// <summary>The kind's name in metadata: fraction, ratio, month, h100e, usd, number.</summary>
    public static string Name(OutcomeKind kind) => kind switch
    {
        OutcomeKind.Fraction => "fraction",
        OutcomeKind.Ratio => "ratio",
        OutcomeKind.Month => "month",
        OutcomeKind.H100e => "h100e",
        OutcomeKind.Number => "number",
        _ => "usd",
    };

    /// <summary>The kind named <paramref name="name"/>, or null.</summary>
    public static OutcomeKind? Parse(string name) => name switch
    {
        "fraction" => OutcomeKind.Fraction,
        "ratio" => OutcomeKind.Ratio,
        "month" => OutcomeKind.Month,
        "h100e" => OutcomeKind.H100e,
        "usd" => OutcomeKind.Dollars,
        "number" => OutcomeKind.Number,
        _ => null,
    };
}
