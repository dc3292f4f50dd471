using System.Globalization;

namespace ComputeGap.IO.Reports;

/// <summary>Number formatting shared by the report writers (invariant culture throughout).</summary>
public static class ReportNumbers
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>A fraction as a percentage with about <paramref name="significant"/> significant digits
    /// (no decimals at or above 10^(significant−1) %, at most three), e.g. 0.026 → "2.6 %", 0.41 → "41 %".</summary>
    public static string Percent(double fraction, int significant) =>
        double.IsFinite(fraction) ? Scaled(fraction * 100, significant) + " %" : NonFinite(fraction);

    /// <summary>A difference of fractions in percentage points, e.g. 0.009 → "0.900 pp".</summary>
    public static string PercentagePoints(double fraction) =>
        !double.IsFinite(fraction) ? NonFinite(fraction)
        // Below a thousandth of a point three decimals would print 0.000: two significant digits instead.
        : fraction != 0 && Math.Abs(fraction * 100) < 0.0005 ? (fraction * 100).ToString("G2", Invariant) + " pp"
        : Scaled(fraction * 100, 3) + " pp";

    /// <summary>A probability as a percentage with one decimal, e.g. "93.1 %".</summary>
    public static string Probability(double probability) =>
        double.IsFinite(probability) ? (probability * 100).ToString("F1", Invariant) + " %" : NonFinite(probability);

    /// <summary>A general value: four significant digits below 10 000, else three with a k/M/G/T suffix.</summary>
    public static string Number(double value)
    {
        if (!double.IsFinite(value))
        {
            return NonFinite(value);
        }

        var magnitude = Math.Abs(value);
        if (magnitude < 1e4)
        {
            return value.ToString("G4", Invariant);
        }

        var (scale, suffix) = magnitude switch
        {
            < 1e6 => (1e3, "k"),
            < 1e9 => (1e6, "M"),
            < 1e12 => (1e9, "G"),
            _ => (1e12, "T"),
        };
        return (value / scale).ToString("G3", Invariant) + suffix;
    }

    /// <summary>A count with thousands separators.</summary>
    public static string Count(long count) => count.ToString("N0", Invariant);

    /// <summary>An index or share of variance with three decimals (<c>n/a</c> when not finite).</summary>
    public static string Index(double value) => double.IsFinite(value) ? value.ToString("0.000", Invariant) : "n/a";

    /// <summary>An axis value for the table: its <see cref="AxisExact"/> text when that is short, else six significant digits.</summary>
    public static string AxisValue(double value)
    {
        var exact = AxisExact(value);
        return exact.Length <= 8 ? exact : value.ToString("G6", Invariant);
    }

    /// <summary>
    /// An axis value for machine formats: the shortest decimal that round-trips the float32 the model
    /// computed with (0.26f → "0.26", not its double widening 0.25999999046325684), or the shortest
    /// double text when the value is not a float32 (a column from another tool); empty when not finite.
    /// </summary>
    public static string AxisExact(double value)
    {
        if (!double.IsFinite(value))
        {
            return string.Empty;
        }

        var single = (float)value;
        return (double)single == value ? single.ToString("R", Invariant) : value.ToString("R", Invariant);
    }

    /// <summary>The shortest decimal that reads back as <paramref name="value"/>, as a double: 0.26f → 0.26 (not 0.25999999046325684).</summary>
    public static double ShortestDecimal(float value) => double.Parse(value.ToString("R", Invariant), Invariant);

    /// <summary>Round-trip text for machine formats; empty for non-finite values.</summary>
    public static string Exact(double value) => double.IsFinite(value) ? value.ToString("R", Invariant) : string.Empty;

    private static string Scaled(double value, int significant)
    {
        var decimals = value == 0 ? 0 : Math.Clamp(significant - 1 - (int)Math.Floor(Math.Log10(Math.Abs(value))), 0, 3);
        // 0.99999 rounds up to 1.0000: one digit fewer after the decimal point then keeps the significant digits.
        if (decimals > 0 && Math.Abs(Math.Round(value, decimals)) >= Math.Pow(10, significant - decimals))
        {
            decimals--;
        }

        return value.ToString("F" + decimals.ToString(Invariant), Invariant);
    }

    private static string NonFinite(double value) =>
        double.IsNaN(value) ? "n/a" : value > 0 ? "inf" : "-inf";
}
