using System.CommandLine;
using ComputeGap.Calibration.Hindcast;
using ComputeGap.Calibration.Reports;
using ComputeGap.Core.Market;
using ComputeGap.IO.Reports;
using ComputeGap.Sweep.Spec;

namespace ComputeGap.Cli.Commands;

/// <summary><c>computegap hindcast</c>: calibrate on 2024, run 2025 out of sample, compare with the data and naive forecasts.</summary>
public static class HindcastCommand
{
    /// <summary>Exit code when a hard criterion fails.</summary>
    public const int CriterionFailed = 3;

    public static Command Create()
    {
        var baselineFile = ModelOptions.Baseline("the built-in data/baseline-v2.json");
        var observed = ModelOptions.Observed();
        var format = CommonOptions.Format();
        var command = new Command("hindcast", "Calibrate model v2 on 2024, run 2025 out of sample and print model, observed, errors, two naive forecasts and pass/fail; exit 3 when a hard criterion fails.")
        {
            baselineFile, observed, format,
        };
        command.SetAction((parse, _) => Guard.RunAsync(
            () =>
            {
                var file = parse.GetValue(baselineFile);
                var baseline = file is null ? BaselineLoader.LoadBuiltIn(ModelV2.Descriptor) : BaselineLoader.Load(file.FullName);
                var result = HindcastRun.Run(baseline, ModelOptions.ObservedData(parse.GetValue(observed)));
                ResultTable.Write(HindcastReport.Tables(result, baseline.Regions, baseline.StartMonth), parse.GetValue(format), parse.InvocationConfiguration.Output);
                return Task.FromResult(result.Passed ? ExitCodes.Ok : CriterionFailed);
            },
            parse.InvocationConfiguration.Error));
        return command;
    }
}
