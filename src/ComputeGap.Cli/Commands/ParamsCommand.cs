using System.CommandLine;
using ComputeGap.Calibration.Reports;
using ComputeGap.Core.Models;
using ComputeGap.Sweep.Spec;

namespace ComputeGap.Cli.Commands;

/// <summary><c>computegap params [--model v1|v2]</c>: every parameter of a model with its unit, range, baseline value and source.</summary>
public static class ParamsCommand
{
    public static Command Create()
    {
        var model = new Option<string>("--model", "-m")
        {
            Description = $"The model whose parameters to list (default {ModelCatalog.Default.Name}).",
            DefaultValueFactory = _ => ModelCatalog.Default.Name,
        };
        model.AcceptOnlyFromAmong([.. ModelCatalog.All.Select(m => m.Name)]);
        var format = CommonOptions.Format();
        var command = new Command("params", "List every parameter of a model: its unit, the range it allows, its baseline value (per region where it has one), and the baseline's source for it; then its outcomes (the names --outcome, --where, --compare and a sweep file's \"thresholds\" take).")
        {
            model, format,
        };
        command.SetAction((parse, _) => Guard.RunAsync(
            () =>
            {
                var descriptor = ModelCatalog.Find(parse.GetValue(model)!)!;
                ParamsReport.Write(BaselineLoader.LoadBuiltIn(descriptor), $"data/{descriptor.BaselineFile} (built in)", parse.GetValue(format), parse.InvocationConfiguration.Output);
                return Task.FromResult(ExitCodes.Ok);
            },
            parse.InvocationConfiguration.Error));
        return command;
    }
}
