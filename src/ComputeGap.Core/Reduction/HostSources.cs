using System.Runtime.CompilerServices;

namespace ComputeGap.Core.Reduction;

/// <summary>A chunk's outcome columns in host arrays (column c's scenario first + i at [c][i]).</summary>
public readonly struct ColumnArrays(float[][] columns) : IOutcomeSource
{
    public float Get(int column, int local) => columns[column][local];
}

/// <summary>A record in a host array, from <paramref name="offset"/> on (a block's partial record, or a sensitivity record).</summary>
public readonly struct RecordArray(double[] values, long offset) : IPartialRecord
{
    public double this[int slot]
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => values[offset + slot];
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        set => values[offset + slot] = value;
    }
}

/// <summary>Quantile-sketch counts in a host array (column c's slot s at <c>c · QuantileSketch.Length + s</c>).</summary>
public readonly struct SketchArray(long[] counts) : ISketchCounts
{
    public void Increment(int column, int slot) => counts[(column * QuantileSketch.Length) + slot]++;
}
