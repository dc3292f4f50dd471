namespace ComputeGap.Core.Reduction;

/// <summary>A chunk's outcome columns, read by scenario position within the chunk.</summary>
public interface IOutcomeSource
{
    float Get(int column, int local);
}

/// <summary>The grid's axes, for main effects: which value each scenario takes.</summary>
public interface IAxisSource
{
    int AxisCount { get; }

    /// <summary>Position of axis <paramref name="axis"/>'s value in the concatenated value list for <paramref name="scenario"/>.</summary>
    int ValueIndex(int axis, long scenario);
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
