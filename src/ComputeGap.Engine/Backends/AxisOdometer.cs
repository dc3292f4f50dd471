using ComputeGap.Core.Model;
using ComputeGap.Engine.Running;

namespace ComputeGap.Engine.Backends;

/// <summary>
/// Each axis's value position for consecutive scenarios: set once by division at a work item's first
/// scenario (<see cref="GridPosition"/>), then stepped scenario by scenario with a compare and an
/// add, instead of two 64-bit divisions per lane and axis.
/// </summary>
internal sealed class AxisOdometer(SweepPlan plan)
{
    private readonly long[] _strides = plan.AxisStrides;
    private readonly int[] _counts = plan.AxisCounts;
    private readonly int[] _position = new int[plan.AxisCounts.Length];

    /// <summary>Scenarios since the current value of each axis began.</summary>
    private readonly long[] _into = new long[plan.AxisCounts.Length];

    /// <summary>Positions every axis at <paramref name="scenario"/>.</summary>
    public void Start(long scenario)
    {
        for (var a = 0; a < _counts.Length; a++)
        {
            _position[a] = GridPosition.Of(scenario, _strides[a], _counts[a]);
            _into[a] = scenario % _strides[a];
        }
    }

    /// <summary>Axis <paramref name="axis"/>'s value position at the current scenario.</summary>
    public int Position(int axis) => _position[axis];

    /// <summary>Moves axis <paramref name="axis"/> on to the next scenario.</summary>
    public void Step(int axis)
    {
        if (++_into[axis] == _strides[axis])
        {
            _into[axis] = 0;
            _position[axis] = _position[axis] + 1 == _counts[axis] ? 0 : _position[axis] + 1;
        }
    }
}
