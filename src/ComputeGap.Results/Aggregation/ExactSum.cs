using System.Globalization;
using System.Numerics;
using System.Text;

namespace ComputeGap.Engine.Aggregation;

/// <summary>
/// The exact sum of finite doubles, whatever their order: a wide fixed-point integer in units of
/// 2^-1074 (every finite double is a whole number of them), rounded once, to nearest with ties to
/// even, when read. Merging two sums is exact too, so any split of the addends into sums merged in
/// any order gives the same value, bit for bit.
/// </summary>
/// <remarks>
/// The integer is kept as 32-bit digits in 64-bit words over the window of digits touched so far
/// (a few words for data of similar magnitude), with carries propagated lazily, so adding a double
/// costs a few integer additions. <see cref="Canonical"/> gives an order-independent list of doubles
/// whose exact sum is the value, used for writing and comparing.
/// </remarks>
public sealed class ExactSum
{
    private const int ScaleBits = 1074;
    private const int DigitBits = 32;
    private const long DigitMask = 0xFFFF_FFFF;

    /// <summary>Adds between carry propagations: every digit stays below (pending + 1) · 2^32, far from 2^63.</summary>
    private const int NormalizeEvery = 1 << 20;

    // _digits[i] weighs 2^(32 · (_low + i)) units of 2^-1074.
    private long[] _digits = [];
    private int _low;
    private int _pending;

    /// <summary>True when the sum is exactly zero.</summary>
    public bool IsZero => ToScaledInteger().IsZero;

    /// <summary>Adds a finite value exactly.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is NaN or infinite.</exception>
    public void Add(double value)
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, "Only finite values can be summed exactly.");
        }

        var bits = BitConverter.DoubleToInt64Bits(value);
        var exponent = (int)((bits >> 52) & 0x7FF);
        var mantissa = (ulong)bits & ((1UL << 52) - 1);
        if (exponent != 0)
        {
            mantissa |= 1UL << 52;
            exponent--;
        }

        AddMagnitude(mantissa, exponent, bits < 0 ? -1L : 1L);
    }

    /// <summary>Adds <paramref name="value"/> · 2^<paramref name="exponent"/> units of 2^-1074 exactly (a binned sum's bin, see <see cref="BinnedSum"/>).</summary>
    /// <param name="value">Any integer but <see cref="long.MinValue"/>.</param>
    /// <param name="exponent">The power of two of the units, 0 or more.</param>
    public void AddScaled(long value, int exponent)
    {
        ArgumentOutOfRangeException.ThrowIfEqual(value, long.MinValue);
        ArgumentOutOfRangeException.ThrowIfNegative(exponent);
        AddMagnitude((ulong)Math.Abs(value), exponent, value < 0 ? -1L : 1L);
    }

    /// <summary>Adds sign · mantissa · 2^exponent units, mantissa below 2^63.</summary>
    private void AddMagnitude(ulong mantissa, int exponent, long sign)
    {
        if (mantissa == 0)
        {
            return;
        }

        // mantissa << offset spans at most 63 + 31 bits: three digits.
        var digit = exponent >> 5;
        var offset = exponent & (DigitBits - 1);
        var low = mantissa << offset;
        var high = offset == 0 ? 0 : mantissa >> (64 - offset);
        Cover(digit, digit + 3);
        var at = digit - _low;
        _digits[at] += sign * (long)(low & DigitMask);
        _digits[at + 1] += sign * (long)(low >> DigitBits);
        _digits[at + 2] += sign * (long)high;
        if (++_pending >= NormalizeEvery)
        {
            Normalize();
        }
    }

    /// <summary>Adds another exact sum, exactly (<paramref name="other"/> is only read).</summary>
    public void Add(ExactSum other)
    {
        if (other._digits.Length == 0)
        {
            return;
        }

        if (ReferenceEquals(other, this))
        {
            Add(Clone());
            return;
        }

        if (_pending + other._pending + 1 >= NormalizeEvery)
        {
            Normalize();
        }

        Cover(other._low, other._low + other._digits.Length);
        var shift = other._low - _low;
        for (var i = 0; i < other._digits.Length; i++)
        {
            _digits[shift + i] += other._digits[i];
        }

        _pending += other._pending + 1;
        if (_pending >= NormalizeEvery)
        {
            Normalize();
        }
    }

    /// <summary>Makes the sum zero, keeping its digits' storage for the next additions.</summary>
    public void Clear()
    {
        Array.Clear(_digits);
        _pending = 0;
    }

    /// <summary>A copy.</summary>
    public ExactSum Clone() => new() { _digits = (long[])_digits.Clone(), _low = _low, _pending = _pending };

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
            if (!double.IsFinite(part))
            {
                throw new OverflowException("The exact sum is beyond the double range and has no list of finite parts.");
            }

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
        for (var i = _digits.Length - 1; i >= 0; i--)
        {
            total = (total << DigitBits) + _digits[i];
        }

        return total << (DigitBits * _low);
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

    /// <summary>An integer in units of 2^-1074, rounded to the nearest double (ties to even; ±∞ beyond the range).</summary>
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

    /// <summary>Widens the digit window to cover digits <c>[from, to)</c>.</summary>
    private void Cover(int from, int to)
    {
        if (_digits.Length == 0)
        {
            _low = from;
            _digits = new long[to - from];
            return;
        }

        var high = _low + _digits.Length;
        if (from >= _low && to <= high)
        {
            return;
        }

        var low = Math.Min(from, _low);
        var grown = new long[Math.Max(to, high) - low];
        _digits.CopyTo(grown, _low - low);
        _digits = grown;
        _low = low;
    }

    /// <summary>Propagates carries: every digit but the top one in [0, 2^32), the top one signed and below 2^32 in magnitude.</summary>
    private void Normalize()
    {
        _pending = 0;
        if (_digits.Length == 0)
        {
            return;
        }

        long carry = 0;
        for (var i = 0; i < _digits.Length - 1; i++)
        {
            var v = _digits[i] + carry;
            _digits[i] = v & DigitMask;
            carry = v >> DigitBits;
        }

        var top = _digits[^1] + carry;
        _digits[^1] = top;
        if (top >= 1L << DigitBits || top <= -(1L << DigitBits))
        {
            _digits[^1] = top & DigitMask;
            Cover(_low, _low + _digits.Length + 1);
            _digits[^1] = top >> DigitBits;
        }
    }
}
