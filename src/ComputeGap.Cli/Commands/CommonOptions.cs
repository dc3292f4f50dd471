using System.CommandLine;
using ComputeGap.IO.Reports;

namespace ComputeGap.Cli.Commands;

/// <summary>Options shared by several commands.</summary>
public static class CommonOptions
{
    public static Option<ReportFormat> Format() => new("--format")
    {
        Description = "Summary format: table (for people), json or csv (for scripts).",
        DefaultValueFactory = _ => ReportFormat.Table,
    };
}
