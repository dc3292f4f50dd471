namespace ComputeGap.Core.Reduction;

/// <summary>A chunk's outcome columns, read by scenario position within the chunk.</summary>
public interface IOutcomeSource
{
    float Get(int column, int local);
}

/// <summary>The grid's axes, for main effects (no axes when main effects are off).</summary>
public interface IAxisSource
{
    int AxisCount { get; }

    /// <summary>Number of values of axis <paramref name="axis"/>.</summary>
    int Count(int axis);

    /// <summary>Scenarios between consecutive values of axis <paramref name="axis"/>.</summary>
    long Stride(int axis);

    /// <summary>Index of axis <paramref name="axis"/>'s first value in the concatenated value list.</summary>
    int Offset(int axis);
}

/// <summary>Per-thread scratch for <see cref="AxisCursor"/>: two slots per axis.</summary>
public interface ICursorMemory
{
    long this[int slot] { get; set; }
}

/// <summary>One block's partial record (see <see cref="PartialLayout"/>).</summary>
public interface IPartialRecord
{
    double this[int slot] { get; set; }
}

/// <summary>Quantile-sketch counts: one <see cref="QuantileSketch.Length"/>-slot sketch per outcome column.</summary>
public interface ISketchCounts
{
    void Increment(int column, int slot);
}
