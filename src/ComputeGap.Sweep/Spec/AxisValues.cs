using System.Collections;

namespace ComputeGap.Sweep.Spec;

/// <summary>
/// An expanded range, computed on demand so an axis of up to 10^9 values costs no memory. Values are
/// monotone from <see cref="First"/> to <see cref="Last"/>, both included.
/// </summary>
internal abstract class RangeValues : IReadOnlyList<double>
{
    protected RangeValues(double from, double to, int count)
    {
        First = from;
        Last = count == 1 ? from : to;
        Count = count;
    }

    /// <summary>The <c>from</c> value.</summary>
    public double First { get; }

    /// <summary>The <c>to</c> value (or <c>from</c> when the count is 1).</summary>
    public double Last { get; }

    public int Count { get; }

    public double this[int index]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfNegative(index);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
            if (index == 0)
            {
                return First;
            }

            if (index == Count - 1)
            {
                return Last;
            }

            // Rounding must not carry a value past the range's ends: the ends are what was validated.
            var value = Interpolate(index);
            return Math.Clamp(value, Math.Min(First, Last), Math.Max(First, Last));
        }
    }

    /// <summary>The value at <paramref name="index"/>, strictly between the ends.</summary>
    protected abstract double Interpolate(int index);

    public IEnumerator<double> GetEnumerator()
    {
        for (var i = 0; i < Count; i++)
        {
            yield return this[i];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

/// <summary><c>range</c>: evenly spaced, <c>from + (to − from)·i/(count − 1)</c>.</summary>
internal sealed class LinearValues(double from, double to, int count) : RangeValues(from, to, count)
{
    // Multiply before dividing: whole-number ends with a whole step give exact whole values (months).
    protected override double Interpolate(int index) => First + ((Last - First) * index / (Count - 1));
}

/// <summary><c>log_range</c>: geometric, <c>from·(to/from)^(i/(count − 1))</c>; from and to &gt; 0.</summary>
internal sealed class GeometricValues(double from, double to, int count) : RangeValues(from, to, count)
{
    // In logs, so a ratio to/from that overflows a double (from tiny, to huge) still interpolates.
    protected override double Interpolate(int index) =>
        Math.Exp(Math.Log(First) + ((Math.Log(Last) - Math.Log(First)) * index / (Count - 1)));
}

/// <summary>Helpers over axis value lists.</summary>
internal static class AxisValues
{
    /// <summary>Value <paramref name="index"/> as written (<see cref="SweepAxis.Written"/>).</summary>
    public static double Written(IReadOnlyList<double> values, int index) =>
        values is RangeValues && index > 0 && index < values.Count - 1
            ? IO.Reports.ReportNumbers.ShortestDecimal((float)values[index])
            : values[index];

    /// <summary>The smallest and the largest value; ranges answer from their ends.</summary>
    public static (double Lowest, double Highest) Bounds(IReadOnlyList<double> values)
    {
        if (values is RangeValues range)
        {
            return (Math.Min(range.First, range.Last), Math.Max(range.First, range.Last));
        }

        var lowest = double.PositiveInfinity;
        var highest = double.NegativeInfinity;
        foreach (var v in values)
        {
            lowest = Math.Min(lowest, v);
            highest = Math.Max(highest, v);
        }

        return (lowest, highest);
    }
}
