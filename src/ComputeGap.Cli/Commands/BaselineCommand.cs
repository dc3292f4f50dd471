using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using ComputeGap.Engine.Backends;
using ComputeGap.Engine.Running;
using ComputeGap.Sweep.Spec;

namespace ComputeGap.Cli.Commands;

/// <summary><c>computegap baseline</c>: the baseline scenario alone, each region's share year by year.</summary>
public static class BaselineCommand
{
    public static Command Create()
    {
        var baselineFile = new Option<FileInfo?>("--baseline") { Description = "Baseline file (default: the built-in data/baseline.json)." };
        var format = new Option<string>("--format") { Description = "table, json or csv.", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "json", "csv");
        var command = new Command("baseline", "Run the baseline scenario alone and print each region's share at the end of every year.") { baselineFile, format };
        command.SetAction((parse, cancellationToken) => Guard.RunAsync(
            async () =>
            {
                var file = parse.GetValue(baselineFile);
                var baseline = file is null ? BaselineLoader.LoadBuiltIn() : BaselineLoader.Load(file.FullName);
                var plan = new SweepPlan(SweepSpecParser.ForBaseline(baseline));
                var sink = new MemorySink(plan.OutcomeCount, 1);
                using (var cpu = new CpuBackend())
                {
                    await SweepRunner.RunAsync(plan, cpu, sink, new SweepOptions(Series: true), cancellationToken: cancellationToken).ConfigureAwait(false);
                }

                Print(plan, sink, parse.GetValue(format)!, parse.InvocationConfiguration.Output);
                return ExitCodes.Ok;
            },
            parse.InvocationConfiguration.Error));
        return command;
    }

    private static void Print(SweepPlan plan, MemorySink sink, string format, TextWriter output)
    {
        var spec = plan.Spec;
        var (months, regions) = (plan.Shape.Months, plan.Shape.Regions);
        var start = DateOnly.ParseExact(spec.Baseline.StartMonth + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture);
        var rows = new List<(string Label, float[] Shares)>();
        for (var t = 0; t < months; t++)
        {
            var date = start.AddMonths(t);
            if (date.Month == 12 || t == months - 1)
            {
                var shares = new float[regions];
                for (var r = 0; r < regions; r++)
                {
                    shares[r] = sink.Series[(t * regions) + r];
                }

                rows.Add((date.ToString("yyyy-MM", CultureInfo.InvariantCulture), shares));
            }
        }

        switch (format)
        {
            case "json":
                var json = rows.Select(row => new Dictionary<string, object>
                {
                    ["month"] = row.Label,
                    ["shares"] = spec.Regions.Select((name, r) => (name, value: (double)row.Shares[r])).ToDictionary(x => x.name, x => x.value),
                });
                output.WriteLine(JsonSerializer.Serialize(new { regions = spec.Regions, focus = spec.Regions[spec.Focus], years = json, outcomes = Outcomes(plan, sink) }));
                break;
            case "csv":
                output.WriteLine("month," + string.Join(",", spec.Regions));
                foreach (var (label, shares) in rows)
                {
                    output.WriteLine(label + "," + string.Join(",", shares.Select(s => s.ToString("R", CultureInfo.InvariantCulture))));
                }

                break;
            default:
                output.WriteLine($"Baseline ({spec.Baseline.SourceName}): share of installed AI compute (H100e) at the end of each year");
                output.WriteLine("month    " + string.Concat(spec.Regions.Select(r => $"{r,9}")));
                foreach (var (label, shares) in rows)
                {
                    output.WriteLine($"{label,-9}" + string.Concat(shares.Select(s => $"{s * 100,8:F1}%")));
                }

                output.WriteLine();
                foreach (var (name, value) in Outcomes(plan, sink))
                {
                    output.WriteLine($"{name,-24} {value.ToString("G6", CultureInfo.InvariantCulture)}");
                }

                break;
        }
    }

    private static Dictionary<string, double> Outcomes(SweepPlan plan, MemorySink sink) =>
        plan.OutcomeNames.Select((name, c) => (name, value: (double)sink.Outcomes[c][0])).ToDictionary(x => x.name, x => x.value);
}
