using ComputeGap.Calibration.Running;
using ComputeGap.Core.Models;

namespace ComputeGap.Calibration.Fitting;

/// <summary>
/// Stage 3: usage demand. demand_growth is set so that usage demand at the horizon equals the
/// calibrated fleet then: the world uses what it holds at the start (demand0 is the fleet) and at the
/// end, so a region's coverage stays its share of compute over its share of demand. Demand barely
/// moves the fleet (it only caps rent), so one run gives the fleet and bisection on the demand law
/// (docs/model-v2.md, step 11) gives the rate.
/// </summary>
public static class DemandFit
{
    public static IReadOnlyList<FittedValue> Fit(BaselineValues values, List<FitTarget> targets)
    {
        var regions = values.Regions.ToList();
        var months = values.Baseline.HorizonMonths;
        var shape = values.Baseline.Shape();
        var fleet = new MarketTrace(SingleRun.Run(values.Model, values.Slots, shape), regions.Count).InstalledTotal(months - 1);
        var demand0 = values["demand0"];
        var halflife = values["growth_halflife_years"];
        double DemandAtEnd(double growth) => SupplyFit.Capacity(demand0, growth, halflife, months - 1, months)[0];

        double low = -0.99, high = 100;
        for (var i = 0; i < 200 && high - low > 1e-12; i++)
        {
            var mid = (low + high) / 2;
            (low, high) = DemandAtEnd(mid) < fleet ? (mid, high) : (low, mid);
        }

        var growth = (low + high) / 2;
        values["demand_growth"] = growth;
        targets.Add(new FitTarget(3, "usage demand / fleet at the horizon", 1, DemandAtEnd(growth) / fleet, "stated: the world uses what it holds"));
        return [new FittedValue("demand_growth", growth, Provenance.Fitted, 3)];
    }
}
