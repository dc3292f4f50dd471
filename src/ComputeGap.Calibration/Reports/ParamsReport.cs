using System.Globalization;
using System.Text.Json;
using ComputeGap.Core.Models;
using ComputeGap.IO.Reports;
using ComputeGap.Sweep.Listings;
using ComputeGap.Sweep.Spec;

namespace ComputeGap.Calibration.Reports;

/// <summary>
/// <c>computegap params</c>: every parameter of a model (its descriptor's list) with its unit, the
/// range its rule allows, its baseline value (per region for per-region parameters), source and note;
/// then the model's outcomes, which reports, conditions, comparisons and thresholds name.
/// For people, a line per parameter and its meaning, regional values and source beneath it, within
/// <see cref="TextFit.Width"/> columns; JSON and CSV hold everything, one row per parameter and region.
/// </summary>
public static class ParamsReport
{
    private const int Width = TextFit.Width;

    private const string Detail = "    ";

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>Writes the parameters of <paramref name="baseline"/>'s model with its values; <paramref name="file"/> names the baseline for people.</summary>
    public static void Write(Baseline baseline, string file, ReportFormat format, TextWriter writer)
    {
        var entries = ParamListing.Of(baseline);
        if (format == ReportFormat.Table)
        {
            WriteText(baseline, file, entries, writer);
        }
        else
        {
            ResultTable.Write([Table(baseline, entries), Outcomes(baseline)], format, writer);
        }
    }

    /// <summary>
    /// The model's outcome columns for the baseline's regions: what <c>--outcome</c>, <c>--where</c>,
    /// <c>--compare</c> and a sweep file's <c>"thresholds"</c> name, with each one's kind and meaning.
    /// </summary>
    public static ResultTable Outcomes(Baseline baseline) => new(
        "outcomes",
        $"Outcomes of model {baseline.Model.Name} for the regions of {baseline.SourceName}",
        [new("model", "model", CellFormat.Text), new("name", "outcome", CellFormat.Text), new("kind", "kind", CellFormat.Text), new("meaning", "meaning", CellFormat.Text)],
        [.. baseline.Model.Outcomes(baseline.Regions).Select(o => new object?[] { baseline.Model.Name, o.Name, OutcomeKinds.Name(o.Kind), o.Meaning })]);

    /// <summary>The tidy table: one row per global parameter, one per per-region parameter and region.</summary>
    public static ResultTable Table(Baseline baseline, IReadOnlyList<ParamEntry> entries) => new(
        "parameters",
        $"Parameters of model {baseline.Model.Name} with the values of {baseline.SourceName}",
        [
            new("model", "model", CellFormat.Text), new("name", "name", CellFormat.Text), new("region", "region", CellFormat.Text),
            new("per_region", "per region", CellFormat.Text), new("unit", "unit", CellFormat.Text), new("kind", "kind", CellFormat.Text),
            new("range", "range", CellFormat.Text), new("min", "min", CellFormat.Number), new("min_inclusive", "min incl.", CellFormat.Text),
            new("max", "max", CellFormat.Number), new("max_inclusive", "max incl.", CellFormat.Text), new("whole", "whole", CellFormat.Text),
            new("baseline", "baseline", CellFormat.Number), new("meaning", "meaning", CellFormat.Text),
            new("source", "source", CellFormat.Text), new("note", "note", CellFormat.Text),
        ],
        [.. entries.SelectMany(e => e.Values.Select((value, r) => new object?[]
        {
            baseline.Model.Name, e.Info.Name, e.Info.IsRegional ? baseline.Regions[r] : null, e.Info.IsRegional, e.Source.Unit,
            JsonNamingPolicy.SnakeCaseLower.ConvertName(e.Info.Kind.ToString()), e.Range.Text,
            e.Range.Min, e.Range.MinInclusive, e.Range.Max, e.Range.MaxInclusive, e.Range.Whole,
            value, e.Info.Meaning, e.Source.Source, e.Source.Note,
        }))]);

    private static void WriteText(Baseline baseline, string file, IReadOnlyList<ParamEntry> entries, TextWriter writer)
    {
        var model = baseline.Model;
        var intro = $"{model.Title}. {model.Globals.Count} global parameters"
            + (model.HasRegions ? $" and {model.Regionals.Count} per-region ones, written name[REGION] (regions {string.Join(", ", baseline.Regions)})" : string.Empty)
            + $". Baseline values, units and sources from {file}; --format json or csv gives every source and note in full.";
        foreach (var line in TextFit.Wrap(intro, Width))
        {
            writer.WriteLine(line);
        }

        string[] Head(ParamEntry e) =>
        [
            e.Info.IsRegional ? e.Info.Name + "[REGION]" : e.Info.Name,
            e.Source.Unit.Length > 0 ? e.Source.Unit : "-",
            e.Range.Text,
            e.Info.IsRegional ? "by region" : Show(e.Values[0]),
        ];
        string[][] headers = [["global parameter", "unit", "range", "baseline"], ["per-region parameter", "unit", "range", "baseline"]];
        var heads = entries.Select(Head).ToList();
        var widths = Enumerable.Range(0, 4).Select(c => heads.Concat(headers).Max(h => h[c].Length)).ToArray();
        foreach (var (header, regional) in headers.Zip([false, true]))
        {
            var section = entries.Where(e => e.Info.IsRegional == regional).ToList();
            if (section.Count == 0)
            {
                continue;
            }

            writer.WriteLine();
            writer.WriteLine(Row(header, widths));
            foreach (var e in section)
            {
                writer.WriteLine(Row(Head(e), widths));
                writer.WriteLine(TextFit.Truncate(Detail + e.Info.Meaning, Width));
                if (regional)
                {
                    var values = string.Join(", ", baseline.Regions.Select((region, r) => $"{region} {Show(e.Values[r])}"));
                    foreach (var line in TextFit.Wrap($"baseline: {values}", Width, Detail, "  "))
                    {
                        writer.WriteLine(line);
                    }
                }

                writer.WriteLine(TextFit.Truncate($"{Detail}source: {e.Source.Source}", Width));
            }
        }

        // The outcomes, which reports, conditions, comparisons and thresholds name.
        var outcomes = model.Outcomes(baseline.Regions);
        writer.WriteLine();
        foreach (var line in TextFit.Wrap($"{outcomes.Count} outcome{(outcomes.Count == 1 ? string.Empty : "s")}, as --outcome, --where, --compare and a sweep file's \"thresholds\" name them:", Width))
        {
            writer.WriteLine(line);
        }

        var nameWidth = outcomes.Max(o => o.Name.Length);
        var kindWidth = outcomes.Max(o => OutcomeKinds.Name(o.Kind).Length);
        foreach (var o in outcomes)
        {
            writer.WriteLine(TextFit.Truncate($"{o.Name.PadRight(nameWidth)}  {OutcomeKinds.Name(o.Kind).PadRight(kindWidth)}  {o.Meaning}", Width));
        }
    }

    /// <summary>Name, unit and range left-aligned, the baseline value right-aligned.</summary>
    private static string Row(string[] cells, int[] widths) =>
        string.Join("  ", cells.Select((cell, c) => c == cells.Length - 1 ? cell.PadLeft(widths[c]) : cell.PadRight(widths[c]))).TrimEnd();

    /// <summary>A baseline value as the file writes it (shortest round-trip form).</summary>
    private static string Show(double value) => value.ToString("R", Invariant);
}
