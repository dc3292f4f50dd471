using ComputeGap.Core.Lanes;
using ComputeGap.Core.Model;
using ComputeGap.Core.Reduction;

namespace ComputeGap.Core.Designs;

/// <summary>
/// The one definition of what scenario s is: axis a takes value <see cref="Position"/> (the last axis
/// varies fastest), and a sampled design's uncertain parameters take evaluation s mod its evaluations
/// (<see cref="DesignPoint"/>), so a lever combination's scenarios are one ensemble. The kernels load
/// every thread's parameters with <see cref="Load"/>; host code names scenarios with
/// <see cref="AxisValue"/>. Fast paths that walk consecutive scenarios (the CPU backend's odometer and
/// sampler, the row writer's runs) are tested against it. Device safe.
/// </summary>
public static class ScenarioDesign
{
    /// <summary>The position of axis <paramref name="axis"/>'s value in scenario <paramref name="scenario"/>.</summary>
    public static int Position<TAxes>(in TAxes axes, int axis, long scenario)
        where TAxes : IAxisSource =>
        GridPosition.Of(scenario, axes.Stride(axis), axes.Count(axis));

    /// <summary>The value axis <paramref name="axis"/> takes in scenario <paramref name="scenario"/>.</summary>
    public static float AxisValue<TDesign>(in TDesign design, int axis, long scenario)
        where TDesign : struct, IScenarioDesign =>
        design.AxisValue(design.Offset(axis) + Position(design, axis, scenario));

    /// <summary>The evaluation of the sampled ensemble scenario <paramref name="scenario"/> takes (0 for a grid).</summary>
    public static long Evaluation(in DesignHeader header, long scenario) =>
        header.Dimensions > 0 ? scenario % header.Evaluations : 0;

    /// <summary>The value uncertain parameter <paramref name="k"/> takes in scenario <paramref name="scenario"/>.</summary>
    public static float SampledValue<TDesign>(in TDesign design, int k, long scenario)
        where TDesign : struct, IScenarioDesign
    {
        var header = design.Header;
        return DesignPoint.Value(header, design, Evaluation(header, scenario), k);
    }

    /// <summary>Writes every parameter scenario <paramref name="scenario"/> sets into <paramref name="store"/>: the axes', then the uncertain ones'.</summary>
    public static void Load<TDesign, TStore>(in TDesign design, long scenario, ref TStore store)
        where TDesign : struct, IScenarioDesign
        where TStore : struct, ILaneStore<ScalarLane>
    {
        for (var a = 0; a < design.AxisCount; a++)
        {
            store[design.AxisSlot(a)] = new ScalarLane(AxisValue(design, a, scenario));
        }

        var header = design.Header;
        if (header.Dimensions > 0)
        {
            var evaluation = Evaluation(header, scenario);
            for (var k = 0; k < header.Dimensions; k++)
            {
                store[design.Slot(k)] = new ScalarLane(DesignPoint.Value(header, design, evaluation, k));
            }
        }
    }
}
