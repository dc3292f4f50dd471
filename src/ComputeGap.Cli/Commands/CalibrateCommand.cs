using System.CommandLine;
using ComputeGap.Calibration.Fitting;
using ComputeGap.Calibration.Observed;
using ComputeGap.Calibration.Reports;
using ComputeGap.Core.Market;
using ComputeGap.IO.Reports;
using ComputeGap.Sweep.Spec;

namespace ComputeGap.Cli.Commands;

/// <summary><c>computegap calibrate</c>: model v2's documented fit; <c>--write</c> puts its result into the baseline file.</summary>
public static class CalibrateCommand
{
    public static Command Create()
    {
        var baselineFile = ModelOptions.Baseline("the built-in data/baseline-v2.json");
        var observed = ModelOptions.Observed();
        var write = new Option<bool>("--write") { Description = "Write the calibrated values into the --baseline file (sources and notes are kept)." };
        var format = CommonOptions.Format();
        var command = new Command("calibrate", "Fit model v2's baseline to the observed data (docs/model-v2.md, \"Calibration\") and show every value and target.")
        {
            baselineFile, observed, write, format,
        };
        command.SetAction((parse, _) => Guard.RunAsync(
            () =>
            {
                var file = parse.GetValue(baselineFile);
                if (parse.GetValue(write) && file is null)
                {
                    throw new ArgumentException("--write needs --baseline FILE (the built-in baseline cannot be rewritten)");
                }

                var baseline = file is null ? BaselineLoader.LoadBuiltIn(ModelV2.Descriptor) : BaselineLoader.Load(file.FullName);
                var result = Calibrator.Calibrate(baseline, ModelOptions.ObservedData(parse.GetValue(observed)));
                ResultTable.Write(CalibrationReport.Tables(result, new BaselineValues(baseline)), parse.GetValue(format), parse.InvocationConfiguration.Output);
                if (file is not null && parse.GetValue(write))
                {
                    BaselineWriter.Write(file.FullName, result.Fitted);
                    parse.InvocationConfiguration.Error.WriteLine($"wrote {result.Fitted.Count} calibrated values into {file.FullName}");
                }

                return Task.FromResult(ExitCodes.Ok);
            },
            parse.InvocationConfiguration.Error));
        return command;
    }
}
