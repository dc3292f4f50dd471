namespace ComputeGap.Core.Lanes;

/// <summary>
/// A lane the CPU backend fills and reads element by element: how many scenarios it holds, and how
/// they move between lanes and arrays. Kernels never use it (<see cref="ScalarLane"/> does not implement it).
/// </summary>
/// <typeparam name="TSelf">The lane type.</typeparam>
public interface IHostLane<TSelf>
    where TSelf : struct, IHostLane<TSelf>
{
    /// <summary>Scenarios per lane.</summary>
    static abstract int Width { get; }

    /// <summary>A lane holding <paramref name="values"/> (at least <see cref="Width"/> of them).</summary>
    static abstract TSelf Load(ReadOnlySpan<float> values);

    /// <summary>Writes the lane's <see cref="Width"/> values to <paramref name="values"/>.</summary>
    void Store(Span<float> values);
}
