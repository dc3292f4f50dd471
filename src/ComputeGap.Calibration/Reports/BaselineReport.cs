using System.Globalization;
using ComputeGap.Calibration.Running;
using ComputeGap.Core.Market;
using ComputeGap.Core.Models;
using ComputeGap.IO.Reports;
using ComputeGap.Sweep.Spec;

namespace ComputeGap.Calibration.Reports;

/// <summary>
/// `computegap baseline`: the baseline scenario alone, year by year. For model v2: supply, sales,
/// unsold and rationed output, the price, and every region's installed H100e and share; for model v1
/// the shares. Then every outcome, with months as calendar months.
/// </summary>
public static class BaselineReport
{
    public static IReadOnlyList<ResultTable> Tables(Baseline baseline)
    {
        var regions = baseline.Regions.ToList();
        var shape = baseline.Shape();
        var run = SingleRun.Run(baseline.Model, baseline.Slots, shape);
        var start = CalendarMonth.Parse(baseline.StartMonth);
        var yearEnds = Enumerable.Range(0, shape.Months).Where(t => CalendarMonth.DateOf(start, t).Month == 12 || t == shape.Months - 1).ToList();
        var years = baseline.Model == ModelV2.Descriptor
            ? MarketYears(new MarketTrace(run, regions.Count), regions, yearEnds, start)
            : ShareYears(run, regions, yearEnds, start);
        var outcomes = baseline.Model.Outcomes(baseline.Regions);
        var yearly = years with { Title = $"Baseline ({baseline.SourceName}, model {baseline.Model.Name}) year by year; installed compute and shares at each year's end" };
        return
        [
            // The test functions have no regions and no months to show: only their outcome.
            .. baseline.Model.HasRegions ? [yearly] : Array.Empty<ResultTable>(),
            new ResultTable(
                "outcomes",
                $"Outcomes after {Month(start, shape.Months - 1)}",
                [new("outcome", "outcome", CellFormat.Text), new("value", "value", CellFormat.Number), new("kind", "kind", CellFormat.Text)],
                [.. outcomes.Select((o, c) => new object?[] { o.Name, Value(run.Outcomes[c], o.Kind, start), OutcomeKinds.Name(o.Kind) })]),
        ];
    }

    /// <summary>A month index as its calendar month, "2030-12" (−1 and other negatives: never).</summary>
    public static string Month(DateOnly start, double month) =>
        month < 0 || !double.IsFinite(month) ? "never" : CalendarMonth.DateOf(start, (int)month).ToString(CalendarMonth.Format, CultureInfo.InvariantCulture);

    private static object Value(double value, OutcomeKind kind, DateOnly start) => kind switch
    {
        OutcomeKind.Month => Month(start, value),
        OutcomeKind.Fraction => new Cell(value, CellFormat.Percent),
        OutcomeKind.Dollars => new Cell(value, CellFormat.Dollars),
        _ => value,
    };

    private static ResultTable MarketYears(MarketTrace trace, List<string> regions, List<int> yearEnds, DateOnly start)
    {
        var rows = new List<object?[]>();
        var from = 0;
        foreach (var end in yearEnds)
        {
            var row = new List<object?>
            {
                Month(start, end), trace.Output(from, end + 1), trace.Sold(from, end + 1), trace.Unsold(from, end + 1),
                trace.RationedShare(from, end + 1), trace.MeanPrice(from, end + 1), trace.InstalledTotal(end),
            };
            row.AddRange(regions.Select((_, r) => (object?)trace.Installed(r, end)));
            row.AddRange(regions.Select((_, r) => (object?)trace.Share(r, end)));
            rows.Add([.. row]);
            from = end + 1;
        }

        return new ResultTable(
            "years",
            string.Empty,
            [
                new("month", "month", CellFormat.Text), new("supply_h100e", "supply", CellFormat.Number), new("sold_h100e", "sold", CellFormat.Number),
                new("unsold_h100e", "unsold", CellFormat.Number), new("rationed_share", "rationed", CellFormat.Percent),
                new("price_usd", "price", CellFormat.Dollars), new("installed_h100e", "installed", CellFormat.Number),
                .. regions.Select(r => new ResultColumn("installed_" + r, r + " H100e", CellFormat.Number)),
                .. regions.Select(r => new ResultColumn("share_" + r, r + " share", CellFormat.Percent)),
            ],
            rows);
    }

    private static ResultTable ShareYears(RunResult run, List<string> regions, List<int> yearEnds, DateOnly start) => new(
        "years",
        string.Empty,
        [new("month", "month", CellFormat.Text), .. regions.Select(r => new ResultColumn("share_" + r, r + " share", CellFormat.Percent))],
        [.. yearEnds.Select(t => (object?[])[Month(start, t), .. regions.Select((_, r) => (object?)(double)run.Months[t, r])])]);
}
