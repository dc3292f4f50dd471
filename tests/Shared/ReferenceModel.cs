using ComputeGap.Core.Model;
using ComputeGap.Core.Parameters;

namespace ComputeGap.Tests.Shared;

/// <summary>
/// An independent float64 implementation of MODEL.md v1, written straight from the page with plain
/// arrays, branches and <see cref="Math.Pow(double, double)"/> every month. Tests compare the
/// production model (float32, running growth products, lane arithmetic) against it.
/// </summary>
public static class ReferenceModel
{
    public sealed record Result(double[] Outcomes, double[,] Shares);

    public static Result Run(IReadOnlyList<double> slots, ModelShape shape)
    {
        double P(GlobalParam p) => slots[ParamSlots.Of(p)];
        double Rp(RegionParam p, int r) => slots[ParamSlots.Of(p, r)];
        bool Flag(RegionParam p, int r) => Rp(p, r) > 0.5;

        var n = shape.Regions;
        var months = shape.Months;
        var installed = new double[n];
        for (var r = 0; r < n; r++)
        {
            installed[r] = Rp(RegionParam.Installed0, r);
        }

        var shareSum = 0.0;
        for (var r = 0; r < n; r++)
        {
            shareSum += Rp(RegionParam.UsageShare, r);
        }

        var delta = 1.0 / (12.0 * P(GlobalParam.ChipLifeYears));
        var tau = P(GlobalParam.OrderLagMonths);
        var k0 = P(GlobalParam.ReeStockMonths);
        var stock = k0;
        double lost = 0, slack = 0, focusMin = double.PositiveInfinity;
        double targetMonth = -1, depletionMonth = -1;
        var shares = new double[months, n];
        var usage = new double[n];
        var cloud = new double[n];

        for (var t = 0; t < months; t++)
        {
            double G(double x, double g) => x * Math.Pow(1 + g, t / 12.0);

            // 1. Rare earths.
            var start = P(GlobalParam.ReeControlsStart);
            var end = P(GlobalParam.ReeControlsEnd);
            var on = start <= t && (end < 0 || t < end);
            var rho = P(GlobalParam.ReeCnShare);
            var cnIn = rho * (on ? P(GlobalParam.ReeExportQuota) : 1);
            var altIn = (1 - rho) * Math.Pow(1 + P(GlobalParam.ReeAltGrowth), t / 12.0);
            var avail = stock + cnIn + altIn;
            var ratio = Math.Min(1, avail);
            stock = Math.Min(k0, avail - ratio);
            var esc = P(GlobalParam.ReeEscalationMonth);
            var crit = esc >= 0 && t >= esc ? P(GlobalParam.ReeCriticalityEscalated) : P(GlobalParam.ReeCriticality);
            var factor = 1 - (crit * (1 - ratio));
            if (ratio < 1 - 1e-6 && depletionMonth < 0)
            {
                depletionMonth = t;
            }

            // 2. Supply.
            var gross = G(P(GlobalParam.Supply0), P(GlobalParam.SupplyGrowth));
            var supply = gross * factor;
            lost += gross * (1 - factor);
            var domestic = G(P(GlobalParam.DomesticSupply0), P(GlobalParam.DomesticSupplyGrowth));

            // 3. Demand and capacity.
            var bubbleMonth = P(GlobalParam.BubbleMonth);
            var cap = new double[n];
            for (var r = 0; r < n; r++)
            {
                var burst = Flag(RegionParam.BubbleExposed, r) && bubbleMonth >= 0 && t >= bubbleMonth;
                usage[r] = G(P(GlobalParam.Demand0), P(GlobalParam.DemandGrowth)) * (Rp(RegionParam.UsageShare, r) / shareSum) * (burst ? 1 - P(GlobalParam.BubbleCut) : 1);
                var stepMonth = Rp(RegionParam.DcStepMonth, r);
                cap[r] = G(Rp(RegionParam.DcCapacity0, r), Rp(RegionParam.DcGrowth, r)) + (stepMonth >= 0 && t >= stepMonth ? Rp(RegionParam.DcStep, r) : 0);
            }

            // 4. Orders.
            var baseI = new double[n];
            var preSum = 0.0;
            var hostCap = 0.0;
            for (var r = 0; r < n; r++)
            {
                baseI[r] = installed[r] * (1 - delta);
                if (Flag(RegionParam.CloudHost, r))
                {
                    hostCap += cap[r];
                }
                else
                {
                    var pre = Math.Max(0, usage[r] - baseI[r]);
                    preSum += Flag(RegionParam.Embargoed, r) ? pre * P(GlobalParam.CloudAccessEmbargoed) : pre;
                }
            }

            var want = new double[n];
            for (var r = 0; r < n; r++)
            {
                var export = Flag(RegionParam.CloudHost, r) && hostCap > 0 ? P(GlobalParam.CloudExportShare) * preSum * cap[r] / hostCap : 0;
                want[r] = Math.Max(0, Math.Min(usage[r] + export, cap[r]) - baseI[r]) / tau;
            }

            // 5. Domestic output.
            var w = 0.0;
            for (var r = 0; r < n; r++)
            {
                w += Flag(RegionParam.DomesticSupply, r) ? want[r] : 0;
            }

            var d = new double[n];
            var dSum = 0.0;
            for (var r = 0; r < n; r++)
            {
                d[r] = Flag(RegionParam.DomesticSupply, r) && w > 0 ? want[r] * Math.Min(1, domestic / w) : 0;
                dSum += d[r];
            }

            // 6. Priority.
            var p = new double[n];
            var pSum = 0.0;
            for (var r = 0; r < n; r++)
            {
                p[r] = Flag(RegionParam.Priority, r) ? P(GlobalParam.UsPriority) * want[r] : 0;
                pSum += p[r];
            }

            if (pSum > supply)
            {
                var scale = supply / pSum;
                pSum = 0;
                for (var r = 0; r < n; r++)
                {
                    p[r] *= scale;
                    pSum += p[r];
                }
            }

            // 7. Eligible orders.
            var e = new double[n];
            var x = 0.0;
            for (var r = 0; r < n; r++)
            {
                e[r] = want[r] - p[r] - d[r];
                if (Flag(RegionParam.Embargoed, r))
                {
                    e[r] *= P(GlobalParam.Leakage);
                }

                x += Rp(RegionParam.Tier2Fraction, r) * e[r];
            }

            var tier2Cap = P(GlobalParam.Tier2Cap);
            if (P(GlobalParam.DiffusionRule) > 0.5 && x > tier2Cap)
            {
                for (var r = 0; r < n; r++)
                {
                    var f = Rp(RegionParam.Tier2Fraction, r);
                    e[r] = ((1 - f) * e[r]) + (f * e[r] * tier2Cap / x);
                }
            }

            // 8. Allocation.
            var left = supply - pSum;
            var eSum = e.Sum();
            var k = eSum == 0 ? 0 : (eSum > left ? left / eSum : 1);
            slack += (left - (k * eSum)) + (domestic - dSum);

            // 9. Install.
            for (var r = 0; r < n; r++)
            {
                installed[r] = baseI[r] + p[r] + (k * e[r]) + d[r];
            }

            // 10. Cloud and shares.
            var h = 0.0;
            var needSum = 0.0;
            var need = new double[n];
            for (var r = 0; r < n; r++)
            {
                if (Flag(RegionParam.CloudHost, r))
                {
                    h += Math.Max(0, installed[r] - usage[r]);
                }
                else
                {
                    need[r] = Math.Max(0, usage[r] - installed[r]) * (Flag(RegionParam.Embargoed, r) ? P(GlobalParam.CloudAccessEmbargoed) : 1);
                    needSum += need[r];
                }
            }

            for (var r = 0; r < n; r++)
            {
                cloud[r] = needSum > 0 ? need[r] * Math.Min(1, h / needSum) : 0;
            }

            var total = installed.Sum();
            for (var r = 0; r < n; r++)
            {
                shares[t, r] = installed[r] / total;
            }

            var focusShare = shares[t, shape.Focus];
            focusMin = Math.Min(focusMin, focusShare);
            if (targetMonth < 0 && focusShare >= P(GlobalParam.FocusTargetShare))
            {
                targetMonth = t;
            }
        }

        var outcomes = new double[OutcomeColumns.Count(n)];
        var sumI = installed.Sum();
        for (var r = 0; r < n; r++)
        {
            outcomes[r] = installed[r] / sumI;
        }

        var fIdx = shape.Focus;
        outcomes[n + (int)ScalarOutcome.FocusShareMin] = focusMin;
        outcomes[n + (int)ScalarOutcome.FocusCoverage] = installed[fIdx] / usage[fIdx];
        outcomes[n + (int)ScalarOutcome.FocusCloudDependency] = cloud[fIdx] / usage[fIdx];
        outcomes[n + (int)ScalarOutcome.FocusTargetMonth] = targetMonth;
        outcomes[n + (int)ScalarOutcome.ReeDepletionMonth] = depletionMonth;
        outcomes[n + (int)ScalarOutcome.ReeLostH100e] = lost;
        outcomes[n + (int)ScalarOutcome.GlobalInstalled] = sumI;
        outcomes[n + (int)ScalarOutcome.RivalRatio] = installed[shape.RivalB] > 0 ? installed[shape.RivalA] / installed[shape.RivalB] : double.PositiveInfinity;
        outcomes[n + (int)ScalarOutcome.SupplySlack] = slack;
        return new Result(outcomes, shares);
    }
}
