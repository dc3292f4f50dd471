using ComputeGap.Core.Reduction;
using ComputeGap.IO.Reports;

namespace ComputeGap.Engine.Aggregation;

/// <summary>
/// Lever combinations compared on the same futures, in aggregate mode: for each combination (policy),
/// the statistics of the compared outcomes and of the outcomes the report's thresholds read, the
/// exact threshold counts, and for each compared outcome its regret, the shortfall against the best
/// policy in the same future, r_c(e) = max_c' y_c'(e) − y_c(e) ("higher is better") and
/// y_c(e) − min_c' y_c'(e) ("lower is better"), with how often the policy is the best.
/// </summary>
/// <remarks>
/// A run in future order (<see cref="Running.RunOrder"/>) brings every combination's window of futures
/// in turn; the window's values are held until the last combination's arrive, then reduced. Every
/// statistic is an exact sum, a count or a least/greatest value, so windows, parts and shards merge in
/// any order to the same bits.
/// </remarks>
public sealed class PolicyState
{
    /// <summary>Direction names, in storage order.</summary>
    public static IReadOnlyList<string> Directions { get; } = ["higher", "lower"];

    private readonly ValueSums[] _values;
    private readonly ValueSums[] _regret;
    private readonly long[] _best;
    private readonly long[] _thresholds;
    private readonly int[] _columns;
    private readonly int[] _compared;
    private readonly long _window;
    private float[][]? _buffer;
    private long _group = -1;
    private long _filled;

    /// <summary>Empty comparison of <paramref name="compared"/> over <paramref name="shape"/>'s lever combinations.</summary>
    /// <param name="shape">The aggregate's shape (its axes are the levers).</param>
    /// <param name="compared">Outcomes whose regret is kept.</param>
    /// <param name="window">Futures per window of the run (0 for a state that is only read and merged).</param>
    /// <exception cref="ArgumentException">The shape is not a sampled design with two or more combinations, or an outcome is unknown.</exception>
    public PolicyState(AggregateShape shape, IReadOnlyList<string> compared, long window = 0)
    {
        Combinations = checked((int)(shape.GridSize / shape.Evaluations));
        if (shape.Evaluations < 2 || Combinations < 2)
        {
            throw new ArgumentException("policies are compared over two or more lever combinations of a sampled design", nameof(shape));
        }

        Shape = shape;
        _window = window;
        var outcomes = shape.Outcomes.ToList();
        _compared = [.. compared.Distinct().Select(name => outcomes.IndexOf(name) is var o and >= 0 ? o : throw new ArgumentException($"no outcome '{name}' to compare", nameof(compared)))];
        var columns = _compared.ToList();
        foreach (var name in ThresholdColumns(shape))
        {
            var o = outcomes.IndexOf(name);
            if (!columns.Contains(o))
            {
                columns.Add(o);
            }
        }

        _columns = [.. columns];
        _values = [.. Enumerable.Range(0, _columns.Length * Combinations).Select(_ => new ValueSums())];
        _regret = [.. Enumerable.Range(0, _compared.Length * Combinations * 2).Select(_ => new ValueSums())];
        _best = new long[_compared.Length * Combinations * 2];
        _thresholds = new long[Thresholds.Count * Combinations];
    }

    /// <summary>The aggregate's shape.</summary>
    public AggregateShape Shape { get; }

    /// <summary>Lever combinations.</summary>
    public int Combinations { get; }

    /// <summary>Futures reduced (each met by every combination).</summary>
    public long Futures { get; private set; }

    /// <summary>Outcomes whose regret is kept.</summary>
    public IReadOnlyList<string> Compared => [.. _compared.Select(o => Shape.Outcomes[o])];

    /// <summary>True when the statistics of outcome column <paramref name="outcome"/> are kept per policy.</summary>
    public bool Keeps(int outcome) => Array.IndexOf(_columns, outcome) >= 0;

    /// <summary>Outcome <paramref name="outcome"/>'s statistics under combination <paramref name="combination"/>.</summary>
    public ValueSums Values(int outcome, int combination) => _values[(Kept(outcome) * Combinations) + combination];

