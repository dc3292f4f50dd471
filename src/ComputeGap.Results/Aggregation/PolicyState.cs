using System.Numerics;
using System.Runtime.Intrinsics;
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

    /// <summary>The other window buffer: the one the previous window's regret is reduced from.</summary>
    private float[][]? _spare;

    /// <summary>The previous window's regret, reduced beside the next window's arrival.</summary>
    private Task _comparing = Task.CompletedTask;
    private long _group = -1;

    /// <summary>Futures of the window being filled that each combination has brought.</summary>
    private readonly long[] _filledBy;

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
        _thresholds = new long[shape.Thresholds.Count * Combinations];
        _filledBy = new long[Combinations];
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
    public ValueSums Regret(int outcome, int combination, bool lowerIsBetter)
    {
        Settle();
        return _regret[RegretIndex(outcome, combination, lowerIsBetter)];
    }

    /// <summary>Futures in which combination <paramref name="combination"/> is the best for <paramref name="outcome"/> (ties count for each tied policy).</summary>
    public long BestCount(int outcome, int combination, bool lowerIsBetter)
    {
        Settle();
        return _best[RegretIndex(outcome, combination, lowerIsBetter)];
    }

    /// <summary>Futures in which combination <paramref name="combination"/>'s value meets threshold test <paramref name="threshold"/> of <see cref="AggregateShape.Thresholds"/>.</summary>
    public long ThresholdCount(int threshold, int combination) => _thresholds[(threshold * Combinations) + combination];

    /// <summary>True when <paramref name="outcome"/> (a column) is compared.</summary>
    public bool IsCompared(int outcome) => Array.IndexOf(_compared, outcome) >= 0;

    /// <summary>
    /// Takes in scenarios <paramref name="first"/> … + <paramref name="count"/> − 1 of one combination,
    /// <paramref name="outcomes"/>[o][i] holding outcome o of scenario first + i, in future order. The
    /// policy's own statistics are reduced at once; the compared outcomes are held until every
    /// combination's futures of the window are in, then their regret is reduced.
    /// </summary>
    /// <remarks>
    /// The scenarios may run on from one combination into the next: a run whose window is the whole ensemble
    /// (<see cref="Running.RunOrder"/>) visits the scenarios in their own order, in chunks that need not stop
    /// where a combination does. Each combination's part is taken in turn, once every part is checked: a
    /// chunk that does not continue the window changes nothing.
    /// </remarks>
    /// <exception cref="InvalidOperationException">The scenarios do not continue the window being filled.</exception>
    public void Add(float[][] outcomes, long first, int count)
    {
        if (_window <= 0)
        {
            throw new InvalidOperationException("this comparison was read from files and takes no scenarios");
        }

        var parts = Parts(first, count);
        foreach (var (_, scenario, n) in parts)
        {
            Check(scenario, n);
        }

        foreach (var (offset, scenario, n) in parts)
        {
            AddCombination(outcomes, offset, scenario, n);
        }
    }

    /// <summary>Scenarios <paramref name="first"/> … + <paramref name="count"/> − 1 cut where combinations end: each part's offset in the chunk, first scenario and length.</summary>
    private List<(int Offset, long First, int Count)> Parts(long first, int count)
    {
        var evaluations = Shape.Evaluations;
        var parts = new List<(int, long, int)>();
        for (var offset = 0; offset < count;)
        {
            var scenario = first + offset;
            var n = (int)Math.Min(count - offset, evaluations - (scenario % evaluations));
            parts.Add((offset, scenario, n));
            offset += n;
        }

        return parts;
    }

    /// <summary>Where scenarios <paramref name="first"/> … + <paramref name="count"/> − 1 of one combination fall: its window's start and length.</summary>
    private (int Combination, long Future, long Group, long Start, long Length) Place(long first)
    {
        var evaluations = Shape.Evaluations;
        var future = first % evaluations;
        var group = future / _window;
        var start = group * _window;
        return ((int)(first / evaluations), future, group, start, Math.Min(_window, evaluations - start));
    }

    /// <exception cref="InvalidOperationException">Scenarios <paramref name="first"/> … + <paramref name="count"/> − 1 of one combination do not continue its window.</exception>
    private void Check(long first, int count)
    {
        var (combination, future, group, start, length) = Place(first);
        if (future + count > start + length || (_group >= 0 && group != _group) || future - start != _filledBy[combination])
        {
            throw new InvalidOperationException($"scenarios [{first}, {first + count}) do not continue the window of futures being compared");
        }
    }

    /// <summary>
    /// Takes in scenarios <paramref name="first"/> … + <paramref name="count"/> − 1 of one combination (checked by
    /// <see cref="Check"/>), held in <paramref name="outcomes"/> from index <paramref name="offset"/>.
    /// </summary>
    private void AddCombination(float[][] outcomes, int offset, long first, int count)
    {
        var (combination, future, group, start, length) = Place(first);
        _filledBy[combination] += count;
        _group = group;
        Parallel.For(0, _columns.Length, k => _values[(k * Combinations) + combination].AddRange(outcomes[_columns[k]].AsSpan(offset, count)));
        var tests = Shape.Thresholds;
        for (var j = 0; j < tests.Count; j++)
        {
            _thresholds[(j * Combinations) + combination] += CountMeeting(outcomes[tests[j].Column].AsSpan(offset, count), tests[j]);
        }

        _buffer ??= [.. _compared.Select(_ => new float[Combinations * _window])];
        var at = (int)((combination * length) + future - start);
        for (var r = 0; r < _compared.Length; r++)
        {
            outcomes[_compared[r]].AsSpan(offset, count).CopyTo(_buffer[r].AsSpan(at));
        }

        if (Array.TrueForAll(_filledBy, filled => filled == length))
        {
            // The regret is reduced while the next window arrives, into the other buffer.
            Settle();
            var buffer = _buffer;
            _comparing = Task.Run(() => Parallel.For(0, _compared.Length, r => CompareWindow(buffer[r], (int)length, r)));
            (_buffer, _spare) = (_spare, buffer);
            Futures += length;
            _group = -1;
            Array.Clear(_filledBy);
        }
    }

    private bool Settled()
    {
        Settle();
        return true;
    }

    /// <summary>Waits for the regret of the last window filled, reduced in the background (and rethrows its failure).</summary>
    public void Settle()
    {
        // A failed reduction stays failed: every later read rethrows rather than see a window's regret missing.
        _comparing.GetAwaiter().GetResult();
        _comparing = Task.CompletedTask;
    }

    /// <summary>True when no window is half filled (a state may be written or merged only then).</summary>
    public bool IsSettled => Array.TrueForAll(_filledBy, filled => filled == 0);

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

        Settle();
        other.Settle();

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
        SameLayout(other) && Futures == other.Futures && Settled() && other.Settled()
        && _values.Zip(other._values).All(p => p.First.ExactlyEquals(p.Second))
        && _regret.Zip(other._regret).All(p => p.First.ExactlyEquals(p.Second))
        && _best.AsSpan().SequenceEqual(other._best) && _thresholds.AsSpan().SequenceEqual(other._thresholds);

    /// <summary>
    /// The outcome columns a comparison of <paramref name="compared"/> reads from each chunk (its kept
    /// columns and the threshold counts' columns), in column order: what a run needs brought to the host.
    /// </summary>
    public static int[] ColumnsRead(AggregateShape shape, IReadOnlyList<string> compared)
    {
        var names = compared.Concat(ThresholdColumns(shape));
        return [.. names.Select(n => shape.Outcomes.ToList().IndexOf(n)).Where(o => o >= 0)
            .Concat(shape.Thresholds.Select(t => t.Column)).Distinct().Order()];
    }

    /// <summary>
    /// The outcomes the report's threshold rules read that the exact threshold counts do not answer ("ever"
    /// and "by when" of the month outcomes, read from their sketches), kept per policy beside the compared ones.
    /// </summary>
    private static IEnumerable<string> ThresholdColumns(AggregateShape shape) =>
        new[] { OutcomeColumns.FocusTargetMonth, OutcomeColumns.ReeDepletionMonth }.Where(shape.Outcomes.Contains);

    private int Kept(int outcome) =>
        Array.IndexOf(_columns, outcome) is var k and >= 0 ? k : throw new ArgumentOutOfRangeException(nameof(outcome), $"outcome {Shape.Outcomes[outcome]} is not kept per policy");

    private int RegretIndex(int outcome, int combination, bool lowerIsBetter) =>
        Array.IndexOf(_compared, outcome) is var r and >= 0
            ? (((r * Combinations) + combination) * 2) + (lowerIsBetter ? 1 : 0)
            : throw new ArgumentOutOfRangeException(nameof(outcome), $"outcome {Shape.Outcomes[outcome]} is not compared");

    /// <summary>Values meeting <paramref name="test"/> (NaN meets none).</summary>
    private static long CountMeeting(ReadOnlySpan<float> values, ThresholdTest test)
    {
        var met = Vector256<int>.Zero;
        var i = 0;
        for (; i + Vector256<float>.Count <= values.Length; i += Vector256<float>.Count)
        {
            met -= test.Meets(Vector256.Create(values[i..]));
        }

        long count = Vector256.Sum(met);
        for (; i < values.Length; i++)
        {
            count += test.Holds(values[i]) ? 1 : 0;
        }

        return count;
    }

    /// <summary>Futures of a window compared at once.</summary>
    private const int Slice = 512;

    /// <summary>
    /// Regret and best counts of compared outcome <paramref name="r"/> over one window
    /// (<paramref name="values"/>[c·length + j] its value under combination c in future j), as the rows'
    /// comparison defines them: over each future's finite values, in slices of futures.
    /// </summary>
    private void CompareWindow(float[] values, int length, int r)
    {
        var combinations = Combinations;
        Span<double> high = stackalloc double[Slice];
        Span<double> low = stackalloc double[Slice];
        Span<double> shortfall = stackalloc double[Slice];
        Span<double> excess = stackalloc double[Slice];
        for (var from = 0; from < length; from += Slice)
        {
            var n = Math.Min(Slice, length - from);
            high[..n].Fill(double.NaN);
            low[..n].Fill(double.NaN);
            for (var c = 0; c < combinations; c++)
            {
                var row = values.AsSpan((c * length) + from, n);
                for (var j = 0; j < n; j++)
                {
                    double v = row[j];
                    if (double.IsFinite(v))
                    {
                        high[j] = double.IsNaN(high[j]) || v > high[j] ? v : high[j];
                        low[j] = double.IsNaN(low[j]) || v < low[j] ? v : low[j];
                    }
                }
            }

            for (var c = 0; c < combinations; c++)
            {
                // A non-finite value, or a future with no finite value, gives a non-finite regret, left out.
                var row = values.AsSpan((c * length) + from, n);
                var at = ((r * combinations) + c) * 2;
                long bestHigh = 0, bestLow = 0;
                for (var j = 0; j < n; j++)
                {
                    double v = float.IsFinite(row[j]) ? row[j] : double.NaN;
                    shortfall[j] = high[j] - v;
                    excess[j] = v - low[j];
                    bestHigh += shortfall[j] == 0 ? 1 : 0;
                    bestLow += excess[j] == 0 ? 1 : 0;
                }

                _regret[at].AddRange(shortfall[..n]);
                _regret[at + 1].AddRange(excess[..n]);
                _best[at] += bestHigh;
                _best[at + 1] += bestLow;
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
