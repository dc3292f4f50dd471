namespace ComputeGap.Tests.Shared;

/// <summary>
/// An independent float64 implementation of model v2 (docs/model-v2.md), written straight from the
/// page with plain arrays, branches and <see cref="Math.Pow(double, double)"/>. It uses no production
/// type: inputs are named as the page names them, so tests can check the float32 production model
/// against it month by month and outcome by outcome.
/// </summary>
public static class ReferenceMarketModel
{
    /// <summary>Inputs by parameter name as the page writes them.</summary>
    /// <param name="Globals">Global parameters: name to value.</param>
    /// <param name="Regional">Per-region parameters: name to values, indexed by region.</param>
    /// <param name="Months">Horizon T in months.</param>
    /// <param name="Regions">Number of regions R.</param>
    /// <param name="Focus">Index of the focus region f.</param>
    /// <param name="RivalA">Index of rival a.</param>
    /// <param name="RivalB">Index of rival b.</param>
    public sealed record Inputs(
        IReadOnlyDictionary<string, double> Globals,
        IReadOnlyDictionary<string, double[]> Regional,
        int Months,
        int Regions,
        int Focus,
        int RivalA,
        int RivalB);

    /// <summary>One month's trace: values after the month's steps 8 and 9 unless noted.</summary>
    /// <param name="T">Month t.</param>
    /// <param name="Output">US-designed output S after rare-earth losses.</param>
    /// <param name="Capacity">US-designed capacity C of the month (before step 11).</param>
    /// <param name="Eligible">Eligible orders E = Σ e.</param>
    /// <param name="Sold">US-designed output sold, Σ a.</param>
    /// <param name="Unsold">US-designed output unsold this month, max(0, S − E).</param>
    /// <param name="Rationed">Eligible orders left unfilled this month, max(0, E − S).</param>
    /// <param name="DomesticChips">China's domestic chips, min(W, M).</param>
    /// <param name="Domestic">China's domestic output D, H100e.</param>
    /// <param name="DomesticSold">Domestic output taken, Σ c.</param>
    /// <param name="Price">Price P used this month.</param>
    /// <param name="Markup">Markup m after the step-9 update.</param>
    /// <param name="ReeRatio">Rare-earth ratio of used to needed.</param>
    /// <param name="ReeStock">Rare-earth stock after step 1.</param>
    /// <param name="Installed">Installed I[r].</param>
    /// <param name="Share">Share I[r] / Σ I.</param>
    /// <param name="Want">Orders want[r].</param>
    /// <param name="EligibleByRegion">Eligible orders e[r].</param>
    /// <param name="Allocated">Allocation a[r].</param>
    /// <param name="DomesticFill">Domestic fill c[r].</param>
    /// <param name="Smuggled">Smuggled orders smug[r] before rationing (before k).</param>
    /// <param name="Budget">Budget B[r].</param>
    /// <param name="Usage">Usage demand U[r].</param>
    /// <param name="Space">Free powered space space[r], H100e.</param>
    /// <param name="SpaceBound">Whether the region is space-bound, space[r]/τ &lt; B[r]/P.</param>
    /// <param name="Rent">Σ rent[r] of this month (paid into hosts' budgets next month).</param>
    /// <param name="DomesticStock">Domestic chips held, DY + DO.</param>
    /// <param name="SmuggledStock">Smuggled chips held, SY + SO.</param>
    public sealed record Month(
        int T,
        double Output,
        double Capacity,
        double Eligible,
        double Sold,
        double Unsold,
        double Rationed,
        double DomesticChips,
        double Domestic,
        double DomesticSold,
        double Price,
        double Markup,
        double ReeRatio,
        double ReeStock,
        double[] Installed,
        double[] Share,
        double[] Want,
        double[] EligibleByRegion,
        double[] Allocated,
        double[] DomesticFill,
        double[] Smuggled,
        double[] Budget,
        double[] Usage,
        double[] Space,
        bool[] SpaceBound,
        double Rent,
        double DomesticStock,
        double SmuggledStock);

    /// <summary>A run's outcomes (keys as the page's table, regions by index) and its monthly trace.</summary>
    /// <param name="Outcomes">Outcome columns: <c>share_0</c>, <c>installed_0</c>, …, <c>cn_domestic_share</c>.</param>
    /// <param name="Months">One trace per month.</param>
    public sealed record Result(IReadOnlyDictionary<string, double> Outcomes, IReadOnlyList<Month> Months);

