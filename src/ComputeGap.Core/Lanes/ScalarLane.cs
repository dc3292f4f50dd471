namespace ComputeGap.Core.Lanes;

/// <summary>One scenario per lane: the form the ILGPU kernel and the scalar CPU path use.</summary>
/// <remarks>
/// <see cref="MathF.Pow"/>, <see cref="MathF.Exp"/>, <see cref="MathF.Log(float)"/> and <see cref="MathF.Sin"/> are mapped to device code by ILGPU only when the context enables
/// ILGPU.Algorithms (<c>EnableAlgorithms()</c>); the engine always does.
/// </remarks>
public readonly struct ScalarLane(float value) : ILane<ScalarLane, bool>
{
    /// <summary>The lane's value.</summary>
    public readonly float Value = value;

    public static ScalarLane Broadcast(float value) => new(value);

    public static ScalarLane operator +(ScalarLane a, ScalarLane b) => new(a.Value + b.Value);

    public static ScalarLane operator -(ScalarLane a, ScalarLane b) => new(a.Value - b.Value);

    public static ScalarLane operator *(ScalarLane a, ScalarLane b) => new(a.Value * b.Value);

    public static ScalarLane operator /(ScalarLane a, ScalarLane b) => new(a.Value / b.Value);

    public static ScalarLane Min(ScalarLane a, ScalarLane b) => new(a.Value < b.Value ? a.Value : b.Value);

    public static ScalarLane Max(ScalarLane a, ScalarLane b) => new(a.Value > b.Value ? a.Value : b.Value);

    public static ScalarLane Pow(ScalarLane x, ScalarLane y) => new(MathF.Pow(x.Value, y.Value));

    public static ScalarLane Exp(ScalarLane x) => new(MathF.Exp(x.Value));

    public static ScalarLane Log(ScalarLane x) => new(MathF.Log(x.Value));

    public static ScalarLane Sin(ScalarLane x) => new(MathF.Sin(x.Value));

    public static bool Less(ScalarLane a, ScalarLane b) => a.Value < b.Value;

    public static bool GreaterOrEqual(ScalarLane a, ScalarLane b) => a.Value >= b.Value;

    public static bool Greater(ScalarLane a, ScalarLane b) => a.Value > b.Value;

    public static bool And(bool a, bool b) => a & b;

    public static bool Or(bool a, bool b) => a | b;

    public static bool Not(bool a) => !a;

    public static ScalarLane Select(bool mask, ScalarLane whenTrue, ScalarLane whenFalse) => mask ? whenTrue : whenFalse;
}
