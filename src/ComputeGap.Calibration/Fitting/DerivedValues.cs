using ComputeGap.Calibration.Observed;

namespace ComputeGap.Calibration.Fitting;

/// <summary>
/// Stage 0 of the calibration: values computed from data known before 2025 by a stated formula
/// (docs/model-v2.md, "Calibration").
/// </summary>
public static class DerivedValues
{
    /// <summary>The January 2024 fleet is built from Epoch's quarterly output of these years.</summary>
    public const int FirstFleetYear = 2022;

    public static IReadOnlyList<FittedValue> Compute(BaselineValues values, ObservedData observed)
    {
        var derived = new List<FittedValue>();
        void Add(string name, double value)
        {
            values[name] = value;
            derived.Add(new FittedValue(name, value, Provenance.Derived, 0));
        }

        // The January 2024 fleet: every quarter's US-designed output since 2022 aged by the model's rule;
        // China's share from Epoch's owner estimates aged the same way, the rest split by the cluster
        // shares outside China.
        var life = values["chip_life_years"];
        var quarters = Enumerable.Range(FirstFleetYear, 2024 - FirstFleetYear).SelectMany(y => Enumerable.Range(1, 4).Select(q => (y, q))).ToList();
        var (young, old) = AgeingChain.Run(quarters.Select(p => observed.QuarterOutput(ObservedData.Quarter(p.y, p.q))), life);
        var chinaFlows = new List<double>();
        var before = 0.0;
        foreach (var (y, q) in quarters)
        {
            var held = observed.ChinaHoldings(QuarterEnd(y, q));
            chinaFlows.Add(held - before);
            before = held;
        }

        var (chinaYoung, chinaOld) = AgeingChain.Run(chinaFlows, life);
        var china = ChinaRegion(values);
        var shares = observed.ClusterShares(Targets.ClusterSnapshot);
        var outside = values.Regions.Where(r => r != china).Sum(r => Share(shares, r));
        var rest = young + old - chinaYoung - chinaOld;
        foreach (var region in values.Regions)
        {
            Add($"installed0[{region}]", region == china
                ? chinaYoung + chinaOld + values["domestic_installed0"]
                : rest * Share(shares, region) / outside);
        }

        Add("installed0_aged_share", old / (young + old));

        // Usage demand at t = 0 is the fleet itself: the world's compute was all in use (every maker sold
        // out), so coverage is each region's share of compute over its share of demand.
        Add("demand0", young + old + values["domestic_installed0"]);
        return derived;
    }

    /// <summary>The region supplied by China's own chips (flag <c>domestic_supply</c>): the one Epoch's "China" owner estimates describe.</summary>
    public static string ChinaRegion(BaselineValues values) =>
        values.Regions.SingleOrDefault(r => values[$"domestic_supply[{r}]"] > 0.5)
        ?? throw new InvalidDataException("calibration needs exactly one region with domestic_supply = 1 (China)");

    /// <summary>The last day of a calendar quarter, as china-holdings.csv writes it.</summary>
    public static string QuarterEnd(int year, int quarter) =>
        FormattableString.Invariant($"{year}-{quarter * 3:00}-{(quarter is 1 or 4 ? 31 : 30)}");

    private static double Share(IReadOnlyDictionary<string, double> shares, string region) =>
        shares.TryGetValue(region, out var share) ? share : throw new InvalidDataException($"cluster-shares.csv: snapshot {Targets.ClusterSnapshot} has no share for region {region}");
}
