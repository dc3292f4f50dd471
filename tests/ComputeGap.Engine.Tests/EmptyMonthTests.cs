using ComputeGap.Core.Model;
using ComputeGap.Engine.Backends;
using ComputeGap.Engine.Running;
using ComputeGap.Sweep.Spec;
using ComputeGap.Tests.Shared;

namespace ComputeGap.Engine.Tests;

/// <summary>
/// Months in which no region holds any compute: every share is 0/0 = NaN. Such a month must not take
/// part in the focus share's minimum, on either lane type (found in review: a NaN month used to
/// replace the running minimum, so the months before it were forgotten).
/// </summary>
public sealed class EmptyMonthTests
{
    // Retention 0 in float32 (12·L rounds to 1), no domestic chips, and no usable supply while
    // Chinese rare earths are cut (months 10 to 15): installed compute is 0 everywhere in those months.
    private const string Text = """
    {
      "model": "v1", "name": "empty-months",
      "horizon_months": 36,
      "set": {
        "chip_life_years": 0.0833333333, "domestic_supply0": 0,
        "ree_cn_share": 1, "ree_export_quota": 0, "ree_stock_months": 0,
        "ree_criticality": 1, "ree_criticality_escalated": 1,
        "ree_controls_start": 10, "ree_controls_end": 16
      },
      "axes": [
        { "param": "dc_growth[EU]", "values": [0.5, 3, 9] },
        { "param": "usage_share[EU]", "values": [0.2, 0.6] }
      ]
    }
    """;

    [Fact]
    public async Task AMonthWithoutComputeDoesNotResetTheFocusShareMinimum()
    {
        var plan = new SweepPlan(SweepSpecParser.Parse(Text, "empty-months.json"));
        using var devices = new Devices();
        using var cpu = devices.Open(BackendChoice.Cpu, 0, out _);
        using var ilgpu = devices.Open(BackendChoice.IlgpuCpu, 0, out _);
        var fromCpu = await CollectingSink.RunAsync(plan, cpu, chunkSize: 1000);
        var fromKernel = await CollectingSink.RunAsync(plan, ilgpu, chunkSize: 1000);
        var column = plan.Shape.Regions + (int)ScalarOutcome.FocusShareMin;

        for (long i = 0; i < plan.ScenarioCount; i++)
        {
            // In float32 the month really is empty (the float64 reference keeps a trace of compute there).
            var inFloat32 = ScalarRun.Run(TestSweeps.Slots(plan, i), plan.Shape);
            Assert.True(float.IsNaN(inFloat32.Shares[12, plan.Shape.Focus]), "the scenario must have a month without compute");
            var expected = ReferenceModel.Run(TestSweeps.Slots(plan, i), plan.Shape).Outcomes[column];
            Assert.InRange(expected, 0.0, 0.1);
            Assert.Equal(expected, fromCpu.Outcomes[column][i], 1e-3);
            Assert.Equal(expected, fromKernel.Outcomes[column][i], 1e-3);
        }
    }
}