    /// <summary>The regret of compared outcome <paramref name="outcome"/> (a column) under combination <paramref name="combination"/>.</summary>
    public ValueSums Regret(int outcome, int combination, bool lowerIsBetter) => _regret[RegretIndex(outcome, combination, lowerIsBetter)];

    /// <summary>Futures in which combination <paramref name="combination"/> is the best for <paramref name="outcome"/> (ties count for each tied policy).</summary>
    public long BestCount(int outcome, int combination, bool lowerIsBetter) => _best[RegretIndex(outcome, combination, lowerIsBetter)];

    /// <summary>Futures in which combination <paramref name="combination"/>'s value is below <see cref="Thresholds.Bound"/>(<paramref name="threshold"/>).</summary>
    public long ThresholdCount(int threshold, int combination) => _thresholds[(threshold * Combinations) + combination];

    /// <summary>True when <paramref name="outcome"/> (a column) is compared.</summary>
    public bool IsCompared(int outcome) => Array.IndexOf(_compared, outcome) >= 0;

    /// <summary>
    /// Takes in scenarios <paramref name="first"/> … + <paramref name="count"/> − 1 of one combination,
    /// <paramref name="outcomes"/>[o][i] holding outcome o of scenario first + i, in future order.
    /// </summary>
    /// <exception cref="InvalidOperationException">The scenarios do not continue the window being filled.</exception>
    public void Add(float[][] outcomes, long first, int count)
    {
        if (_window <= 0)
        {
            throw new InvalidOperationException("this comparison was read from files and takes no scenarios");
        }

        var evaluations = Shape.Evaluations;
        var combination = first / evaluations;
        var future = first % evaluations;
        var group = future / _window;
        var start = group * _window;
        var length = Math.Min(_window, evaluations - start);
        if (future + count > start + length || (_group >= 0 && group != _group))
        {
            throw new InvalidOperationException($"scenarios [{first}, {first + count}) do not continue the window of futures being compared");
        }

        _group = group;
        _buffer ??= [.. _columns.Select(_ => new float[Combinations * _window])];
        var at = (combination * length) + future - start;
        for (var k = 0; k < _columns.Length; k++)
        {
            outcomes[_columns[k]].AsSpan(0, count).CopyTo(_buffer[k].AsSpan((int)at));
        }

        _filled += count;
        if (_filled == Combinations * length)
        {
            Reduce((int)length);
            _group = -1;
            _filled = 0;
        }
    }

    /// <summary>True when no window is half filled (a state may be written or merged only then).</summary>
    public bool IsSettled => _filled == 0;

    /// <summary>Adds another comparison of the same policies and outcomes.</summary>
    public void Merge(PolicyState other)
    {
        if (!SameLayout(other))
        {
            throw new ArgumentException("the comparisons keep different policies or outcomes", nameof(other));
        }

        if (!IsSettled || !other.IsSettled)
        {
            throw new InvalidOperationException("a window of futures is half compared");
        }

        Futures += other.Futures;
        for (var i = 0; i < _values.Length; i++)
        {
            _values[i].Merge(other._values[i]);
        }

        for (var i = 0; i < _regret.Length; i++)
        {
            _regret[i].Merge(other._regret[i]);
            _best[i] += other._best[i];
        }

        for (var i = 0; i < _thresholds.Length; i++)
        {
            _thresholds[i] += other._thresholds[i];
        }
    }

    /// <summary>True when <paramref name="other"/> compares the same policies and outcomes.</summary>
    public bool SameLayout(PolicyState other) =>
        Combinations == other.Combinations && _compared.AsSpan().SequenceEqual(other._compared) && _columns.AsSpan().SequenceEqual(other._columns);

    /// <summary>True when every statistic equals <paramref name="other"/>'s bit for bit.</summary>
    public bool ExactlyEquals(PolicyState other) =>
        SameLayout(other) && Futures == other.Futures
        && _values.Zip(other._values).All(p => p.First.ExactlyEquals(p.Second))
        && _regret.Zip(other._regret).All(p => p.First.ExactlyEquals(p.Second))
        && _best.AsSpan().SequenceEqual(other._best) && _thresholds.AsSpan().SequenceEqual(other._thresholds);

