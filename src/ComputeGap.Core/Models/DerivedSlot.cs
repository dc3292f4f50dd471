using ComputeGap.Core.Lanes;

namespace ComputeGap.Core.Models;

/// <summary>How a derived slot follows from one parameter (a per-scenario constant taken once).</summary>
public enum Transform
{
    /// <summary><c>(1 + x)^(1/12)</c>: the monthly factor of an annual growth rate.</summary>
    MonthlyFactor,

    /// <summary><c>(1 + x)^(1/12) − 1</c>: the monthly rate of an annual growth rate.</summary>
    MonthlyRate,

    /// <summary><c>(1 − x)^(1/12)</c>: the monthly factor of an annual decline.</summary>
    MonthlyDecline,

    /// <summary><c>2^(−1/(12·x))</c>: the monthly factor that halves a quantity in x years.</summary>
    Halving,
}

/// <summary>
/// A slot holding a function of one parameter slot. Each depends on one parameter only, so the CPU
/// backend takes it once per axis value (and once per sweep for fixed values) instead of a power
/// per scenario; stores that do not have them (<see cref="ILaneStore{TLane}.HasDerivedSlots"/>
/// false) let the model take them per scenario. Either way the value is <see cref="Transforms.Apply(Transform, float)"/>, to the bit.
/// </summary>
/// <param name="Param">The parameter slot.</param>
/// <param name="Slot">The derived slot.</param>
/// <param name="Transform">The function.</param>
public readonly record struct DerivedSlot(int Param, int Slot, Transform Transform);

/// <summary>The derived-slot functions, in float32 on the host and in lanes in the model: the same operations in the same order.</summary>
public static class Transforms
{
    /// <summary>The function in float32.</summary>
    public static float Apply(Transform transform, float x) => transform switch
    {
        Transform.MonthlyFactor => MathF.Pow(1f + x, 1f / 12f),
        Transform.MonthlyRate => MathF.Pow(1f + x, 1f / 12f) - 1f,
        Transform.MonthlyDecline => MathF.Pow(1f - x, 1f / 12f),
        _ => MathF.Pow(2f, -1f / (12f * x)),
    };

    /// <summary>The function lane by lane (a switch, not a table: kernels call it).</summary>
    public static TL Apply<TL, TM>(Transform transform, TL x)
        where TL : struct, ILane<TL, TM>
        where TM : struct
    {
        var one = TL.Broadcast(1f);
        var twelfth = TL.Broadcast(1f / 12f);
        return transform switch
        {
            Transform.MonthlyFactor => TL.Pow(one + x, twelfth),
            Transform.MonthlyRate => TL.Pow(one + x, twelfth) - one,
            Transform.MonthlyDecline => TL.Pow(one - x, twelfth),
            _ => TL.Pow(TL.Broadcast(2f), TL.Broadcast(-1f) / (TL.Broadcast(12f) * x)),
        };
    }
}
