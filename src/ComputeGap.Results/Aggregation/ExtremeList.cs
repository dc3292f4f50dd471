namespace ComputeGap.Engine.Aggregation;

/// <summary>One of the best or worst scenarios by focus share.</summary>
/// <param name="Scenario">Scenario index.</param>
/// <param name="Value">Its focus share.</param>
public readonly record struct ExtremeScenario(long Scenario, double Value);

/// <summary>
/// The k best (highest value first) or worst (lowest first) scenarios offered, ties going to the lower
/// scenario index. The order is total, so the list does not depend on the order of the offers.
/// </summary>
internal sealed class ExtremeList(int capacity, bool highest)
{
    private readonly ExtremeScenario[] _items = new ExtremeScenario[capacity];

    /// <summary>Entries held (at most the capacity).</summary>
    public int Count { get; private set; }

    /// <summary>The entries, best first (a copy).</summary>
    public IReadOnlyList<ExtremeScenario> Items => _items.AsSpan(0, Count).ToArray();

    /// <summary>Keeps the scenario if it ranks among the best <c>capacity</c> so far.</summary>
    public void Offer(long scenario, double value)
    {
        var candidate = new ExtremeScenario(scenario, value);
        var at = Count;
        while (at > 0 && Before(candidate, _items[at - 1]))
        {
            at--;
        }

        if (at >= _items.Length)
        {
            return;
        }

        var last = Math.Min(Count, _items.Length - 1);
        Array.Copy(_items, at, _items, at + 1, last - at);
        _items[at] = candidate;
        Count = Math.Min(Count + 1, _items.Length);
    }

    /// <summary>Offers every entry of another list.</summary>
    public void Merge(ExtremeList other)
    {
        foreach (var item in other.Items)
        {
            Offer(item.Scenario, item.Value);
        }
    }

    private bool Before(ExtremeScenario a, ExtremeScenario b) =>
        (highest ? a.Value > b.Value : a.Value < b.Value) || (a.Value == b.Value && a.Scenario < b.Scenario);
}
