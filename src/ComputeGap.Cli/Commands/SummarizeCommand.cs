using System.CommandLine;
using ComputeGap.IO.Parquet;
using ComputeGap.IO.Reports;

namespace ComputeGap.Cli.Commands;

/// <summary><c>computegap summarize FILE_OR_DIR</c>: the report of a sweep's row output.</summary>
public static class SummarizeCommand
{
    /// <summary>Series files sit beside row files and are not rows.</summary>
    public const string SeriesSuffix = ".series.parquet";

    public static Command Create()
    {
        var path = new Argument<string>("path") { Description = "A row file (*.rows.parquet) or a directory of part files." };
        var format = CommonOptions.Format();
        var command = new Command("summarize", "Summarise sweep output: outcome statistics, the focus headline, thresholds and main effects.") { path, format };
        command.SetAction((parse, cancellationToken) => Guard.RunAsync(
            async () =>
            {
                var table = await ParquetTableReader.ReadAsync(parse.GetValue(path)!, SeriesSuffix, cancellationToken).ConfigureAwait(false);
                SummaryReport.Write(SummaryData.FromTable(table), parse.GetValue(format), parse.InvocationConfiguration.Output);
                return ExitCodes.Ok;
            },
            parse.InvocationConfiguration.Error));
        return command;
    }
}
