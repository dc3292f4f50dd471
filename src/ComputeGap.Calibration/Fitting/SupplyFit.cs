using ComputeGap.Calibration.Observed;

namespace ComputeGap.Calibration.Fitting;

/// <summary>
/// Stage 1: US-designed capacity. fab_capacity0, fab_capacity_growth and growth_halflife_years are
/// chosen so that the model's capacity law (docs/model-v2.md, step 11: a monthly rate that shrinks by
/// d each month), run back from January 2024 over 2023, matches Epoch's quarterly output of every
/// maker from 2023Q1 to 2024Q4 in logs, and so that capacity doubles over 2025 as planned in 2024.
/// Output equals capacity before the rare-earth controls of April 2025.
/// </summary>
public static class SupplyFit
{
    /// <summary>The first quarter fitted: TPU counts start in 2023 (AMD and Trainium, small, in 2024).</summary>
    public const int FirstYear = 2023;

    public static IReadOnlyList<FittedValue> Fit(BaselineValues values, ObservedData observed, List<FitTarget> targets)
    {
        var quarters = Enumerable.Range(FirstYear, 2025 - FirstYear).SelectMany(y => Enumerable.Range(1, 4).Select(q => (y, q))).ToList();
        var observedLogs = quarters.Select(p => Math.Log(observed.QuarterOutput(ObservedData.Quarter(p.y, p.q)))).ToArray();
        var firstMonth = 12 * (FirstYear - 2024);

        double Loss(double[] x)
        {
            var path = Capacity(Math.Exp(x[0]), Math.Exp(x[1]) - 1, Math.Exp(x[2]), firstMonth, 24);
            var loss = 0.0;
            for (var i = 0; i < quarters.Count; i++)
            {
                var quarter = path[3 * i] + path[(3 * i) + 1] + path[(3 * i) + 2];
                loss += Square(Math.Log(quarter) - observedLogs[i]);
            }

            return loss + Square(Math.Log(path[^1] / path[^13]) - Math.Log(Targets.PlannedCapacityGrowth2025));
        }

        var (point, _) = Minimizer.Minimize(Loss, [Math.Log(2e5), Math.Log(3.0), Math.Log(1.5)], [0.3, 0.3, 0.3]);
        var (capacity0, growth, halflife) = (Math.Exp(point[0]), Math.Exp(point[1]) - 1, Math.Exp(point[2]));
        var fitted = Capacity(capacity0, growth, halflife, firstMonth, 24);
        for (var i = 0; i < quarters.Count; i++)
        {
            targets.Add(new FitTarget(1, $"US-designed output {ObservedData.Quarter(quarters[i].y, quarters[i].q)}, H100e",
                Math.Exp(observedLogs[i]), fitted[3 * i] + fitted[(3 * i) + 1] + fitted[(3 * i) + 2], "Epoch AI (us-designed-output.csv)"));
        }

        targets.Add(new FitTarget(1, "capacity Dec 2025 / Dec 2024", Targets.PlannedCapacityGrowth2025, fitted[^1] / fitted[^13], "TSMC 2024: CoWoS to double in 2025"));
        values["fab_capacity0"] = capacity0;
        values["fab_capacity_growth"] = growth;
        values["growth_halflife_years"] = halflife;
        return
        [
            new("fab_capacity0", capacity0, Provenance.Fitted, 1),
            new("fab_capacity_growth", growth, Provenance.Fitted, 1),
            new("growth_halflife_years", halflife, Provenance.Fitted, 1),
        ];
    }

    /// <summary>
    /// Monthly capacity for months <c>[first, last)</c> (t = 0 is January 2024): the model's law forward
    /// from t = 0 (C(t+1) = C(t)·(1 + ρ(t)), ρ(t+1) = d·ρ(t)) and its inverse back from t = 0.
    /// </summary>
    public static double[] Capacity(double capacity0, double growth, double halflifeYears, int first, int last)
    {
        var d = Math.Pow(2, -1 / (12 * halflifeYears));
        var rate0 = Math.Pow(1 + growth, 1.0 / 12) - 1;
        var path = new double[last - first];
        double c = capacity0, rate = rate0;
        for (var t = 0; t < last; t++)
        {
            if (t >= first)
            {
                path[t - first] = c;
            }

            c *= 1 + rate;
            rate *= d;
        }

        (c, rate) = (capacity0, rate0);
        for (var t = -1; t >= first; t--)
        {
            rate /= d;
            c /= 1 + rate;
            if (t < last)
            {
                path[t - first] = c;
            }
        }

        return path;
    }

    private static double Square(double x) => x * x;
}
