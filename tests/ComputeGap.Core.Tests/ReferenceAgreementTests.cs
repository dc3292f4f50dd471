using ComputeGap.Core.Model;
using ComputeGap.Tests.Shared;

namespace ComputeGap.Core.Tests;

/// <summary>The float32 production model against the independent float64 reference (MODEL.md "Precision").</summary>
public sealed class ReferenceAgreementTests
{
    /// <summary>Relative tolerance of MODEL.md: 1e-3 (1e-3 absolute for shares); months within one.</summary>
    public const double Tolerance = 1e-3;

    [Fact]
    public void RandomScenariosAgreeWithReferenceOnEveryOutcome()
    {
        var rng = new Random(20251123);
        for (var i = 0; i < 300; i++)
        {
            var regions = rng.Next(1, 9);
            var scenario = Scenario.Random(rng, regions).WithPriorityRegionsAsTier1();
            var shape = new ModelShape(rng.Next(1, 121), regions, rng.Next(regions), 0, regions - 1);
            var expected = ReferenceModel.Run(scenario.Slots, shape);
            var actual = ScalarRun.Run(scenario.Slots, shape);
            OutcomeAssert.Close(expected.Outcomes, actual.Outcomes, regions, $"scenario {i}");
        }
    }

    [Fact]
    public void LongHorizonOf600MonthsStaysWithinTolerance()
    {
        var rng = new Random(7);
        for (var i = 0; i < 20; i++)
        {
            var scenario = Scenario.Random(rng, 5).WithPriorityRegionsAsTier1();
            var shape = new ModelShape(600, 5, 2, 0, 1);
            OutcomeAssert.Close(ReferenceModel.Run(scenario.Slots, shape).Outcomes, ScalarRun.Run(scenario.Slots, shape).Outcomes, 5, $"scenario {i}");
        }
    }
}
