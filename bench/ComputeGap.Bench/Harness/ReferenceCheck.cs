using ComputeGap.Bench.Reference;
using ComputeGap.Core.Models;
using ComputeGap.Engine.Backends;
using ComputeGap.Engine.Running;

namespace ComputeGap.Bench.Harness;

/// <summary>The worst disagreement between the specialised reference and the production cpu backend.</summary>
/// <param name="Scenarios">Scenarios compared.</param>
/// <param name="MaxDeviation">Largest |a − b| / max(1, |b|) over every non-month outcome (relative, absolute below 1).</param>
/// <param name="WorstColumn">Where <paramref name="MaxDeviation"/> occurred.</param>
/// <param name="MaxMonthDifference">Largest difference in a month outcome, months.</param>
/// <param name="MonthsDiffering">Month outcomes that differ at all.</param>
internal sealed record CheckResult(long Scenarios, double MaxDeviation, string WorstColumn, double MaxMonthDifference, long MonthsDiffering)
{
    /// <summary>MODEL.md "Precision": 1e-3 on values, one month on month outcomes.</summary>
    public bool Passed => MaxDeviation <= 1e-3 && MaxMonthDifference <= 1;
}

/// <summary>Compares <see cref="SpecialisedModel"/> with <see cref="CpuBackend"/> outcome by outcome.</summary>
internal static class ReferenceCheck
{
    /// <summary>Compares scenarios <c>[first, first + count)</c> of each plan; returns the combined worst case.</summary>
    public static CheckResult Run(params (SweepPlan Plan, long First, int Count)[] ranges)
    {
        using var cpu = new CpuBackend();
        var result = new CheckResult(0, 0, "-", 0, 0);
        foreach (var (plan, first, count) in ranges)
        {
            var expected = new ChunkBuffers(plan.OutcomeCount, count, 0);
            var actual = new ChunkBuffers(plan.OutcomeCount, count, 0);
            cpu.Compute(plan, first, count, expected);
            new SpecialisedModel(plan).Compute(first, count, actual);
            result = Merge(result, Compare(plan, expected, actual, count));
        }

        return result;
    }

    private static CheckResult Compare(SweepPlan plan, ChunkBuffers expected, ChunkBuffers actual, int count)
    {
        double worst = 0, worstMonth = 0;
        long monthsDiffering = 0;
        var worstColumn = "-";
        for (var c = 0; c < plan.OutcomeCount; c++)
        {
            var isMonth = plan.Outcomes[c].Kind == OutcomeKind.Month;
            for (var i = 0; i < count; i++)
            {
                double b = expected.Outcomes[c][i];
                double a = actual.Outcomes[c][i];
                if (isMonth)
                {
                    var difference = Math.Abs(a - b);
                    monthsDiffering += difference > 0 ? 1 : 0;
                    worstMonth = Math.Max(worstMonth, difference);
                    continue;
                }

                var deviation = a.Equals(b) ? 0 : Math.Abs(a - b) / Math.Max(1, Math.Abs(b));
                if (double.IsNaN(deviation) || deviation > worst)
                {
                    worst = double.IsNaN(deviation) ? double.PositiveInfinity : deviation;
                    worstColumn = plan.OutcomeNames[c];
                }
            }
        }

        return new CheckResult(count, worst, worstColumn, worstMonth, monthsDiffering);
    }

    private static CheckResult Merge(CheckResult x, CheckResult y) => new(
        x.Scenarios + y.Scenarios,
        Math.Max(x.MaxDeviation, y.MaxDeviation),
        y.MaxDeviation > x.MaxDeviation ? y.WorstColumn : x.WorstColumn,
        Math.Max(x.MaxMonthDifference, y.MaxMonthDifference),
        x.MonthsDiffering + y.MonthsDiffering);
}
