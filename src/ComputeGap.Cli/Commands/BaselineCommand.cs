using System.CommandLine;
using ComputeGap.Calibration.Reports;
using ComputeGap.IO.Reports;
using ComputeGap.Sweep.Spec;

namespace ComputeGap.Cli.Commands;

/// <summary><c>computegap baseline</c>: the baseline scenario alone, year by year, and its outcomes.</summary>
public static class BaselineCommand
{
    public static Command Create()
    {
        var baselineFile = ModelOptions.Baseline("the built-in data/baseline-v2.json; data/baseline.json runs model v1");
        var format = CommonOptions.Format();
        var command = new Command("baseline", "Run the baseline scenario alone: supply, sales, unsold output, price and every region's installed compute and share at the end of each year, then every outcome.")
        {
            baselineFile, format,
        };
        command.SetAction((parse, _) => Guard.RunAsync(
            () =>
            {
                var file = parse.GetValue(baselineFile);
                var baseline = file is null ? BaselineLoader.LoadBuiltIn() : BaselineLoader.Load(file.FullName);
                ResultTable.Write(BaselineReport.Tables(baseline), parse.GetValue(format), parse.InvocationConfiguration.Output);
                return Task.FromResult(ExitCodes.Ok);
            },
            parse.InvocationConfiguration.Error));
        return command;
    }
}
