using ComputeGap.IO.Reports;
using ComputeGap.Sweep.Listings;
using ComputeGap.Sweep.Spec;

namespace ComputeGap.Calibration.Reports;

/// <summary>
/// <c>computegap sweeps</c>: the shipped sweeps with their model, design, size and description. For
/// people, the description's first sentence cut to fit <see cref="TextFit.Width"/> columns; JSON and CSV carry
/// the whole description and the file's path.
/// </summary>
public static class SweepsReport
{
    private const int Width = TextFit.Width;

    private static readonly string[] Headers = ["name", "model", "design", "scenarios", "description"];

    /// <summary>Reads every shipped sweep (a parse each, no run) and writes them.</summary>
    public static void Write(ReportFormat format, TextWriter writer)
    {
        var sweeps = ShippedSweeps.All().Select(s => (Shipped: s, Spec: SweepSpecParser.Load(s.Path))).ToList();
        if (format != ReportFormat.Table)
        {
            ResultTable.Write([Table(sweeps)], format, writer);
            return;
        }

        foreach (var line in TextFit.Wrap($"Run one with: computegap sweep NAME. Shipped sweeps, in {Path.Combine(ShippedData.Require(), "sweeps")}:", Width))
        {
            writer.WriteLine(line);
        }

        List<string[]> rows = [[.. Headers]];
        rows.AddRange(sweeps.Select(s => new[] { s.Shipped.Name, s.Spec.Model.Name, Design(s.Spec), ReportNumbers.Count(s.Spec.ScenarioCount), s.Spec.Description.Length > 0 ? TextFit.FirstSentence(s.Spec.Description) : "-" }));
        var used = Enumerable.Range(0, 4).Sum(c => rows.Max(r => r[c].Length) + 2);
        foreach (var row in rows)
        {
            row[4] = TextFit.Truncate(row[4], Width - used);
        }

        TextTable.Write(rows, writer, string.Empty, c => c == 3);
    }

    private static ResultTable Table(IReadOnlyList<(ShippedSweep Shipped, SweepSpec Spec)> sweeps) => new(
        "sweeps",
        "Shipped sweeps",
        [
            new("name", "name", CellFormat.Text), new("path", "path", CellFormat.Text), new("sweep_name", "sweep name", CellFormat.Text),
            new("model", "model", CellFormat.Text), new("design", "design", CellFormat.Text), new("scenarios", "scenarios", CellFormat.Number),
            new("horizon_months", "months", CellFormat.Number), new("summary", "summary", CellFormat.Text), new("description", "description", CellFormat.Text),
        ],
        [.. sweeps.Select(s => new object?[]
        {
            s.Shipped.Name, s.Shipped.Path, s.Spec.Name, s.Spec.Model.Name, Design(s.Spec), (double)s.Spec.ScenarioCount,
            (double)s.Spec.HorizonMonths, TextFit.FirstSentence(s.Spec.Description), s.Spec.Description,
        })]);

    private static string Design(SweepSpec spec) => SweepSpecParser.DesignKindName(spec.DesignKind);
}
