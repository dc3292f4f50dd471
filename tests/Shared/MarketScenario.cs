using ComputeGap.Core.Market;
using ComputeGap.Core.Model;
using ComputeGap.Core.Models;
using ComputeGap.Sweep.Spec;

namespace ComputeGap.Tests.Shared;

/// <summary>
/// A model v2 scenario as parameter slots, built from the built-in v2 baseline or drawn at random, and
/// turned into the name-keyed inputs of <see cref="ReferenceMarketModel"/>.
/// </summary>
public sealed class MarketScenario
{
    private static readonly ModelDescriptor Model = ModelV2.Descriptor;

    private MarketScenario(double[] slots, int regions)
    {
        Slots = slots;
        Regions = regions;
    }

    /// <summary>Parameter slots in model v2's layout.</summary>
    public double[] Slots { get; }

    public int Regions { get; }

    /// <summary>A scenario of <paramref name="regions"/> regions from parameter slots (a plan's scenario, say).</summary>
    public static MarketScenario FromSlots(IReadOnlyList<double> slots, int regions) => new([.. slots], regions);

    /// <summary>The built-in v2 baseline (US, CN, EU, ALLY, ROW).</summary>
    public static MarketScenario Baseline()
    {
        var baseline = BaselineLoader.LoadBuiltIn(Model);
        return new MarketScenario([.. baseline.Slots], baseline.Regions.Count);
    }

    /// <summary>Sets a global parameter, or a per-region one written <c>name[r]</c> with a region index.</summary>
    public MarketScenario Set(string name, double value)
    {
        var open = name.IndexOf('[', StringComparison.Ordinal);
        var info = Model.Find(open < 0 ? name : name[..open]) ?? throw new ArgumentException($"No v2 parameter {name}.", nameof(name));
        var region = open < 0 ? 0 : int.Parse(name[(open + 1)..^1], System.Globalization.CultureInfo.InvariantCulture);
        Slots[ModelDescriptor.SlotOf(info, region)] = value;
        return this;
    }

    /// <summary>The value of a parameter (see <see cref="Set"/>).</summary>
    public double Get(string name)
    {
        var open = name.IndexOf('[', StringComparison.Ordinal);
        var info = Model.Find(open < 0 ? name : name[..open])!;
        var region = open < 0 ? 0 : int.Parse(name[(open + 1)..^1], System.Globalization.CultureInfo.InvariantCulture);
        return Slots[ModelDescriptor.SlotOf(info, region)];
    }

    public MarketScenario Clone() => new([.. Slots], Regions);

