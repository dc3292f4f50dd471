namespace ComputeGap.Core.Lanes;

/// <summary>
/// The arithmetic the model is written in. A lane holds one scenario's value (<see cref="ScalarLane"/>,
/// used by the ILGPU kernel) or several scenarios' values side by side (<see cref="VectorLane"/>,
/// used by the vectorised CPU path). The model is generic over this interface, so its equations
/// exist once and are instantiated per lane type; every member is static so the calls resolve at
/// compile time (ILGPU compiles them as ordinary calls, the JIT inlines them).
/// </summary>
/// <typeparam name="TSelf">The lane type.</typeparam>
/// <typeparam name="TMask">Its comparison result: <c>bool</c> for a scalar, a bit mask for a vector.</typeparam>
public interface ILane<TSelf, TMask>
    where TSelf : struct, ILane<TSelf, TMask>
    where TMask : struct
{
    /// <summary>Every lane set to <paramref name="value"/>.</summary>
    static abstract TSelf Broadcast(float value);

    static abstract TSelf operator +(TSelf a, TSelf b);

    static abstract TSelf operator -(TSelf a, TSelf b);

    static abstract TSelf operator *(TSelf a, TSelf b);

    static abstract TSelf operator /(TSelf a, TSelf b);

    static abstract TSelf Min(TSelf a, TSelf b);

    static abstract TSelf Max(TSelf a, TSelf b);

    /// <summary><paramref name="x"/> raised to <paramref name="y"/>, lane by lane.</summary>
    static abstract TSelf Pow(TSelf x, TSelf y);

    /// <summary>e raised to <paramref name="x"/>, lane by lane.</summary>
    static abstract TSelf Exp(TSelf x);

    /// <summary>The natural logarithm of <paramref name="x"/>, lane by lane.</summary>
    static abstract TSelf Log(TSelf x);

    /// <summary>The sine of <paramref name="x"/> (radians), lane by lane (the test functions use it; the models do not).</summary>
    static abstract TSelf Sin(TSelf x);

    static abstract TMask Less(TSelf a, TSelf b);

    static abstract TMask GreaterOrEqual(TSelf a, TSelf b);

    static abstract TMask Greater(TSelf a, TSelf b);

    static abstract TMask And(TMask a, TMask b);

    static abstract TMask Or(TMask a, TMask b);

    static abstract TMask Not(TMask a);

    /// <summary><paramref name="whenTrue"/> where <paramref name="mask"/> is set, else <paramref name="whenFalse"/>.</summary>
    static abstract TSelf Select(TMask mask, TSelf whenTrue, TSelf whenFalse);
}
