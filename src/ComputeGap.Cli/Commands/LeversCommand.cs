using System.CommandLine;
using ComputeGap.Calibration.Levers;
using ComputeGap.Calibration.Reports;
using ComputeGap.Core.Market;
using ComputeGap.IO.Reports;
using ComputeGap.Sweep.Spec;

namespace ComputeGap.Cli.Commands;

/// <summary><c>computegap levers</c>: every lever of model v2 one at a time from the baseline; exit 3 when a sign is wrong or a lever is inert without a reason.</summary>
public static class LeversCommand
{
    public static Command Create()
    {
        var baselineFile = ModelOptions.Baseline("the built-in data/baseline-v2.json");
        var format = CommonOptions.Format();
        var command = new Command("levers", "Change each lever of model v2 one at a time from the baseline and print its effect on the focus share, access, the rivals' ratio, global compute and the price.")
        {
            baselineFile, format,
        };
        command.SetAction((parse, _) => Guard.RunAsync(
            () =>
            {
                var file = parse.GetValue(baselineFile);
                var baseline = file is null ? BaselineLoader.LoadBuiltIn(ModelV2.Descriptor) : BaselineLoader.Load(file.FullName);
                if (baseline.Model != ModelV2.Descriptor)
                {
                    throw new ArgumentException($"{baseline.SourceName}: the lever table is defined for model v2, not model {baseline.Model.Name}");
                }

                var rows = LeverTable.Run(baseline);
                var finalYear = int.Parse(baseline.StartMonth[..4], System.Globalization.CultureInfo.InvariantCulture) + ((baseline.HorizonMonths - 1) / 12);
                ResultTable.Write(LeverReport.Tables(rows, baseline.Focus, baseline.RivalA, baseline.RivalB, finalYear), parse.GetValue(format), parse.InvocationConfiguration.Output);
                return Task.FromResult(LeverReport.AllHold(rows) ? ExitCodes.Ok : HindcastCommand.CriterionFailed);
            },
            parse.InvocationConfiguration.Error));
        return command;
    }
}