    /// <summary>The outcomes the report's threshold rules read that <paramref name="shape"/> has, kept per policy beside the compared ones.</summary>
    private static IEnumerable<string> ThresholdColumns(AggregateShape shape)
    {
        var keys = shape.Keys;
        var names = Enumerable.Range(0, Thresholds.Count).Select(j => shape.Outcomes[Thresholds.Column(j, keys)]).ToList();
        names.AddRange([OutcomeColumns.FocusTargetMonth, OutcomeColumns.ReeDepletionMonth]);
        return names.Distinct().Where(shape.Outcomes.Contains);
    }

    private int Kept(int outcome) =>
        Array.IndexOf(_columns, outcome) is var k and >= 0 ? k : throw new ArgumentOutOfRangeException(nameof(outcome), $"outcome {Shape.Outcomes[outcome]} is not kept per policy");

    private int RegretIndex(int outcome, int combination, bool lowerIsBetter) =>
        Array.IndexOf(_compared, outcome) is var r and >= 0
            ? (((r * Combinations) + combination) * 2) + (lowerIsBetter ? 1 : 0)
            : throw new ArgumentOutOfRangeException(nameof(outcome), $"outcome {Shape.Outcomes[outcome]} is not compared");

    /// <summary>Reduces the window held: <c>_buffer[k][c·length + j]</c> is kept column k of combination c in future j.</summary>
    private void Reduce(int length)
    {
        var buffer = _buffer!;
        var combinations = Combinations;
        Parallel.For(0, _columns.Length, k =>
        {
            var values = buffer[k];
            for (var c = 0; c < combinations; c++)
            {
                var sums = _values[(k * combinations) + c];
                foreach (var v in values.AsSpan(c * length, length))
                {
                    sums.Add(v);
                }
            }

            var r = Array.IndexOf(_compared, _columns[k]);
            if (r >= 0)
            {
                CompareWindow(values, length, r);
            }
        });

        var keys = Shape.Keys;
        for (var j = 0; j < Thresholds.Count; j++)
        {
            var values = buffer[Kept(Thresholds.Column(j, keys))];
            var bound = Thresholds.Bound(j);
            for (var c = 0; c < combinations; c++)
            {
                long below = 0;
                foreach (var v in values.AsSpan(c * length, length))
                {
                    below += v < bound ? 1 : 0;
                }

                _thresholds[(j * combinations) + c] += below;
            }
        }

        Futures += length;
    }

    /// <summary>Regret and best counts of compared outcome <paramref name="r"/> over one window, as the rows' comparison defines them.</summary>
    private void CompareWindow(float[] values, int length, int r)
    {
        var combinations = Combinations;
        for (var j = 0; j < length; j++)
        {
            var high = double.NaN;
            var low = double.NaN;
            for (var c = 0; c < combinations; c++)
            {
                double v = values[(c * length) + j];
                if (double.IsFinite(v))
                {
                    high = double.IsNaN(high) || v > high ? v : high;
                    low = double.IsNaN(low) || v < low ? v : low;
                }
            }

            if (double.IsNaN(high))
            {
                continue;
            }

            for (var c = 0; c < combinations; c++)
            {
                double v = values[(c * length) + j];
                if (!double.IsFinite(v))
                {
                    continue;
                }

                var at = ((r * combinations) + c) * 2;
                var shortfall = high - v;
                _regret[at].Add(shortfall);
                _best[at] += shortfall == 0 ? 1 : 0;
                var excess = v - low;
                _regret[at + 1].Add(excess);
                _best[at + 1] += excess == 0 ? 1 : 0;
            }
        }
    }

    /// <summary>Restores the futures count (used by the reader).</summary>
    internal void SetFutures(long futures) => Futures = futures;

    /// <summary>Restores a best count (used by the reader).</summary>
    internal void SetBest(int outcome, int combination, bool lowerIsBetter, long count) => _best[RegretIndex(outcome, combination, lowerIsBetter)] = count;

    /// <summary>Restores a threshold count (used by the reader).</summary>
    internal void SetThreshold(int threshold, int combination, long count) => _thresholds[(threshold * Combinations) + combination] = count;
}
