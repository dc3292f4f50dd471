using ComputeGap.Calibration.Observed;
using ComputeGap.Calibration.Running;
using ComputeGap.Core.Models;

namespace ComputeGap.Calibration.Fitting;

/// <summary>
/// Stage 2: the market, fitted by running model v2 itself over 2024–25. One scale on every region's
/// capex0 (the file's split is kept), one capex_growth for every region, price_floor0, price_floor_decline, price_adjustment, downgraded_cap and
/// domestic_hbm_chips0 are chosen to match, in 2024: the sales-weighted price per H100e (Epoch's cost
/// across makers) and its fall through the year, China's legal inflow of US-designed chips (Epoch's owner estimates, which count
/// NVIDIA chips sold to China) and China's self-sufficiency (domestic chips over all its inflow); and the stated rationed shares of 2024 and 2025. Errors of quantities are taken
/// in logs, errors of shares in share points weighted 5.
/// </summary>
public static class MarketFit
{
    /// <summary>Months run: 2024 and 2025 (2025 only for the stated rationed share).</summary>
    private const int Months = 24;

    /// <summary>Weight on shares against log errors: a 1-point miss costs as much as a 5 % miss.</summary>
    private const double ShareWeight = 5;

    public static IReadOnlyList<FittedValue> Fit(BaselineValues values, ObservedData observed, List<FitTarget> targets)
    {
        var regions = values.Regions;
        var split = regions.Select(r => values[$"capex0[{r}]"]).ToArray();
        var splitTotal = split.Sum();
        var price2024 = observed.Price(2024, Targets.CostSeries);
        var priceTrend2024 = PriceTrend2024(observed);
        var chinaInflow2024 = observed.ChinaHoldings(DerivedValues.QuarterEnd(2024, 4)) - observed.ChinaHoldings(DerivedValues.QuarterEnd(2023, 4));
        var shape = values.Baseline.Shape(Months);

        Fit2024 Evaluate(double[] x)
        {
            var trial = values.Clone();
            Apply(trial, x, split);
            var trace = new MarketTrace(SingleRun.Run(trial.Model, trial.Slots, shape), regions.Count);
            var legal = trace.LegalToEmbargoed(0, 12);
            var home = trace.DomesticToHome(0, 12);
            return new Fit2024(
                trace.MeanPrice(0, 12),
                trace.MeanPrice(9, 12) / trace.MeanPrice(0, 3),
                trace.RationedShare(0, 12),
                trace.RationedShare(12, 24),
                legal,
                home / (home + legal + trace.SmuggledToEmbargoed(0, 12)));
        }

        double Loss(double[] x)
        {
            var f = Evaluate(x);
            return Square(Math.Log(f.Price) - Math.Log(price2024))
                + Square(Math.Log(f.PriceTrend) - Math.Log(priceTrend2024))
                + Square(Math.Log(Math.Max(1, f.ChinaLegal)) - Math.Log(chinaInflow2024))
                + Square(ShareWeight * (f.Rationed2024 - Targets.RationedShare2024))
                + Square(ShareWeight * (f.Rationed2025 - Targets.RationedShare2025))
                + Square(ShareWeight * (f.SelfSufficiency - Targets.ChinaSelfSufficiency2024));
        }

        double[] start = [Math.Log(8e9 / splitTotal), Math.Log(6500), Logit(0.3), Math.Log(12_000), Math.Log(25_000), Math.Log(2), Logit(0.25)];
        var (point, _) = Minimizer.Minimize(Loss, start, [0.3, 0.3, 1.0, 0.3, 0.3, 0.2, 0.5]);
        var best = Evaluate(point);
        Apply(values, point, split);
        targets.Add(new FitTarget(2, "price per H100e 2024, $", price2024, best.Price, "Epoch AI cost across makers (prices.csv)"));
        targets.Add(new FitTarget(2, "price Q4 2024 / Q1 2024", priceTrend2024, best.PriceTrend, "NVIDIA compute revenue per NVIDIA H100e, FY25Q4 / FY25Q1"));
        targets.Add(new FitTarget(2, "China's legal US-designed inflow 2024, H100e", chinaInflow2024, best.ChinaLegal, "Epoch AI owner estimates (china-holdings.csv)"));
        targets.Add(new FitTarget(2, "rationed share 2024", Targets.RationedShare2024, best.Rationed2024, "stated (judgement)"));
        targets.Add(new FitTarget(2, "rationed share 2025", Targets.RationedShare2025, best.Rationed2025, "stated (judgement)"));
        targets.Add(new FitTarget(2, "China's self-sufficiency 2024", Targets.ChinaSelfSufficiency2024, best.SelfSufficiency, "MIIT 35 % (2023) to >50 % (2025)"));
        return
        [
            .. regions.Select(r => new FittedValue($"capex0[{r}]", values[$"capex0[{r}]"], Provenance.Fitted, 2)),
            .. regions.Select(r => new FittedValue($"capex_growth[{r}]", values[$"capex_growth[{r}]"], Provenance.Fitted, 2)),
            new("price_floor0", values["price_floor0"], Provenance.Fitted, 2),
            new("price_floor_decline", values["price_floor_decline"], Provenance.Fitted, 2),
            new("price_adjustment", values["price_adjustment"], Provenance.Fitted, 2),
            new("downgraded_cap", values["downgraded_cap"], Provenance.Fitted, 2),
            new("domestic_hbm_chips0", values["domestic_hbm_chips0"], Provenance.Fitted, 2),
        ];
    }

    private static void Apply(BaselineValues values, double[] x, double[] split)
    {
        var scale = Math.Exp(x[0]);
        for (var r = 0; r < split.Length; r++)
        {
            values[$"capex0[{values.Regions[r]}]"] = split[r] * scale;
        }

        values["price_floor0"] = Math.Exp(x[1]);
        values["price_adjustment"] = 1 / (1 + Math.Exp(-x[2]));
        values["downgraded_cap"] = Math.Exp(x[3]);
        values["domestic_hbm_chips0"] = Math.Exp(x[4]);
        foreach (var region in values.Regions)
        {
            values[$"capex_growth[{region}]"] = Math.Exp(x[5]) - 1;
        }

        values["price_floor_decline"] = 1 / (1 + Math.Exp(-x[6]));
    }

    /// <summary>
    /// How the price per H100e moved through 2024: NVIDIA's compute revenue per H100e it shipped, last
    /// quarter over first (fiscal quarters FY25Q4 and FY25Q1 against calendar 2024Q4 and 2024Q1, a month apart).
    /// </summary>
    public static double PriceTrend2024(ObservedData observed) =>
        (observed.NvidiaComputeRevenue("FY25Q4") / observed.QuarterOutput("2024Q4", "nvidia"))
        / (observed.NvidiaComputeRevenue("FY25Q1") / observed.QuarterOutput("2024Q1", "nvidia"));

    private static double Logit(double p) => Math.Log(p / (1 - p));

    private static double Square(double x) => x * x;

    private readonly record struct Fit2024(double Price, double PriceTrend, double Rationed2024, double Rationed2025, double ChinaLegal, double SelfSufficiency);
}
