namespace ComputeGap.IO.Reports;

/// <summary>
/// The scenarios with the highest (or lowest) finite values of one column, kept while the rows stream
/// past in blocks: a short list, best first, ties to the lower scenario number (as aggregates rank them).
/// </summary>
/// <param name="highest">True to keep the highest values, false the lowest.</param>
/// <param name="count">How many to keep.</param>
internal sealed class ExtremeRows(bool highest, int count)
{
    private readonly List<RankedScenario> _best = new(count + 1);

    /// <summary>The kept scenarios, best first.</summary>
    public IReadOnlyList<RankedScenario> Best => _best;

    /// <summary>Offers one row; <paramref name="inputs"/> is called only when the row is kept.</summary>
    public void Offer(double value, long scenario, Func<IReadOnlyList<KeyValuePair<string, double>>> inputs)
    {
        if (!double.IsFinite(value) || (_best.Count == count && !Before(value, scenario, _best[^1])))
        {
            return;
        }

        var at = _best.Count;
        while (at > 0 && Before(value, scenario, _best[at - 1]))
        {
            at--;
        }

        _best.Insert(at, new RankedScenario(scenario, value, inputs()));
        if (_best.Count > count)
        {
            _best.RemoveAt(count);
        }
    }

    private bool Before(double value, long scenario, RankedScenario other) =>
        value != other.Value ? (value > other.Value) == highest : scenario < other.Scenario;
}