    /// <summary>
    /// A random valid scenario around the baseline: every parameter drawn from a wide range that keeps
    /// the market meaningful, flags and months included, for <paramref name="regions"/> regions (the
    /// baseline's first ones; extra regions copy the last with new draws).
    /// </summary>
    public static MarketScenario Random(Random rng, int regions = 5)
    {
        var s = Baseline();
        var baseRegions = s.Regions;
        var scenario = new MarketScenario(s.Slots, regions);
        double U(double lo, double hi) => lo + (rng.NextDouble() * (hi - lo));
        double Month() => rng.NextDouble() < 0.3 ? -1 : rng.Next(0, 80);
        double Flag(double p) => rng.NextDouble() < p ? 1 : 0;
        scenario.Set("fab_capacity0", U(1e5, 5e5)).Set("fab_capacity_growth", U(0.5, 4)).Set("growth_halflife_years", U(0.5, 4))
            .Set("price_floor0", U(2e3, 2e4)).Set("price_floor_decline", U(0, 0.5)).Set("markup0", U(1, 6)).Set("price_adjustment", U(0, 1))
            .Set("h100e_per_mw0", U(500, 3000)).Set("h100e_per_mw_growth", U(0, 0.6)).Set("chip_life_years", U(2, 8))
            .Set("installed0_aged_share", U(0, 1)).Set("order_lag_months", U(1, 6)).Set("us_priority", U(0, 1))
            .Set("diffusion_rule", Flag(0.5)).Set("diffusion_from", Month()).Set("downgraded_cap", U(0, 5e4))
            .Set("downgraded_from", Month()).Set("downgraded_until", Month()).Set("leakage", U(0, 1)).Set("smuggling_premium", U(0, 2))
            .Set("domestic_wafer_chips0", U(0, 1e5)).Set("domestic_wafer_growth", U(0, 2)).Set("domestic_hbm_chips0", U(0, 1e5))
            .Set("domestic_hbm_growth", U(0, 2)).Set("domestic_h100e_per_chip", U(0, 1)).Set("domestic_installed0", U(0, 2e5))
            .Set("cn_export_share", U(0, 1)).Set("ree_cn_share", U(0, 1)).Set("ree_export_quota", U(0, 1))
            .Set("ree_controls_start", rng.Next(0, 40)).Set("ree_controls_end", Month()).Set("ree_stock_months", U(0, 8))
            .Set("ree_criticality", U(0, 0.5)).Set("ree_criticality_escalated", U(0, 1)).Set("ree_escalation_month", Month())
            .Set("ree_alt_growth", U(0, 0.5)).Set("ree_dc_criticality", U(0, 0.5)).Set("asml_controls", U(0, 1))
            .Set("asml_controls_month", Month()).Set("asml_fab_elasticity", U(0, 1)).Set("asml_cn_elasticity", U(0, 1))
            .Set("cloud_access_embargoed", U(0, 1)).Set("cloud_export_share", U(0, 1)).Set("demand0", U(1e6, 1e7))
            .Set("demand_growth", U(0, 2)).Set("bubble_month", Month()).Set("bubble_cut", U(0, 0.9)).Set("focus_target_share", U(0, 0.3));
        for (var r = 0; r < regions; r++)
        {
            var from = Math.Min(r, baseRegions - 1);
            foreach (var info in Model.Regionals)
            {
                scenario.Slots[ModelDescriptor.SlotOf(info, r)] = scenario.Slots[ModelDescriptor.SlotOf(info, from)];
            }

            scenario.Set($"installed0[{r}]", U(1e4, 2e6)).Set($"usage_share[{r}]", U(0.01, 1)).Set($"capex0[{r}]", U(1e8, 8e9))
                .Set($"capex_growth[{r}]", U(-0.2, 2.5)).Set($"dc_power0[{r}]", U(50, 3000)).Set($"dc_power_growth[{r}]", U(0, 3.5))
                .Set($"dc_step_mw[{r}]", rng.NextDouble() < 0.5 ? 0 : U(0, 1000)).Set($"dc_step_month[{r}]", Month())
                .Set($"tier2_fraction[{r}]", rng.NextDouble() < 0.5 ? 0 : U(0, 1)).Set($"tier2_cap[{r}]", U(0, 2e5))
                .Set($"compute_efficiency[{r}]", U(0.2, 1.5)).Set($"embargoed[{r}]", Flag(0.25)).Set($"priority[{r}]", Flag(0.3))
                .Set($"cloud_host[{r}]", Flag(0.3)).Set($"bubble_exposed[{r}]", Flag(0.4));
            var domestic = Flag(0.3);
            scenario.Set($"domestic_supply[{r}]", domestic).Set($"cn_export_target[{r}]", domestic > 0 ? 0 : Flag(0.3));
        }

        return scenario;
    }

    /// <summary>The scenario as the reference model takes it, with the float32 values the kernels see.</summary>
    public ReferenceMarketModel.Inputs ToReference(ModelShape shape)
    {
        var globals = Model.Globals.ToDictionary(p => p.Name, p => (double)(float)Slots[p.Slot]);
        var regional = Model.Regionals.ToDictionary(
            p => p.Name, p => Enumerable.Range(0, shape.Regions).Select(r => (double)(float)Slots[ModelDescriptor.SlotOf(p, r)]).ToArray());
        return new ReferenceMarketModel.Inputs(globals, regional, shape.Months, shape.Regions, shape.Focus, shape.RivalA, shape.RivalB);
    }

    /// <summary>The reference's outcomes in the production model's column order.</summary>
    public static double[] ReferenceOutcomes(ReferenceMarketModel.Result result, int regions)
    {
        var names = MarketOutcomes.Infos([.. Enumerable.Range(0, regions).Select(r => r.ToString(System.Globalization.CultureInfo.InvariantCulture))]);
        return [.. names.Select(o => result.Outcomes[o.Name])];
    }
}
