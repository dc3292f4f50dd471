using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace ComputeGap.Core.Reduction;

/// <summary>
/// <see cref="QuantileSketch.Slot"/> for eight values at once: the same slot for every finite value,
/// without a scalar <see cref="MathF.Log(float)"/> per value.
/// </summary>
/// <remarks>
/// <para>
/// The scalar slot is <c>ceil(p_s)</c>, clamped to ±<see cref="QuantileSketch.MaxIndex"/>, with
/// <c>p_s = fl(fl(ln|x|) · c)</c> in float32 and c = <see cref="QuantileSketch.InverseLogGamma"/>.
/// For every finite nonzero float |ln|x|| &lt; 104, so one float ulp of the logarithm is at most
/// 2^-17; libm's logf behind MathF.Log (within one ulp) is off by at most 7.7e-6, which is 3.9e-4
/// after the multiplication by c &lt; 50, and |p_s| &lt; 5,200 &lt; 2^13, so rounding the product
/// adds at most 2^-12 ≈ 2.5e-4: |p_s − ln|x| · c| &lt; 6.4e-4 (3.2e-4 inside the clamped range
/// |x| ≈ 4e-18 … 2e17, where |p| ≤ 2,001).
/// </para>
/// <para>
/// Here |x| = 2^e · m with m in [√½, √2] (read from the float's bits), ln m comes from Cephes' logf
/// polynomial in float32 (|error| &lt; 1e-7 on that interval, 3.4e-8 measured over every float in
/// it, so &lt; 5e-6 in p), and <c>p_v = e · (ln 2 · c) + ln m · c</c> is formed in double precision
/// with the same float constant c, so |p_v − ln|x| · c| &lt; 1e-5 and |p_v − p_s| &lt; 6.5e-4.
/// Where p_v is farther than <see cref="NearInteger"/> (1e-3) from every integer, p_s lies strictly
/// between the same two integers, so both ceilings, and after the same clamp both slots, are equal.
/// Lanes nearer an integer (0.2 % of values) take the scalar <see cref="QuantileSketch.Slot"/>.
/// Subnormal magnitudes (and zero) read as e = −127 and land far below the clamp, as they do in the
/// scalar slot (ln|x| · c &lt; −4,300 there).
/// </para>
/// <para>
/// |x| = 1 is exact in both (ln 1 = +0 in logf and m = 1, e = 0 here: bucket 0) and is common (month
/// outcomes hold −1 for "never"), so it does not take the fallback. Zero has its own slot.
/// Non-finite lanes get an unspecified slot: callers skip them, as the scalar callers do.
/// </para>
/// </remarks>
public static class VectorSketch
{
    /// <summary>Lanes whose scaled logarithm is nearer an integer than this take the scalar path.</summary>
    public const double NearInteger = 1e-3;

    /// <summary>c, the float constant the scalar slot multiplies by, as a double.</summary>
    private const double Scale = QuantileSketch.InverseLogGamma;

    private const double Ln2 = 0.693147180559945309417232121458;

    /// <summary>Lanes a call maps.</summary>
    public static int Width => Vector256<float>.Count;

    /// <summary>The slots of eight values; lanes holding non-finite values get unspecified slots.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<int> Slots(Vector256<float> values)
    {
        var slots = Slots(values, out var near);
        return near == 0 ? slots : Fallback(values, slots, near);
    }

