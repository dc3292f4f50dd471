namespace ComputeGap.Plots;

/// <summary>One axis's bar: the outcome's mean at each of the axis's values, lowest to highest.</summary>
/// <param name="Axis">Axis column.</param>
/// <param name="Low">Lowest mean over the axis's values (stored units).</param>
/// <param name="High">Highest mean (stored units).</param>
/// <param name="AtFirstValue">Mean at the axis's smallest value.</param>
/// <param name="AtLastValue">Mean at the axis's largest value.</param>
/// <param name="Inert">The swing is below <see cref="Tornado.InertFraction"/> of the outcome's range.</param>
public sealed record TornadoBar(string Axis, double Low, double High, double AtFirstValue, double AtLastValue, bool Inert)
{
    /// <summary>High − Low, the axis's swing (stored units).</summary>
    public double Swing => High - Low;
}
