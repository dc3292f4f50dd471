using System.CommandLine;
using ComputeGap.Calibration.Reports;

namespace ComputeGap.Cli.Commands;

/// <summary><c>computegap sweeps</c>: the shipped sweeps, which <c>computegap sweep NAME</c> runs by name.</summary>
public static class SweepsCommand
{
    public static Command Create()
    {
        var format = CommonOptions.Format();
        var command = new Command("sweeps", "List the shipped sweeps (data/sweeps and its folders) with their model, design, scenario count and description; run one with computegap sweep NAME.")
        {
            format,
        };
        command.SetAction((parse, _) => Guard.RunAsync(
            () =>
            {
                SweepsReport.Write(parse.GetValue(format), parse.InvocationConfiguration.Output);
                return Task.FromResult(ExitCodes.Ok);
            },
            parse.InvocationConfiguration.Error));
        return command;
    }
}
