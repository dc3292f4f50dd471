using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace ComputeGap.Core.Lanes;

/// <summary><see cref="Vector{T}.Count"/> scenarios per lane, for the vectorised CPU path.</summary>
public readonly struct VectorLane(Vector<float> value) : ILane<VectorLane, Vector<int>>, IHostLane<VectorLane>
{
    /// <summary>The lanes' values.</summary>
    public readonly Vector<float> Value = value;

    /// <summary>Scenarios per lane on this machine.</summary>
    public static int Width => Vector<float>.Count;

    public static VectorLane Load(ReadOnlySpan<float> values) => new(new Vector<float>(values));

    public void Store(Span<float> values) => Value.CopyTo(values);

    public static VectorLane Broadcast(float value) => new(new Vector<float>(value));

    public static VectorLane operator +(VectorLane a, VectorLane b) => new(a.Value + b.Value);

    public static VectorLane operator -(VectorLane a, VectorLane b) => new(a.Value - b.Value);

    public static VectorLane operator *(VectorLane a, VectorLane b) => new(a.Value * b.Value);

    public static VectorLane operator /(VectorLane a, VectorLane b) => new(a.Value / b.Value);

    /// <summary>
    /// The platform's own minimum (one <c>vminps</c> on x86: <c>a &lt; b ? a : b</c>, as <see cref="ScalarLane"/>);
    /// <see cref="Vector.Min{T}(Vector{T}, Vector{T})"/> orders NaN and signed zeros the IEEE 754-2019 way at
    /// four instructions each. The model never passes NaN to Min or Max (the one quantity that can be
    /// NaN, a share when no region holds compute, is compared explicitly), so the two agree there.
    /// </summary>
    public static VectorLane Min(VectorLane a, VectorLane b) => new(Vector.MinNative(a.Value, b.Value));

    /// <summary>The platform's own maximum (see <see cref="Min"/>).</summary>
    public static VectorLane Max(VectorLane a, VectorLane b) => new(Vector.MaxNative(a.Value, b.Value));

    /// <summary>Lane-wise sine with <see cref="MathF.Sin"/>, lane by lane (only the test functions call it).</summary>
    public static VectorLane Sin(VectorLane x)
    {
        Span<float> lanes = stackalloc float[Vector<float>.Count];
        for (var i = 0; i < lanes.Length; i++)
        {
            lanes[i] = MathF.Sin(x.Value[i]);
        }

        return new(new Vector<float>(lanes));
    }

    /// <summary>Lane-wise power; the model calls it once per scenario, not per month, so a lane loop is cheap.</summary>
    public static VectorLane Pow(VectorLane x, VectorLane y)
    {
        Span<float> lanes = stackalloc float[Vector<float>.Count];
        for (var i = 0; i < lanes.Length; i++)
        {
            lanes[i] = MathF.Pow(x.Value[i], y.Value[i]);
        }

        return new(new Vector<float>(lanes));
    }

    /// <summary>
    /// Lane-wise e^x (model v2 takes one a month): <see cref="LaneMath.Exp"/> in the low lanes of an
    /// AVX-512 register where it runs, so both host lanes give a scenario the same bits; else .NET's.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static VectorLane Exp(VectorLane x) => new(Wide<ExpFunction>(x.Value));

    /// <summary>Lane-wise natural logarithm: <see cref="LaneMath.Log"/> where it runs, as <see cref="Exp"/>; else .NET's.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static VectorLane Log(VectorLane x) => new(Wide<LogFunction>(x.Value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<int> Less(VectorLane a, VectorLane b) => Vector.LessThan(a.Value, b.Value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<int> GreaterOrEqual(VectorLane a, VectorLane b) => Vector.GreaterThanOrEqual(a.Value, b.Value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<int> Greater(VectorLane a, VectorLane b) => Vector.GreaterThan(a.Value, b.Value);

    public static Vector<int> And(Vector<int> a, Vector<int> b) => a & b;

    public static Vector<int> Or(Vector<int> a, Vector<int> b) => a | b;

    public static Vector<int> Not(Vector<int> a) => ~a;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static VectorLane Select(Vector<int> mask, VectorLane whenTrue, VectorLane whenFalse) =>
        new(Vector.ConditionalSelect(mask.As<int, float>(), whenTrue.Value, whenFalse.Value));

    /// <summary><typeparamref name="TF"/> through <see cref="LaneMath"/> when AVX-512F runs and Vector&lt;float&gt; is 256 or 512 bits wide.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector<float> Wide<TF>(Vector<float> x)
        where TF : struct, ILaneFunction
    {
        if (LaneMath.IsSupported && Vector<float>.Count == Vector256<float>.Count)
        {
            return TF.Apply(x.AsVector256().ToVector512Unsafe()).GetLower().AsVector();
        }

        if (LaneMath.IsSupported && Vector<float>.Count == Vector512<float>.Count)
        {
            return TF.Apply(x.AsVector512()).AsVector();
        }

        return TF.Fallback(x);
    }

    /// <summary>A function of <see cref="LaneMath"/> and .NET's vectorised counterpart.</summary>
    private interface ILaneFunction
    {
        static abstract Vector512<float> Apply(Vector512<float> x);

        static abstract Vector<float> Fallback(Vector<float> x);
    }

    private readonly struct ExpFunction : ILaneFunction
    {
        public static Vector512<float> Apply(Vector512<float> x) => LaneMath.Exp(x);

        public static Vector<float> Fallback(Vector<float> x) => Vector.Exp(x);
    }

    private readonly struct LogFunction : ILaneFunction
    {
        public static Vector512<float> Apply(Vector512<float> x) => LaneMath.Log(x);

        public static Vector<float> Fallback(Vector<float> x) => Vector.Log(x);
    }
}
