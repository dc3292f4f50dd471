using ComputeGap.Core.Designs;
using ComputeGap.Core.Reduction;
using ComputeGap.Engine.Aggregation;
using ComputeGap.Engine.Output;
using ComputeGap.Engine.Running;

namespace ComputeGap.Engine.Tests.Designs;

/// <summary>
/// <see cref="ScenarioDesign"/> is the one definition of a scenario's values: the host decoders that
/// walk consecutive scenarios their own faster way (the row writer's axis runs and sampler, the
/// reductions' odometer, the aggregates' shape) give what it gives, for grids and for levers crossed
/// with each sampled design, from starts that cross lever combinations and wrap ensembles.
/// </summary>
public sealed class ScenarioDesignTests
{
    public static TheoryData<string> Plans => new()
    {
        "grid",
        """{ "kind": "lhs", "samples": 3000, "seed": 3 }""",
        """{ "kind": "saltelli", "samples": 256, "seed": 3, "second_order": true }""",
        """{ "kind": "morris", "trajectories": 300, "levels": 6, "seed": 3 }""",
    };

    [Theory]
    [MemberData(nameof(Plans))]
    public void Row_columns_hold_the_values_the_design_defines(string design)
    {
        var plan = Plan(design);
        var decoder = plan.Decoder;
        var columns = new RowColumns(plan);
        // Starts at the beginning, across the first lever combination's end (the grid's middle), and at the end.
        var across = plan.Evaluations > 1 ? plan.Evaluations - 1000 : plan.ScenarioCount / 2;
        foreach (var first in new long[] { 0, across, plan.ScenarioCount - 2500 })
        {
            var chunk = new ChunkBuffers(plan.OutcomeCount, 2500, 0) { First = first, Count = 2500 };
            var rows = columns.For(chunk);
            for (var i = 0; i < chunk.Count; i++)
            {
                var scenario = chunk.First + i;
                for (var a = 0; a < decoder.AxisCount; a++)
                {
                    Assert.Equal(ScenarioDesign.AxisValue(decoder, a, scenario), (float)((double[])rows[1 + a])[i]);
                }

                for (var k = 0; k < decoder.Header.Dimensions; k++)
                {
                    Assert.Equal(ScenarioDesign.SampledValue(decoder, k, scenario), ((float[])rows[1 + decoder.AxisCount + k])[i]);
                }
            }
        }
    }

    [Theory]
    [MemberData(nameof(Plans))]
    public void The_odometer_and_the_aggregate_shape_walk_the_positions_the_design_defines(string design)
    {
        var plan = Plan(design);
        var decoder = plan.Decoder;
        var shape = AggregateShape.From(plan, AggregateBuffers.LayoutFor(plan));
        var memory = new ArrayCursorMemory(new long[2 * MainEffects.MaxAxes]);
        var start = plan.ScenarioCount / 3;
        AxisCursor.Start(decoder, ref memory, start);
        for (var scenario = start; scenario < start + 20_000 && scenario < plan.ScenarioCount; scenario++)
        {
            for (var a = 0; a < decoder.AxisCount; a++)
            {
                var position = ScenarioDesign.Position(decoder, a, scenario);
                Assert.Equal(decoder.Offset(a) + position, AxisCursor.ValueIndex(decoder, memory, a));
                Assert.Equal(position, shape.Position(a, scenario));
                Assert.Equal(plan.AxisValue(a, scenario), shape.AxisValue(a, scenario));
            }

            AxisCursor.Advance(decoder, ref memory);
        }
    }

    /// <summary>Model v2 on a grid of four axes, or the same axes as levers (two of them) over a sampled design of three parameters.</summary>
    private static SweepPlan Plan(string design) => new(Sweep.Spec.SweepSpecParser.Parse(design == "grid"
        ? """
          { "model": "v2", "name": "grid", "horizon_months": 12,
            "axes": [
              { "param": "ree_export_quota", "values": [0.2, 0.6, 1] },
              { "param": "us_priority", "values": [0, 1] },
              { "param": "leakage", "range": { "from": 0, "to": 0.5, "count": 7 } },
              { "param": "fab_capacity_growth", "range": { "from": 1.5, "to": 4, "count": 1000 } } ] }
          """
        : $$"""
          { "model": "v2", "name": "sampled", "horizon_months": 12, "design": {{design}},
            "uncertain": [
              { "param": "ree_export_quota", "uniform": { "from": 0, "to": 1 } },
              { "param": "fab_capacity_growth", "triangular": { "min": 1.5, "mode": 2.5, "max": 4 } },
              { "param": "leakage", "choice": { "values": [0, 0.1, 0.3], "weights": [0.5, 0.3, 0.2] } } ],
            "levers": [ { "param": "us_priority", "values": [0, 0.5, 1] }, { "param": "diffusion_rule", "values": [0, 1] } ] }
          """, "plan.json"));
}