    /// <summary>Runs model v2 for one scenario in float64.</summary>
    /// <param name="inputs">The scenario's parameters and shape.</param>
    /// <returns>The outcomes after the last month and every month's trace.</returns>
    /// <exception cref="KeyNotFoundException">A parameter the page names is missing.</exception>
    public static Result Run(Inputs inputs)
    {
        var R = inputs.Regions;
        double Global(string name) =>
            inputs.Globals.TryGetValue(name, out var value) ? value : throw new KeyNotFoundException($"Missing global parameter '{name}'.");
        double[] Regional(string name) =>
            inputs.Regional.TryGetValue(name, out var values) ? values : throw new KeyNotFoundException($"Missing regional parameter '{name}'.");
        bool[] Flags(string name) => Regional(name).Select(v => v > 0.5).ToArray();
        static double MonthlyRate(double g) => Math.Pow(1 + g, 1.0 / 12) - 1;

        // Parameters.
        var installed0 = Regional("installed0");
        var usageShare = Regional("usage_share");
        var capex0 = Regional("capex0");
        var capexGrowth = Regional("capex_growth");
        var dcPower0 = Regional("dc_power0");
        var dcPowerGrowth = Regional("dc_power_growth");
        var dcStepMw = Regional("dc_step_mw");
        var dcStepMonth = Regional("dc_step_month");
        var tier2Fraction = Regional("tier2_fraction");
        var tier2Cap = Regional("tier2_cap");
        var computeEfficiency = Regional("compute_efficiency");
        var embargoed = Flags("embargoed");
        var priority = Flags("priority");
        var cloudHost = Flags("cloud_host");
        var domesticSupply = Flags("domestic_supply");
        var cnExportTarget = Flags("cn_export_target");
        var bubbleExposed = Flags("bubble_exposed");

        var kappa = Global("price_adjustment");
        var h100ePerMw0 = Global("h100e_per_mw0");
        var L = Global("chip_life_years");
        var tau = Global("order_lag_months");
        var pi = Global("us_priority");
        var diffusionRule = Global("diffusion_rule");
        var diffusionFrom = Global("diffusion_from");
        var downgradedCap = Global("downgraded_cap");
        var downgradedFrom = Global("downgraded_from");
        var downgradedUntil = Global("downgraded_until");
        var lambda = Global("leakage");
        var smugglingPremium = Global("smuggling_premium");
        var domesticH100ePerChip = Global("domestic_h100e_per_chip");
        var x = Global("cn_export_share");
        var rhoCn = Global("ree_cn_share");
        var q = Global("ree_export_quota");
        var reeControlsStart = Global("ree_controls_start");
        var reeControlsEnd = Global("ree_controls_end");
        var stockMonths = Global("ree_stock_months");
        var reeCriticality = Global("ree_criticality");
        var reeCriticalityEscalated = Global("ree_criticality_escalated");
        var reeEscalationMonth = Global("ree_escalation_month");
        var reeDcCriticality = Global("ree_dc_criticality");
        var asmlControls = Global("asml_controls");
        var asmlControlsMonth = Global("asml_controls_month");
        var asmlFabElasticity = Global("asml_fab_elasticity");
        var asmlCnElasticity = Global("asml_cn_elasticity");
        var lambdaC = Global("cloud_access_embargoed");
        var omega = Global("cloud_export_share");
        var bubbleMonth = Global("bubble_month");
        var bubbleCut = Global("bubble_cut");
        var focusTargetShare = Global("focus_target_share");

        // Per-scenario constants.
        var d = Math.Pow(2, -1 / (12 * Global("growth_halflife_years")));
        var h = 1 / (6 * L);
        var phi = Math.Pow(1 - Global("price_floor_decline"), 1.0 / 12);
        var epsilon = Math.Pow(1 + Global("h100e_per_mw_growth"), 1.0 / 12);
        var alpha = Math.Pow(1 + Global("ree_alt_growth"), 1.0 / 12);
        var usageShareSum = 0.0;
        var Nh = 0;
        for (var r = 0; r < R; r++)
        {
            usageShareSum += usageShare[r];
            Nh += cloudHost[r] ? 1 : 0;
        }

        var u = new double[R];
        var w = new double[R];
        var beta = new double[R];
        for (var r = 0; r < R; r++)
        {
            u[r] = usageShare[r] / usageShareSum;
            w[r] = (cloudHost[r] ? 0 : 1) * (embargoed[r] ? lambdaC : 1);
            beta[r] = bubbleExposed[r] ? 1 - bubbleCut : 1;
        }

        // State at t = 0.
        var C0 = Global("fab_capacity0");
        var C = C0;
        var rhoC = MonthlyRate(Global("fab_capacity_growth"));
        var W = Global("domestic_wafer_chips0");
        var rhoW = MonthlyRate(Global("domestic_wafer_growth"));
        var M = Global("domestic_hbm_chips0");
        var rhoM = MonthlyRate(Global("domestic_hbm_growth"));
        var Dm = Global("demand0");
        var rhoD = MonthlyRate(Global("demand_growth"));
        var K = new double[R];
        var rhoK = new double[R];
        var Pw = new double[R];
        var rhoP = new double[R];
        var Y = new double[R];
        var O = new double[R];
        var YW = new double[R];
        var OW = new double[R];
        var agedShare = Global("installed0_aged_share");
        for (var r = 0; r < R; r++)
        {
            K[r] = capex0[r];
            rhoK[r] = MonthlyRate(capexGrowth[r]);
            Pw[r] = dcPower0[r];
            rhoP[r] = MonthlyRate(dcPowerGrowth[r]);
            Y[r] = installed0[r] * (1 - agedShare);
            O[r] = installed0[r] * agedShare;
            YW[r] = Y[r] / h100ePerMw0;
            OW[r] = O[r] / h100ePerMw0;
        }

        var domesticInstalled0 = Global("domestic_installed0");
        var DY = domesticInstalled0 * (1 - agedShare);
        var DO = domesticInstalled0 * agedShare;
        var SY = 0.0;
        var SO = 0.0;
        var m = Global("markup0");
        var F = Global("price_floor0");
        var eff = h100ePerMw0; // the page's efficiency e (H100e per MW of chips bought this month)
        var A = 1.0;
        var stock = stockMonths * C0;
        var Rent = 0.0;
        var lost = 0.0;
        var unsold = 0.0;
        var rationed = 0.0;
        var priceSum = 0.0;
        var P = 0.0;
        var focusMin = double.PositiveInfinity;
        var depletionMonth = -1.0;
        var targetMonth = -1.0;
        var I = new double[R];
        var U = new double[R];
        var trace = new List<Month>(inputs.Months);

        for (var t = 0; t < inputs.Months; t++)
        {
            var asml = asmlControlsMonth >= 0 && t >= asmlControlsMonth;
            var reeOn = reeControlsStart <= t && (reeControlsEnd < 0 || t < reeControlsEnd);
            var escalated = reeEscalationMonth >= 0 && t >= reeEscalationMonth;
            var downgraded = downgradedFrom >= 0 && t >= downgradedFrom && (downgradedUntil < 0 || t < downgradedUntil);
            var capped = diffusionRule > 0.5 && diffusionFrom >= 0 && t >= diffusionFrom;
            var burst = bubbleMonth >= 0 && t >= bubbleMonth;

            // 1. Rare earths and US-designed output.
            var n = C;
            var alt = (1 - rhoCn) * C0 * A;
            var gap = Math.Max(0, n - alt);
            var cap = stockMonths * n;
            var cn = reeOn ? q * gap : gap + Math.Max(0, cap - stock);
            var avail = stock + alt + cn;
            var used = Math.Min(n, avail);
            var ratio = n > 0 ? used / n : 1;
            stock = Math.Min(cap, avail - used);
            var crit = escalated ? reeCriticalityEscalated : reeCriticality;
            var factor = 1 - (crit * (1 - ratio));
            var S = C * factor;
            lost += C - S;
            if (depletionMonth < 0 && ratio < 1 - 1e-6)
            {
                depletionMonth = t;
            }

            // 2. China's own chips.
            var chips = Math.Min(W, M);
            var D = chips * domesticH100ePerChip;

            // 3. Price.
            P = F * m;
            priceSum += P;

            // 4. Regions, first pass. The origin stocks age here with the fleet (start-of-month values).
            var I0 = new double[R];
            var UW = new double[R];
            U = new double[R];
            var space = new double[R];
            var B = new double[R];
            var want = new double[R];
            var spaceBound = new bool[R];
            var rent = new double[R];
            var Wd = 0.0;
            var Wx = 0.0;
            for (var r = 0; r < R; r++)
            {
                var yBefore = Y[r];
                Y[r] -= h * yBefore;
                O[r] += (h * yBefore) - (h * O[r]);
                var ywBefore = YW[r];
                YW[r] -= h * ywBefore;
                OW[r] += (h * ywBefore) - (h * OW[r]);
                I0[r] = Y[r] + O[r];
                UW[r] = YW[r] + OW[r];

                U[r] = Dm * u[r] * (burst ? beta[r] : 1);

                var Pcap = Pw[r] + (dcStepMonth[r] >= 0 && t >= dcStepMonth[r] ? dcStepMw[r] : 0);
                space[r] = Math.Max(0, Pcap - UW[r]) * eff;

                B[r] = (K[r] * (burst ? beta[r] : 1)) + (Nh > 0 && cloudHost[r] ? omega * Rent / Nh : 0);

                want[r] = Math.Min(B[r] / P, space[r] / tau);
                spaceBound[r] = space[r] / tau < B[r] / P;
                rent[r] = w[r] * Math.Min(B[r] - (want[r] * P), Math.Max(0, U[r] - I0[r]) * P / (12 * L));

                Wd += domesticSupply[r] ? want[r] : 0;
                Wx += cnExportTarget[r] ? want[r] : 0;
            }

            var dyBefore = DY;
            DY -= h * dyBefore;
            DO += (h * dyBefore) - (h * DO);
            var syBefore = SY;
            SY -= h * syBefore;
            SO += (h * syBefore) - (h * SO);

            // 5. Domestic fills.
            var fillD = Wd > 0 ? Math.Min(1, (1 - x) * D / Wd) : 0;
            var fillX = Wx > 0 ? Math.Min(1, x * D / Wx) : 0;
            var c = new double[R];
            var cSum = 0.0;
            for (var r = 0; r < R; r++)
            {
                c[r] = want[r] * ((domesticSupply[r] ? fillD : 0) + (cnExportTarget[r] ? fillX : 0));
                cSum += c[r];
            }

            // 6. Export rules, before rationing.
            var e = new double[R];
            var smug = new double[R];
            var p0 = new double[R];
            var E = 0.0;
            var Pi0 = 0.0;
            for (var r = 0; r < R; r++)
            {
                var rem = want[r] - c[r];
                if (embargoed[r])
                {
                    var legal = downgraded ? Math.Min(rem, downgradedCap) : 0;
                    smug[r] = Math.Min(lambda * (rem - legal), ((B[r] / P) - c[r] - legal) / (1 + smugglingPremium));
                    e[r] = legal + smug[r];
                }
                else
                {
                    var f = tier2Fraction[r];
                    e[r] = ((1 - f) * rem) + (capped ? Math.Min(f * rem, tier2Cap[r]) : f * rem);
                }

                E += e[r];
                p0[r] = pi * (priority[r] ? 1 : 0) * e[r];
                Pi0 += p0[r];
            }

            // 7. Rationing.
            var shortage = E > S;
            var p = new double[R];
            var k = 1.0;
            if (shortage)
            {
                var Pi = 0.0;
                for (var r = 0; r < R; r++)
                {
                    p[r] = Pi0 > 0 ? p0[r] * Math.Min(1, S / Pi0) : 0;
                    Pi += p[r];
                }

                k = E - Pi > 0 ? (S - Pi) / (E - Pi) : 0;
            }

            var a = new double[R];
            var sold = 0.0;
            for (var r = 0; r < R; r++)
            {
                a[r] = Math.Min(e[r], p[r] + (k * (e[r] - p[r])));
                sold += a[r];
            }

            unsold += Math.Max(0, S - E) + (D - cSum);
            rationed += Math.Max(0, E - S);

            // 8. Install.
            var totalI = 0.0;
            for (var r = 0; r < R; r++)
            {
                Y[r] += a[r] + c[r];
                YW[r] += (a[r] + c[r]) / eff;
                DY += domesticSupply[r] ? c[r] : 0;
                SY += embargoed[r] ? k * smug[r] : 0;
                I[r] = Y[r] + O[r];
                totalI += I[r];
            }

            // 9. Markup and rent for next month.
            var ratioO = S > 0 ? E / S : (E > 0 ? 16 : 1);
            ratioO = Math.Clamp(ratioO, 1.0 / 16, 16);
            m = Math.Max(1, m * Math.Exp(kappa * Math.Log(ratioO)));
            Rent = rent.Sum();

            // 10. Shares.
            var share = new double[R];
            for (var r = 0; r < R; r++)
            {
                share[r] = I[r] / totalI;
            }

            if (totalI > 0)
            {
                var focusShare = share[inputs.Focus];
                if (focusShare < focusMin)
                {
                    focusMin = focusShare;
                }

                if (targetMonth < 0 && focusShare >= focusTargetShare)
                {
                    targetMonth = t;
                }
            }

            trace.Add(new Month(
                t, S, C, E, sold, Math.Max(0, S - E), Math.Max(0, E - S), chips, D, cSum, P, m, ratio, stock,
                (double[])I.Clone(), share, want, e, a, c, smug, B, U, space, spaceBound, Rent, DY + DO, SY + SO));

            // 11. Growth to next month.
            C *= 1 + (rhoC * (1 - (asmlFabElasticity * asmlControls * (asml ? 1 : 0))));
            W *= 1 + (rhoW * (1 - (asmlCnElasticity * asmlControls * (asml ? 1 : 0))));
            M *= 1 + rhoM;
            Dm *= 1 + rhoD;
            rhoC *= d;
            rhoW *= d;
            rhoM *= d;
            rhoD *= d;
            for (var r = 0; r < R; r++)
            {
                K[r] *= 1 + rhoK[r];
                Pw[r] *= 1 + (rhoP[r] * (1 - (reeDcCriticality * (1 - ratio))));
                rhoK[r] *= d;
                rhoP[r] *= d;
            }

            F *= phi;
            eff *= epsilon;
            A *= alpha;
        }

        return new Result(Outcomes(), trace);

        Dictionary<string, double> Outcomes()
        {
            var outcomes = new Dictionary<string, double>();
            var sumI = I.Sum();
            var sumEffective = 0.0;
            for (var r = 0; r < R; r++)
            {
                sumEffective += I[r] * computeEfficiency[r];
            }

            for (var r = 0; r < R; r++)
            {
                outcomes[Column("share_", r)] = I[r] / sumI;
            }

            for (var r = 0; r < R; r++)
            {
                outcomes[Column("installed_", r)] = I[r];
            }

            for (var r = 0; r < R; r++)
            {
                outcomes[Column("effective_share_", r)] = I[r] * computeEfficiency[r] / sumEffective;
            }

            // Cloud in the last month.
            var H = 0.0;
            var need = new double[R];
            var needSum = 0.0;
            for (var r = 0; r < R; r++)
            {
                H += cloudHost[r] ? Math.Max(0, I[r] - U[r]) : 0;
                need[r] = w[r] * Math.Max(0, U[r] - I[r]);
                needSum += need[r];
            }

            var f = inputs.Focus;
            var cloudF = needSum > 0 ? need[f] * Math.Min(1, H / needSum) : 0;
            outcomes["focus_share_min"] = focusMin;
            outcomes["focus_coverage"] = I[f] / U[f];
            outcomes["focus_accessible_coverage"] = (I[f] + cloudF) / U[f];
            outcomes["focus_cloud_dependency"] = cloudF / U[f];
            outcomes["focus_target_month"] = targetMonth;
            outcomes["ree_depletion_month"] = depletionMonth;
            outcomes["ree_lost_h100e"] = lost;
            outcomes["global_installed"] = sumI;

            var ia = I[inputs.RivalA];
            var ib = I[inputs.RivalB];
            var effectiveA = ia * computeEfficiency[inputs.RivalA];
            var effectiveB = ib * computeEfficiency[inputs.RivalB];
            outcomes["rival_ratio"] = ib > 0 ? ia / ib : double.PositiveInfinity;
            outcomes["effective_rival_ratio"] = effectiveB > 0 ? effectiveA / effectiveB : double.PositiveInfinity;
            outcomes["price_final"] = P;
            outcomes["price_mean"] = priceSum / inputs.Months;
            outcomes["unsold_h100e"] = unsold;
            outcomes["rationed_h100e"] = rationed;

            var domesticI = 0.0;
            var anyDomestic = false;
            for (var r = 0; r < R; r++)
            {
                domesticI += domesticSupply[r] ? I[r] : 0;
                anyDomestic |= domesticSupply[r];
            }

            outcomes["cn_domestic_share"] = anyDomestic ? (DY + DO) / domesticI : double.NaN;
            return outcomes;
        }
    }

    private static string Column(string prefix, int region) =>
        prefix + region.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
