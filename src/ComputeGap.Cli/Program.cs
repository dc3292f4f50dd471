using System.CommandLine;
using ComputeGap.Cli.Commands;
using ComputeGap.Cli.Usage;

namespace ComputeGap.Cli;

/// <summary>Parses the command line and hands over to one command; nothing else happens here.</summary>
public static class Program
{
    public static Task<int> Main(string[] args) => Build().Parse(args).InvokeAsync();

    /// <summary>The command tree, also used by the CLI tests.</summary>
    public static RootCommand Build()
    {
        var root = new RootCommand("ComputeGap: who will hold the world's AI compute, and what would change it? "
            + "Sweeps grids and sampled designs of uncertainties through a month-by-month model of regional AI-compute capacity (v2, a market that clears; v1 kept) and summarises the results: spread, drivers (Sobol, Morris) and thresholds.");
        root.Subcommands.Add(SweepCommand.Create());
        root.Subcommands.Add(SweepsCommand.Create());
        root.Subcommands.Add(SummarizeCommand.Create());
        root.Subcommands.Add(DiscoverCommand.Create());
        root.Subcommands.Add(PlotCommand.Create());
        root.Subcommands.Add(ReportCommand.Create());
        root.Subcommands.Add(BaselineCommand.Create());
        root.Subcommands.Add(CalibrateCommand.Create());
        root.Subcommands.Add(HindcastCommand.Create());
        root.Subcommands.Add(LeversCommand.Create());
        root.Subcommands.Add(ParamsCommand.Create());
        root.Subcommands.Add(DevicesCommand.Create());
        UsageCheckedAction.Install(root);
        return root;
    }
}
