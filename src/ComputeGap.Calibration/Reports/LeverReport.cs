using ComputeGap.Calibration.Levers;
using ComputeGap.IO.Reports;

namespace ComputeGap.Calibration.Reports;

/// <summary>The lever table: one row per lever with its effects, whether the expected signs hold, and why inert ones are.</summary>
public static class LeverReport
{
    public static IReadOnlyList<ResultTable> Tables(IReadOnlyList<LeverRow> rows, string focus, string rivalA, string rivalB, int finalYear) =>
    [
        new ResultTable(
            "levers",
            $"Levers one at a time from the v2 baseline, effects in {finalYear} ({focus} the focus, {rivalA}/{rivalB} the rivals)",
            [
                new("lever", "lever", CellFormat.Text), new("setting", "setting", CellFormat.Text),
                new("focus_share", $"{focus} share", CellFormat.Percent), new("focus_share_change", "change", CellFormat.PercentagePoints),
                new("focus_accessible_coverage", $"{focus} access. cov.", CellFormat.Percent),
                new("rival_ratio", $"{rivalA}/{rivalB}", CellFormat.Number), new("effective_rival_ratio", "effective", CellFormat.Number),
                new("global_installed", "global H100e", CellFormat.Number), new("global_change", "change", CellFormat.SignedPercent),
                new("price_final", "price", CellFormat.Dollars), new("price_change", "change", CellFormat.SignedPercent),
                new("check", "check", CellFormat.Text), new("mechanism", "mechanism", CellFormat.Text),
            ],
            [.. rows.Select(r => new object?[]
            {
                r.Lever?.Name ?? "baseline", r.Lever?.Setting ?? "-",
                r.Values[LeverMetric.FocusShare], r.Lever is null ? null : r.Change(LeverMetric.FocusShare),
                r.Values[LeverMetric.FocusAccessibleCoverage],
                r.Values[LeverMetric.RivalRatio], r.Values[LeverMetric.EffectiveRivalRatio],
                r.Values[LeverMetric.GlobalInstalled], r.Lever is null ? null : r.Change(LeverMetric.GlobalInstalled),
                r.Values[LeverMetric.Price], r.Lever is null ? null : r.Change(LeverMetric.Price),
                Check(r), r.Lever?.Mechanism ?? "-",
            })]),
    ];

    /// <summary>"ok", "inert: reason", or what fails.</summary>
    public static string Check(LeverRow row)
    {
        if (row.Lever is null)
        {
            return "-";
        }

        var broken = row.Broken.ToList();
        if (broken.Count > 0)
        {
            return "WRONG SIGN: " + string.Join(", ", broken.Select(e => $"{e.Metric} should {(e.Direction > 0 ? "rise" : "fall")}"));
        }

        return row.Inert
            ? row.Lever.InertBecause is { } reason ? "inert: " + reason : "INERT without a reason"
            : row.Lever.InertBecause is not null ? "NOT INERT though docs say so" : "ok";
    }

    /// <summary>True when every lever moves as it should (or is inert for its documented reason).</summary>
    public static bool AllHold(IEnumerable<LeverRow> rows) => rows.All(r => Check(r) is "-" or "ok" || Check(r).StartsWith("inert: ", StringComparison.Ordinal));
}