    /// <summary>
    /// The slots of eight values as the vector arithmetic maps them, and in <paramref name="near"/> the
    /// lanes (bit i for lane i) that need <see cref="QuantileSketch.Slot"/> instead (exposed for tests
    /// that count them).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<int> Slots(Vector256<float> values, out uint near)
    {
        // |x| = 2^e · m with m in [√½, √2]; ln m by Cephes' logf polynomial in f = m − 1.
        var bits = values.AsInt32() & Vector256.Create(0x7FFF_FFFF);
        var exponent = Vector256.ShiftRightLogical(bits, 23) - Vector256.Create(127);
        var mantissa = ((bits & Vector256.Create(0x007F_FFFF)) | Vector256.Create(0x3F80_0000)).AsSingle();
        var high = Vector256.GreaterThan(mantissa, Vector256.Create(1.41421356f));
        mantissa = Vector256.ConditionalSelect(high, mantissa * 0.5f, mantissa);
        exponent -= high.AsInt32();
        var f = mantissa - Vector256<float>.One;
        var p = Vector256.Create(7.0376836292e-2f);
        p = Vector256.MultiplyAddEstimate(p, f, Vector256.Create(-1.1514610310e-1f));
        p = Vector256.MultiplyAddEstimate(p, f, Vector256.Create(1.1676998740e-1f));
        p = Vector256.MultiplyAddEstimate(p, f, Vector256.Create(-1.2420140846e-1f));
        p = Vector256.MultiplyAddEstimate(p, f, Vector256.Create(1.4249322787e-1f));
        p = Vector256.MultiplyAddEstimate(p, f, Vector256.Create(-1.6668057665e-1f));
        p = Vector256.MultiplyAddEstimate(p, f, Vector256.Create(2.0000714765e-1f));
        p = Vector256.MultiplyAddEstimate(p, f, Vector256.Create(-2.4999993993e-1f));
        p = Vector256.MultiplyAddEstimate(p, f, Vector256.Create(3.3333331174e-1f));
        var z = f * f;
        var logMantissa = Vector256.MultiplyAddEstimate(p * f, z, Vector256.MultiplyAddEstimate(z, Vector256.Create(-0.5f), f));

        // e · ln 2 · c reaches 4,400: formed in double, where it is exact enough.
        var power = Vector256.ConvertToSingle(exponent);
        var lower = Ceiling(Vector256.WidenLower(power), Vector256.WidenLower(logMantissa), out var nearLower);
        var upper = Ceiling(Vector256.WidenUpper(power), Vector256.WidenUpper(logMantissa), out var nearUpper);
        var index = Vector256.Clamp(
            Vector256.ConvertToInt32Native(Vector256.Narrow(lower, upper)),
            Vector256.Create(-QuantileSketch.MaxIndex),
            Vector256.Create(QuantileSketch.MaxIndex));
        var unit = Vector256.Equals(bits, Vector256.Create(0x3F80_0000)).ExtractMostSignificantBits();
        near = (nearLower | (nearUpper << 4)) & ~unit;

        var positive = index + Vector256.Create(QuantileSketch.BucketsPerSign + 1 + QuantileSketch.MaxIndex);
        var negative = Vector256.Create(QuantileSketch.BucketsPerSign - 1 - QuantileSketch.MaxIndex) - index;
        var slots = Vector256.ConditionalSelect(Vector256.GreaterThan(values, Vector256<float>.Zero).AsInt32(), positive, negative);
        return Vector256.ConditionalSelect(
            Vector256.Equals(values, Vector256<float>.Zero).AsInt32(), Vector256.Create(QuantileSketch.BucketsPerSign), slots);
    }

    /// <summary>The slots of <paramref name="values"/> into <paramref name="slots"/> (non-finite values: unspecified).</summary>
    public static void Slots(Vector<float> values, Span<int> slots)
    {
        if (Vector<float>.Count == Vector256<float>.Count)
        {
            Slots(values.AsVector256()).CopyTo(slots);
            return;
        }

        Span<float> lanes = stackalloc float[Vector<float>.Count];
        values.CopyTo(lanes);
        Slots(lanes, slots);
    }

    /// <summary>The slots of <paramref name="values"/> into <paramref name="slots"/> (non-finite values: unspecified).</summary>
    public static void Slots(ReadOnlySpan<float> values, Span<int> slots)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(slots.Length, values.Length);
        var at = 0;
        for (; at + Width <= values.Length; at += Width)
        {
            Slots(Vector256.Create(values.Slice(at, Width))).CopyTo(slots.Slice(at, Width));
        }

        if (at < values.Length)
        {
            Span<float> tail = stackalloc float[Width];
            Span<int> mapped = stackalloc int[Width];
            tail.Clear();
            values[at..].CopyTo(tail);
            Slots(Vector256.Create<float>(tail)).CopyTo(mapped);
            mapped[..(values.Length - at)].CopyTo(slots[at..]);
        }
    }

    /// <summary>ceil((e · ln 2 + ln m) · c) of four values (unclamped), and the lanes where the product is near an integer.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<double> Ceiling(Vector256<double> exponent, Vector256<double> logMantissa, out uint near)
    {
        var scaled = Vector256.MultiplyAddEstimate(exponent, Vector256.Create(Ln2 * Scale), logMantissa * Vector256.Create(Scale));
        var ceiling = Vector256.Ceiling(scaled);

        // ceiling − scaled is in [0, 1): near an integer when it is within NearInteger of 0 or 1.
        var gap = ceiling - scaled;
        near = Vector256.GreaterThan(Vector256.Abs(gap - Vector256.Create(0.5)), Vector256.Create(0.5 - NearInteger)).ExtractMostSignificantBits();
        return ceiling;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static Vector256<int> Fallback(Vector256<float> values, Vector256<int> slots, uint near)
    {
        do
        {
            var lane = BitOperations.TrailingZeroCount(near);
            slots = slots.WithElement(lane, QuantileSketch.Slot(values.GetElement(lane)));
            near &= near - 1;
        }
        while (near != 0);

        return slots;
    }
}
