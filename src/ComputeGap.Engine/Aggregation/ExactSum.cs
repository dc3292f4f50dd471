using System.Globalization;
using System.Numerics;
using System.Text;

namespace ComputeGap.Engine.Aggregation;

/// <summary>
/// The exact sum of finite doubles, whatever their order: Shewchuk's non-overlapping partials (as in
/// Python's <c>math.fsum</c>), rounded once, to nearest with ties to even, when read. Merging two sums
/// is exact too, so any split of the addends into sums merged in any order gives the same value.
/// </summary>
/// <remarks>
/// The partials themselves depend on the order of addition; <see cref="Canonical"/> gives a form that
/// does not (the greedy expansion of the exact value), used for writing and comparing. The running
/// sum must stay within the double range (|sum| &lt; 2^1024); sums of float32 data are far from it.
/// </remarks>
public sealed class ExactSum
{
    private const int ScaleBits = 1074;
    private double[] _partials = new double[4];

    // Non-zero, non-overlapping, increasing in magnitude.
    private int _count;

    /// <summary>True when the sum is exactly zero.</summary>
    public bool IsZero => _count == 0;

    /// <summary>Adds a finite value exactly.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is NaN or infinite.</exception>
    /// <exception cref="OverflowException">The sum left the double range.</exception>
    public void Add(double value)
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, "Only finite values can be summed exactly.");
        }

        if (value == 0)
        {
            return;
        }

        var x = value;
        var kept = 0;
        for (var j = 0; j < _count; j++)
        {
            var y = _partials[j];
            if (Math.Abs(x) < Math.Abs(y))
            {
                (x, y) = (y, x);
            }

            var hi = x + y;
            var lo = y - (hi - x);
            if (lo != 0)
            {
                _partials[kept++] = lo;
            }

            x = hi;
        }

        if (!double.IsFinite(x))
        {
            throw new OverflowException("An exact sum left the double range.");
        }

        // Every kept partial is non-zero, so the sum is zero exactly when none is kept.
        if (x == 0)
        {
            _count = kept;
            return;
        }

        if (kept == _partials.Length)
        {
            Array.Resize(ref _partials, _partials.Length * 2);
        }

        _partials[kept++] = x;
        _count = kept;
    }

    /// <summary>Adds another exact sum, exactly.</summary>
    public void Add(ExactSum other)
    {
        var count = other._count;
        var partials = ReferenceEquals(other, this) ? other._partials.AsSpan(0, count).ToArray() : other._partials;
        for (var i = 0; i < count; i++)
        {
            Add(partials[i]);
        }
    }

    /// <summary>A copy.</summary>
    public ExactSum Clone()
    {
        var copy = new ExactSum { _partials = (double[])_partials.Clone(), _count = _count };
        return copy;
    }

    /// <summary>The exact sum rounded once to the nearest double (ties to even); +0 for an exact zero.</summary>
    public double Round() => RoundScaled(ToScaledInteger());

    /// <summary>
    /// The exact value as an order-independent list of doubles: the rounded sum, then the rounded
    /// remainder, and so on until nothing remains (empty for zero). Their exact sum is the value.
    /// </summary>
    public IReadOnlyList<double> Canonical()
    {
        var rest = ToScaledInteger();
        var parts = new List<double>();
        while (!rest.IsZero)
        {
            var part = RoundScaled(rest);
            parts.Add(part);
            rest -= Scaled(part);
        }

        return parts;
    }

    /// <summary>The canonical parts as text: round-trip doubles separated by spaces, <c>0</c> for zero.</summary>
    public string ToExactString()
    {
        var parts = Canonical();
        if (parts.Count == 0)
        {
            return "0";
        }

        var text = new StringBuilder();
        foreach (var part in parts)
        {
            text.Append(text.Length == 0 ? string.Empty : " ").Append(part.ToString("R", CultureInfo.InvariantCulture));
        }

        return text.ToString();
    }

    /// <summary>Parses <see cref="ToExactString"/>'s text (any finite doubles separated by spaces).</summary>
    /// <exception cref="FormatException">A part is not a finite number.</exception>
    public static ExactSum Parse(string text)
    {
        var sum = new ExactSum();
        foreach (var part in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (!double.TryParse(part, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
            {
                throw new FormatException($"'{text}' is not an exact sum: '{part}' is not a finite number.");
            }

            sum.Add(value);
        }

        return sum;
    }

    /// <summary>True when both hold exactly the same value.</summary>
    public bool ExactlyEquals(ExactSum other) => ToScaledInteger() == other.ToScaledInteger();

    /// <inheritdoc/>
    public override string ToString() => ToExactString();

    /// <summary>The exact value times 2^1074 (every finite double is an integer in these units).</summary>
    public BigInteger ToScaledInteger()
    {
        var total = BigInteger.Zero;
        for (var i = 0; i < _count; i++)
        {
            total += Scaled(_partials[i]);
        }

        return total;
    }

    /// <summary>A finite double times 2^1074, exactly.</summary>
    public static BigInteger Scaled(double value)
    {
        var bits = BitConverter.DoubleToInt64Bits(value);
        var exponent = (int)((bits >> 52) & 0x7FF);
        var mantissa = bits & ((1L << 52) - 1);
        var shift = 0;
        if (exponent != 0)
        {
            mantissa |= 1L << 52;
            shift = exponent - 1;
        }

        var magnitude = new BigInteger(mantissa) << shift;
        return bits < 0 ? -magnitude : magnitude;
    }

    /// <summary>An integer in units of 2^-1074, rounded to the nearest double (ties to even).</summary>
    public static double RoundScaled(BigInteger scaled)
    {
        var magnitude = BigInteger.Abs(scaled);
        var length = (int)magnitude.GetBitLength();
        double result;
        if (length <= 53)
        {
            result = Math.ScaleB((double)(ulong)magnitude, -ScaleBits);
        }
        else
        {
            var shift = length - 53;
            var kept = magnitude >> shift;
            var rest = magnitude - (kept << shift);
            var half = BigInteger.One << (shift - 1);
            if (rest > half || (rest == half && !kept.IsEven))
            {
                kept += 1;
            }

            result = Math.ScaleB((double)(ulong)kept, shift - ScaleBits);
        }

        return scaled.Sign < 0 ? -result : result;
    }
}
