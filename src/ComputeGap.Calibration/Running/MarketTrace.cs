using ComputeGap.Core.Market;
using ComputeGap.Core.Models;

namespace ComputeGap.Calibration.Running;

/// <summary>
/// A model v2 run read as quantities: yearly and quarterly output, sales, prices and stocks. Month
/// t = 0 is the baseline's start month; periods are counted in whole months from it.
/// </summary>
/// <param name="Run">The run.</param>
/// <param name="Regions">Regions of the run.</param>
public sealed record MarketTrace(RunResult Run, int Regions)
{
    /// <summary>US-designed output S over months <c>[from, to)</c>, H100e.</summary>
    public double Output(int from, int to) => Run.Sum(MarketSeries.Of(MarketDiagnostic.Output, Regions), from, to);

    /// <summary>US-designed output sold, H100e.</summary>
    public double Sold(int from, int to) => Run.Sum(MarketSeries.Of(MarketDiagnostic.Sold, Regions), from, to);

    /// <summary>US-designed output unsold, H100e.</summary>
    public double Unsold(int from, int to) => Run.Sum(MarketSeries.Of(MarketDiagnostic.Unsold, Regions), from, to);

    /// <summary>Eligible orders left unfilled, H100e.</summary>
    public double Rationed(int from, int to) => Run.Sum(MarketSeries.Of(MarketDiagnostic.Rationed, Regions), from, to);

    /// <summary>Eligible orders, H100e.</summary>
    public double Eligible(int from, int to) => Run.Sum(MarketSeries.Of(MarketDiagnostic.Eligible, Regions), from, to);

    /// <summary>China's domestic output, chips.</summary>
    public double DomesticChips(int from, int to) => Run.Sum(MarketSeries.Of(MarketDiagnostic.DomesticChips, Regions), from, to);

    /// <summary>China's domestic output, H100e.</summary>
    public double Domestic(int from, int to) => Run.Sum(MarketSeries.Of(MarketDiagnostic.Domestic, Regions), from, to);

    /// <summary>Legal (downgraded) US-designed chips delivered to embargoed regions, H100e.</summary>
    public double LegalToEmbargoed(int from, int to) => Run.Sum(MarketSeries.Of(MarketDiagnostic.LegalToEmbargoed, Regions), from, to);

    /// <summary>Smuggled chips delivered to embargoed regions, H100e.</summary>
    public double SmuggledToEmbargoed(int from, int to) => Run.Sum(MarketSeries.Of(MarketDiagnostic.SmuggledToEmbargoed, Regions), from, to);

    /// <summary>Domestic chips delivered to the domestic-supply regions, H100e.</summary>
    public double DomesticToHome(int from, int to) => Run.Sum(MarketSeries.Of(MarketDiagnostic.DomesticToHome, Regions), from, to);

    /// <summary>Spending on US-designed chips sold, $ (sales at each month's price).</summary>
    public double Spending(int from, int to)
    {
        var sum = 0.0;
        for (var t = from; t < to; t++)
        {
            sum += Run.At(t, MarketSeries.Of(MarketDiagnostic.Sold, Regions)) * Price(t);
        }

        return sum;
    }

    /// <summary>The sales-weighted mean price over months <c>[from, to)</c>, $ per H100e.</summary>
    public double MeanPrice(int from, int to) => Spending(from, to) / Sold(from, to);

    /// <summary>The price in month <paramref name="month"/>, $ per H100e.</summary>
    public double Price(int month) => Run.At(month, MarketSeries.Price(Regions));

    /// <summary>Region <paramref name="region"/>'s installed compute after month <paramref name="month"/>, H100e.</summary>
    public double Installed(int region, int month) => Run.At(month, MarketSeries.Installed(region, Regions));

    /// <summary>Region <paramref name="region"/>'s share after month <paramref name="month"/>.</summary>
    public double Share(int region, int month) => Run.At(month, MarketSeries.Share(region));

    /// <summary>All regions' installed compute after month <paramref name="month"/>, H100e.</summary>
    public double InstalledTotal(int month)
    {
        var total = 0.0;
        for (var r = 0; r < Regions; r++)
        {
            total += Installed(r, month);
        }

        return total;
    }

    /// <summary>Domestic chips held by the domestic-supply regions after month <paramref name="month"/>, H100e.</summary>
    public double DomesticStock(int month) => Run.At(month, MarketSeries.Of(MarketDiagnostic.DomesticStock, Regions));

    /// <summary>Smuggled chips held by embargoed regions after month <paramref name="month"/>, H100e.</summary>
    public double SmuggledStock(int month) => Run.At(month, MarketSeries.Of(MarketDiagnostic.SmuggledStock, Regions));

    /// <summary>1 when region <paramref name="region"/>'s orders were bound by powered space in month <paramref name="month"/>.</summary>
    public bool SpaceBound(int region, int month) => Run.At(month, MarketSeries.SpaceBound(region, Regions)) > 0.5;

    /// <summary>True when China's HBM limit, not its wafer limit, bound domestic chips in month <paramref name="month"/>.</summary>
    public bool HbmBound(int month) =>
        Run.At(month, MarketSeries.Of(MarketDiagnostic.HbmLimit, Regions)) < Run.At(month, MarketSeries.Of(MarketDiagnostic.WaferLimit, Regions));

    /// <summary>Eligible orders left unfilled as a share of eligible orders over months <c>[from, to)</c>.</summary>
    public double RationedShare(int from, int to) => Rationed(from, to) / Eligible(from, to);
}
