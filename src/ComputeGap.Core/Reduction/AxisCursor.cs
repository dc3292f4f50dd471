using ComputeGap.Core.Model;

namespace ComputeGap.Core.Reduction;

/// <summary>
/// Walks consecutive scenarios like an odometer: each axis's value position and the scenarios left
/// until it changes. Starting costs two divisions per axis; each step a decrement and a compare, where
/// decoding every scenario afresh would cost two 64-bit divisions per axis.
/// </summary>
public static class AxisCursor
{
    /// <summary>Positions the cursor on <paramref name="scenario"/>.</summary>
    public static void Start<TAxes, TMemory>(in TAxes axes, ref TMemory memory, long scenario)
        where TAxes : struct, IAxisSource
        where TMemory : struct, ICursorMemory
    {
        for (var a = 0; a < axes.AxisCount; a++)
        {
            var stride = axes.Stride(a);
            memory[2 * a] = GridPosition.Of(scenario, stride, axes.Count(a));
            memory[(2 * a) + 1] = stride - (scenario % stride);
        }
    }

    /// <summary>The concatenated-value index axis <paramref name="axis"/> takes at the cursor.</summary>
    public static int ValueIndex<TAxes, TMemory>(in TAxes axes, in TMemory memory, int axis)
        where TAxes : struct, IAxisSource
        where TMemory : struct, ICursorMemory =>
        axes.Offset(axis) + (int)memory[2 * axis];

    /// <summary>Moves to the next scenario.</summary>
    public static void Advance<TAxes, TMemory>(in TAxes axes, ref TMemory memory)
        where TAxes : struct, IAxisSource
        where TMemory : struct, ICursorMemory
    {
        for (var a = 0; a < axes.AxisCount; a++)
        {
            var left = memory[(2 * a) + 1] - 1;
            if (left == 0)
            {
                left = axes.Stride(a);
                var position = memory[2 * a] + 1;
                memory[2 * a] = position == axes.Count(a) ? 0 : position;
            }

            memory[(2 * a) + 1] = left;
        }
    }
}

/// <summary>Which value each axis takes as a reduction walks a block's scenarios in order.</summary>
public interface IAxisCursor
{
    /// <summary>Positions the cursor on <paramref name="scenario"/>.</summary>
    void Start(long scenario);

    /// <summary>Moves to the next scenario.</summary>
    void Advance();

    /// <summary>The concatenated-value index axis <paramref name="axis"/> takes at the cursor.</summary>
    int ValueIndex(int axis);
}

/// <summary>The <see cref="AxisCursor"/> odometer over per-thread scratch memory (one GPU thread per block and column).</summary>
public struct OdometerCursor<TAxes, TMemory> : IAxisCursor
    where TAxes : struct, IAxisSource
    where TMemory : struct, ICursorMemory
{
    private readonly TAxes _axes;
    private TMemory _memory;

    public OdometerCursor(TAxes axes, TMemory memory)
    {
        _axes = axes;
        _memory = memory;
    }

    public void Start(long scenario) => AxisCursor.Start(_axes, ref _memory, scenario);

    public void Advance() => AxisCursor.Advance(_axes, ref _memory);

    public readonly int ValueIndex(int axis) => AxisCursor.ValueIndex(_axes, _memory, axis);
}
