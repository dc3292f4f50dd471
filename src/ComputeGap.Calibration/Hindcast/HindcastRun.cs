using ComputeGap.Calibration.Fitting;
using ComputeGap.Calibration.Observed;
using ComputeGap.Calibration.Running;
using ComputeGap.Core.Models;
using ComputeGap.IO.Reports;
using ComputeGap.Sweep.Spec;

namespace ComputeGap.Calibration.Hindcast;

/// <summary>
/// `computegap hindcast`: calibrate on 2024 and what was known before 2025, run 2025 out of sample,
/// and compare with the data and two naive forecasts (2024's level held; 2024's growth extended), with
/// the pass rules of docs/model-v2.md, "Tests of truth".
/// </summary>
public static class HindcastRun
{
    /// <summary>Months 0–11 are 2024, 12–23 are 2025 (t = 0 is January 2024).</summary>
    private const int Year2025 = 12;

    public static HindcastResult Run(Baseline baseline, ObservedData observed)
    {
        var calibration = Calibrator.Calibrate(baseline, observed);
        var values = calibration.Values;
        var regions = values.Regions.ToList();
        var shape = baseline.Shape();
        var trace = new MarketTrace(SingleRun.Run(values.Model, values.Slots, shape), regions.Count);
        var china = regions.IndexOf(DerivedValues.ChinaRegion(values));
        var rows = new List<HindcastRow>();

        // US-designed output, 2025 and its last quarter.
        var y23 = observed.YearOutput(2023);
        var y24 = observed.YearOutput(2024);
        var q4y23 = observed.QuarterOutput("2023Q4");
        var q4y24 = observed.QuarterOutput("2024Q4");
        rows.Add(Compare("output_2025", "US-designed output 2025, H100e", observed.YearOutput(2025), trace.Output(Year2025, 24), y24, y24 * y24 / y23, 0.20));
        rows.Add(Compare("output_q4_2025", "US-designed output Q4 2025, H100e", observed.QuarterOutput("2025Q4"), trace.Output(21, 24), q4y24, q4y24 * q4y24 / q4y23, 0.25));

        // Unsold output below 5 % of output in every year of the baseline.
        for (var year = 0; year * 12 < shape.Months; year++)
        {
            var (from, to) = (12 * year, Math.Min(shape.Months, 12 * (year + 1)));
            var share = trace.Unsold(from, to) / trace.Output(from, to);
            rows.Add(new HindcastRow($"unsold_{2024 + year}", $"US-designed output unsold in {2024 + year}, share", year == 0 ? "in" : "out",
                double.NaN, share, double.NaN, null, null, null, null, "below 5 %", share < 0.05, CriterionKind.Hard, CellFormat.Percent));
        }

        // The installed stock at the end of 2025 against every quarter's output since 2022 aged by the model's rule.
        var quarters = Enumerable.Range(DerivedValues.FirstFleetYear, 2026 - DerivedValues.FirstFleetYear)
            .SelectMany(y => Enumerable.Range(1, 4).Select(q => observed.QuarterOutput(ObservedData.Quarter(y, q))));
        var (young, old) = AgeingChain.Run(quarters, values["chip_life_years"]);
        rows.Add(Compare("installed_end_2025", "US-designed chips installed end-2025 (output since 2022, aged), H100e",
            young + old, trace.InstalledTotal(23) - trace.DomesticStock(23), null, null, 0.20));

        // China's legal holdings of US-designed chips (Epoch counts NVIDIA chips sold to China).
        var c23 = observed.ChinaHoldings("2023-12-31");
        var c24 = observed.ChinaHoldings("2024-12-31");
        rows.Add(Compare("china_holdings_2024", "China's US-designed chips end-2024 (smuggled apart), H100e", c24, ChinaLegal(trace, china, 11), null, null, 0.30, "in"));
        rows.Add(Compare("china_holdings_2025", "China's US-designed chips end-2025 (smuggled apart), H100e", observed.ChinaHoldings("2025-12-31"),
            ChinaLegal(trace, china, 23), c24, c24 * c24 / c23, 0.30));

        // China's own chips in 2025 inside the published Huawei range.
        var (low, high) = observed.HuaweiRange(2025);
        var chips = trace.DomesticChips(Year2025, 24);
        rows.Add(new HindcastRow("domestic_chips_2025", "China's domestic AI chips 2025, dies", "out", double.NaN, chips, double.NaN, null, null, null, null,
            FormattableString.Invariant($"within {low:N0} to {high:N0}"), chips >= low && chips <= high, CriterionKind.Hard));

        // Price per H100e against Epoch's cost per H100e.
        var cost24 = observed.Price(2024, Targets.CostSeries);
        var h100Trend = observed.Price(2024, "h100_price_per_chip_geomean") / observed.Price(2023, "h100_price_per_chip_geomean");
        rows.Add(Compare("price_2024", "price per H100e 2024 (sales-weighted), $", cost24, trace.MeanPrice(0, 12), null, null, 0.30, "in"));
        rows.Add(Compare("price_2025", "price per H100e 2025 (sales-weighted), $", observed.Price(2025, Targets.CostSeries), trace.MeanPrice(Year2025, 24),
            cost24, cost24 * h100Trend, 0.30));

        // Soft: the May 2025 cluster snapshot, which counts large clusters only.
        var snapshot = observed.ClusterShares("2025-05");
        foreach (var (region, share) in snapshot)
        {
            var r = regions.IndexOf(region);
            if (r < 0)
            {
                continue;
            }

            var model = trace.Share(r, 16);
            rows.Add(new HindcastRow($"share_{region}_2025_05", $"{region} share of installed compute, May 2025 (cluster snapshot)", "out",
                share, model, model - share, null, null, null, null, "within 5 pp (soft)", Math.Abs(model - share) <= 0.05, CriterionKind.Soft, CellFormat.Percent));
        }

        return new HindcastResult(calibration, trace, rows);
    }

    /// <summary>China's legal US-designed chips after month <paramref name="month"/>: its fleet less its domestic and smuggled chips.</summary>
    public static double ChinaLegal(MarketTrace trace, int china, int month) =>
        trace.Installed(china, month) - trace.DomesticStock(month) - trace.SmuggledStock(month);

    private static HindcastRow Compare(string id, string what, double observed, double model, double? level, double? growth, double tolerance, string sample = "out")
    {
        double Error(double x) => (x - observed) / observed;
        var error = Error(model);
        return new HindcastRow(id, what, sample, observed, model, error, level, level is { } l ? Error(l) : null, growth, growth is { } g ? Error(g) : null,
            FormattableString.Invariant($"within ±{tolerance * 100:0} %"), Math.Abs(error) <= tolerance, CriterionKind.Hard);
    }
}

/// <summary>The hindcast: the calibration it ran, the calibrated model's run and the criteria.</summary>
/// <param name="Calibration">The in-memory calibration of the baseline file.</param>
/// <param name="Trace">The calibrated model over the baseline's horizon.</param>
/// <param name="Rows">Every criterion.</param>
public sealed record HindcastResult(CalibrationResult Calibration, MarketTrace Trace, IReadOnlyList<HindcastRow> Rows)
{
    /// <summary>True when every hard criterion holds.</summary>
    public bool Passed => Rows.All(r => r.Kind == CriterionKind.Soft || r.Passed);
}
