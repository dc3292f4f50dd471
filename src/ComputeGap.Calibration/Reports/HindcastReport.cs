using ComputeGap.Calibration.Hindcast;
using ComputeGap.IO.Reports;

namespace ComputeGap.Calibration.Reports;

/// <summary>The hindcast as tables: the criteria, and which constraint bound each region year by year.</summary>
public static class HindcastReport
{
    public static IReadOnlyList<ResultTable> Tables(HindcastResult result, IReadOnlyList<string> regions, string startMonth) =>
    [
        new ResultTable(
            "criteria",
            $"Hindcast of model v2: calibrated on 2024 (\"in\"), checked out of sample (\"out\"); {(result.Passed ? "every hard criterion passes" : "A HARD CRITERION FAILS")}",
            [
                new("id", "criterion", CellFormat.Text), new("sample", "sample", CellFormat.Text), new("observed", "observed", CellFormat.Number),
                new("model", "model", CellFormat.Number), new("error", "error", CellFormat.SignedPercent),
                new("naive_level_error", "2024 held", CellFormat.SignedPercent), new("naive_growth_error", "growth kept", CellFormat.SignedPercent),
                new("rule", "rule", CellFormat.Text), new("result", "result", CellFormat.Text), new("description", "what", CellFormat.Text),
            ],
            [.. result.Rows.Select(r => new object?[]
            {
                r.Id, r.Sample, double.IsNaN(r.Observed) ? null : new Cell(r.Observed, r.Format), new Cell(r.Model, r.Format), double.IsNaN(r.Error) ? null : new Cell(r.Error, r.Format == CellFormat.Percent ? CellFormat.PercentagePoints : CellFormat.SignedPercent),
                r.NaiveLevelError, r.NaiveGrowthError, r.Rule, r.Passed ? "pass" : r.Kind == CriterionKind.Soft ? "outside (soft)" : "FAIL", r.Criterion,
            })]),
        Constraints(result, regions, startMonth),
    ];

    /// <summary>Per region and year, whether budgets or powered space bound its orders (share of months space-bound), and China's chip limit.</summary>
    private static ResultTable Constraints(HindcastResult result, IReadOnlyList<string> regions, string startMonth)
    {
        var trace = result.Trace;
        var months = trace.Run.MonthCount;
        var first = int.Parse(startMonth[..4], System.Globalization.CultureInfo.InvariantCulture);
        var rows = new List<object?[]>();
        for (var year = 0; year * 12 < months; year++)
        {
            var (from, to) = (12 * year, Math.Min(months, 12 * (year + 1)));
            var row = new List<object?> { (first + year).ToString(System.Globalization.CultureInfo.InvariantCulture) };
            for (var r = 0; r < regions.Count; r++)
            {
                var bound = Enumerable.Range(from, to - from).Count(t => trace.SpaceBound(r, t));
                row.Add(bound == 0 ? "budget" : bound == to - from ? "space" : FormattableString.Invariant($"space {bound}/{to - from}"));
            }

            var hbm = Enumerable.Range(from, to - from).Count(trace.HbmBound);
            row.Add(hbm == to - from ? "HBM" : hbm == 0 ? "wafers" : FormattableString.Invariant($"HBM {hbm}/{to - from}"));
            row.Add(trace.RationedShare(from, to));
            rows.Add([.. row]);
        }

        return new ResultTable(
            "constraints",
            "What bound each region's orders (budget or powered space), China's domestic chips, and the rationed share, by year",
            [
                new("year", "year", CellFormat.Text), .. regions.Select(r => new ResultColumn(r, r, CellFormat.Text)),
                new("domestic_limit", "China's limit", CellFormat.Text), new("rationed_share", "rationed", CellFormat.Percent),
            ],
            rows);
    }
}
