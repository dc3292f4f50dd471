using ComputeGap.IO.Parquet;

namespace ComputeGap.Engine.Aggregation;

/// <summary>
/// The <c>policy</c> aggregate table of <see cref="PolicyState"/>, one row per statistic, columns
/// <c>kind</c>, <c>outcome</c>, <c>combination</c> (lever combination, −1 for the run), <c>slot</c>,
/// <c>count</c>, <c>min</c>, <c>max</c>, <c>value</c> and <c>exact</c>:
/// <list type="bullet">
/// <item><c>futures</c>: the futures compared (<c>count</c>).</item>
/// <item><c>values</c>, <c>regret_higher</c>, <c>regret_lower</c>: an outcome's values or regret under a
/// policy; slot −1 holds the finite count, least and greatest value and the sum (<c>value</c> rounded,
/// <c>exact</c> for merging), slots 0 … hold the non-zero quantile-sketch counts.</item>
/// <item><c>best_higher</c>, <c>best_lower</c>: futures in which the policy is the best.</item>
/// <item><c>threshold</c>: futures meeting threshold test <c>slot</c> of the shape (<see cref="AggregateShape.Thresholds"/>), named in <c>outcome</c>.</item>
/// </list>
/// The compared outcomes are those with <c>regret_higher</c> rows, in the order written.
/// </summary>
internal static class PolicyTable
{
    public static (string, ColumnSpec[], Array[], int) Write(PolicyState policies)
    {
        var kind = new List<string>();
        var outcome = new List<string>();
        var combination = new List<int>();
        var slot = new List<int>();
        var count = new List<long>();
        var min = new List<double>();
        var max = new List<double>();
        var value = new List<double>();
        var exact = new List<string>();
        void Row(string k, string o, int c, int s, long n, double lo = double.NaN, double hi = double.NaN, ExactSum? sum = null)
        {
            kind.Add(k);
            outcome.Add(o);
            combination.Add(c);
            slot.Add(s);
            count.Add(n);
            min.Add(lo);
            max.Add(hi);
            value.Add(sum?.Round() ?? double.NaN);
            exact.Add(sum?.ToExactString() ?? "");
        }

        void Sums(string k, string o, int c, ValueSums sums)
        {
            Row(k, o, c, -1, sums.Finite, sums.Min, sums.Max, sums.Sum);
            var sketch = sums.SketchCounts;
            for (var s = 0; s < sketch.Length; s++)
            {
                if (sketch[s] != 0)
                {
                    Row(k, o, c, sums.SketchFirst + s, sketch[s]);
                }
            }
        }

        Row("futures", "", -1, -1, policies.Futures);
        var names = policies.Shape.Outcomes;
        for (var o = 0; o < names.Count; o++)
        {
            for (var c = 0; c < policies.Combinations && policies.Keeps(o); c++)
            {
                Sums("values", names[o], c, policies.Values(o, c));
            }
        }

        foreach (var name in policies.Compared)
        {
            var o = names.ToList().IndexOf(name);
            for (var c = 0; c < policies.Combinations; c++)
            {
                for (var d = 0; d < 2; d++)
                {
                    var direction = PolicyState.Directions[d];
                    Sums("regret_" + direction, name, c, policies.Regret(o, c, d == 1));
                    Row("best_" + direction, name, c, -1, policies.BestCount(o, c, d == 1));
                }
            }
        }

        for (var j = 0; j < policies.Shape.Thresholds.Count; j++)
        {
            for (var c = 0; c < policies.Combinations; c++)
            {
                Row("threshold", policies.Shape.Thresholds[j].Name(policies.Shape.Outcomes), c, j, policies.ThresholdCount(j, c));
            }
        }

        return (AggregateFiles.Policy,
            [new("kind", ColumnType.String), new("outcome", ColumnType.String), new("combination", ColumnType.Int32), new("slot", ColumnType.Int32),
                new("count", ColumnType.Int64), new("min", ColumnType.Float64), new("max", ColumnType.Float64), new("value", ColumnType.Float64),
                new("exact", ColumnType.String)],
            [kind.ToArray(), outcome.ToArray(), combination.ToArray(), slot.ToArray(), count.ToArray(), min.ToArray(), max.ToArray(), value.ToArray(), exact.ToArray()],
            kind.Count);
    }

    /// <exception cref="ArgumentException">A row names an unknown kind, outcome, combination or slot, or the kept outcomes differ from what the compared ones imply.</exception>
    public static PolicyState Read(AggregateShape shape, ColumnTable table)
    {
        var kind = table["kind"].AsStrings();
        var outcome = table["outcome"].AsStrings();
        var combination = table["combination"].As<int>();
        var slot = table["slot"].As<int>();
        var count = table["count"].As<long>();
        var min = table["min"].As<double>();
        var max = table["max"].As<double>();
        var exact = table["exact"].AsStrings();
        var compared = new List<string>();
        for (var row = 0; row < table.RowCount; row++)
        {
            if (kind[row] == "regret_higher" && slot[row] == -1 && !compared.Contains(outcome[row]))
            {
                compared.Add(outcome[row]);
            }
        }

        var policies = new PolicyState(shape, compared);
        var names = shape.Outcomes.ToList();
        var seen = new HashSet<(string, string, int)>();
        for (var row = 0; row < table.RowCount; row++)
        {
            var c = combination[row];
            if (kind[row] == "futures")
            {
                policies.SetFutures(count[row]);
                continue;
            }

            if (c < 0 || c >= policies.Combinations)
            {
                throw new ArgumentException($"policy row {row} names combination {c} of {policies.Combinations}");
            }

            if (kind[row] == "threshold")
            {
                if (slot[row] < 0 || slot[row] >= policies.Shape.Thresholds.Count)
                {
                    throw new ArgumentException($"policy row {row} names threshold {slot[row]}");
                }

                policies.SetThreshold(slot[row], c, count[row]);
                continue;
            }

            var o = names.IndexOf(outcome[row]);
            var lower = kind[row].EndsWith("_lower", StringComparison.Ordinal);
            var sums = kind[row] switch
            {
                "values" when o >= 0 && policies.Keeps(o) => policies.Values(o, c),
                "regret_higher" or "regret_lower" when o >= 0 && policies.IsCompared(o) => policies.Regret(o, c, lower),
                "best_higher" or "best_lower" when o >= 0 && policies.IsCompared(o) => null,
                _ => throw new ArgumentException($"policy row {row}: no '{kind[row]}' of '{outcome[row]}' is kept"),
            };
            if (sums is null)
            {
                policies.SetBest(o, c, lower, count[row]);
            }
            else if (slot[row] == -1)
            {
                if (!seen.Add((kind[row], outcome[row], c)))
                {
                    throw new ArgumentException($"policy row {row} repeats the {kind[row]} of {outcome[row]} under combination {c}");
                }

                sums.Set(count[row], ExactSum.Parse(exact[row]), min[row], max[row]);
            }
            else if (slot[row] >= 0 && slot[row] < Core.Reduction.QuantileSketch.Length)
            {
                sums.SetSlot(slot[row], count[row]);
            }
            else
            {
                throw new ArgumentException($"policy row {row} names sketch slot {slot[row]}");
            }
        }

        var kept = Enumerable.Range(0, names.Count).Count(policies.Keeps);
        var expected = (kept + (compared.Count * 2)) * policies.Combinations;
        if (seen.Count != expected)
        {
            throw new ArgumentException($"the policy table holds {seen.Count} of the {expected} statistics its compared outcomes imply");
        }

        return policies;
    }
}
