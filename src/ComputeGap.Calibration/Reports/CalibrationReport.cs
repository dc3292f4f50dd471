using ComputeGap.Calibration.Fitting;
using ComputeGap.IO.Reports;

namespace ComputeGap.Calibration.Reports;

/// <summary>The calibration as tables: every calibrated value against the file's, and every fit target.</summary>
public static class CalibrationReport
{
    public static IReadOnlyList<ResultTable> Tables(CalibrationResult result, BaselineValues file) =>
    [
        new ResultTable(
            "values",
            $"Calibrated values of {file.Baseline.SourceName} (stage 0 derived from data, 1 supply fit, 2 market fit)",
            [
                new("parameter", "parameter", CellFormat.Text), new("stage", "stage", CellFormat.Text), new("provenance", "how", CellFormat.Text),
                new("file_value", "in file", CellFormat.Number), new("calibrated", "calibrated", CellFormat.Number),
                new("relative_change", "change", CellFormat.SignedPercent),
            ],
            [.. result.Fitted.Select(v => new object?[]
            {
                v.Name, v.Stage.ToString(System.Globalization.CultureInfo.InvariantCulture), v.Provenance == Provenance.Derived ? "derived" : "fitted",
                file[v.Name], CalibrationResult.Rounded(v.Value), Change(file[v.Name], CalibrationResult.Rounded(v.Value)),
            })]),
        new ResultTable(
            "targets",
            "Fit targets: observed or stated figures and the calibrated model's",
            [
                new("stage", "stage", CellFormat.Text), new("target", "target", CellFormat.Text), new("value", "observed/stated", CellFormat.Number),
                new("model", "model", CellFormat.Number), new("error", "error", CellFormat.SignedPercent), new("source", "source", CellFormat.Text),
            ],
            [.. result.Targets.Select(t => new object?[]
            {
                t.Stage.ToString(System.Globalization.CultureInfo.InvariantCulture), t.Name, t.Target, t.Model, Change(t.Target, t.Model), t.Source,
            })]),
    ];

    private static double Change(double from, double to) => from == 0 ? (to == 0 ? 0 : double.NaN) : (to - from) / Math.Abs(from);
}
