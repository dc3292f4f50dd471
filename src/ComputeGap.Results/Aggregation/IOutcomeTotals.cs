namespace ComputeGap.Engine.Aggregation;

/// <summary>
/// What an outcome's statistics and the threshold probabilities are read from: the whole run's
/// aggregates, or one policy's share of a comparison (<see cref="PolicyView"/>).
/// </summary>
internal interface IOutcomeTotals
{
    /// <summary>The aggregate's shape (outcome names, keys).</summary>
    AggregateShape Shape { get; }

    /// <summary>Scenarios counted.</summary>
    long Scenarios { get; }

    /// <summary>True when the statistics of outcome column <paramref name="outcome"/> are kept (the others throw).</summary>
    bool Keeps(int outcome);

    /// <summary>Finite values of outcome column <paramref name="outcome"/>.</summary>
    long FiniteCount(int outcome);

    /// <summary>Their exact sum (a copy).</summary>
    ExactSum SumOf(int outcome);

    /// <summary>Least finite value.</summary>
    double Min(int outcome);

    /// <summary>Greatest finite value.</summary>
    double Max(int outcome);

    /// <summary>Quantile-sketch counts.</summary>
    ReadOnlySpan<long> Sketch(int outcome);

    /// <summary>Scenarios meeting threshold test <paramref name="threshold"/> of <see cref="AggregateShape.Thresholds"/>.</summary>
    long ThresholdCount(int threshold);
}

/// <summary>One lever combination of a <see cref="PolicyState"/>, read as the aggregates of its futures.</summary>
internal sealed class PolicyView(PolicyState policies, int combination) : IOutcomeTotals
{
    public AggregateShape Shape => policies.Shape;

    public long Scenarios => policies.Futures;

    public bool Keeps(int outcome) => policies.Keeps(outcome);

    public long FiniteCount(int outcome) => policies.Values(outcome, combination).Finite;

    public ExactSum SumOf(int outcome) => policies.Values(outcome, combination).Sum.Clone();

    public double Min(int outcome) => policies.Values(outcome, combination).Min;

    public double Max(int outcome) => policies.Values(outcome, combination).Max;

    public ReadOnlySpan<long> Sketch(int outcome) => policies.Values(outcome, combination).Sketch;

    public long ThresholdCount(int threshold) => policies.ThresholdCount(threshold, combination);
}
