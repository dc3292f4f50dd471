using System.Numerics;
using ComputeGap.IO.Discovery;

namespace ComputeGap.Engine.Aggregation;

/// <summary>
/// The bitmap of <c>sweep --where</c>: one bit per scenario, 1 where the condition held, kept as
/// segments of 64-bit words (word w holds scenarios 64w to 64w + 63). Aggregate runs start on block
/// boundaries (4,096 scenarios), so parts and shards own whole words, except the grid's last; merging
/// parts places their segments side by side (an OR where a word is shared), so it is exact and
/// commutative like every aggregate.
/// </summary>
public sealed class WhereBits
{
    private readonly SortedDictionary<long, List<ulong>> _segments = [];
    private readonly Dictionary<string, int> _columns = new(StringComparer.Ordinal);

    /// <summary>A bitmap of <paramref name="condition"/> over the outcomes <paramref name="outcomes"/> (the condition reads only them).</summary>
    /// <exception cref="ArgumentException">The condition reads a column that is not an outcome.</exception>
    public WhereBits(WhereExpression condition, IReadOnlyList<string> outcomes)
    {
        Condition = condition;
        foreach (var name in condition.Columns)
        {
            _columns[name] = outcomes.ToList().IndexOf(name) is var at and >= 0
                ? at
                : throw new ArgumentException($"--where: {name} is not an outcome of this sweep; a sweep's bitmap records a condition on outcomes (discover then finds which axes matter)");
        }

        Outcomes = outcomes;
    }

    /// <summary>The condition.</summary>
    public WhereExpression Condition { get; }

    /// <summary>The outcomes, in column order.</summary>
    public IReadOnlyList<string> Outcomes { get; }

    /// <summary>Set bits over every segment.</summary>
    public long Holds => _segments.Values.Sum(s => s.Sum(w => (long)BitOperations.PopCount(w)));

    /// <summary>The segments: first word and words, in word order.</summary>
    public IEnumerable<(long FirstWord, IReadOnlyList<ulong> Words)> Segments => _segments.Select(s => (s.Key, (IReadOnlyList<ulong>)s.Value));

    /// <summary>Evaluates the condition over a chunk's outcome columns (scenarios <paramref name="first"/> on, a multiple of 64) and keeps its bits.</summary>
    public void Add(float[][] columns, long first, int count)
    {
        if (first % 64 != 0)
        {
            throw new ArgumentException($"a chunk of the bitmap must start on a word (a multiple of 64 scenarios), not at {first}", nameof(first));
        }

        var flags = Condition.Evaluate(count, name => Comparable(name, columns[_columns[name]], count));
        var words = new ulong[(count + 63) / 64];
        for (var i = 0; i < count; i++)
        {
            words[i >> 6] |= flags[i] ? 1UL << (i & 63) : 0;
        }

        Place(first / 64, words);
    }

    /// <summary>
    /// A chunk's outcome as a condition compares it: a month outcome's "never" (−1) as NaN, which no comparison
    /// matches, as the row files' NULL does not (<see cref="IO.Parquet.TableColumn.ComparableValues"/>).
    /// </summary>
    private static float[] Comparable(string name, float[] values, int count)
    {
        if (!IO.Reports.OutcomeColumns.IsMonth(name))
        {
            return values;
        }

        var result = new float[count];
        for (var i = 0; i < count; i++)
        {
            result[i] = values[i] == IO.Reports.OutcomeColumns.NeverMonth ? float.NaN : values[i];
        }

        return result;
    }

    /// <summary>Adds words read from a part (or another state), OR-ing a word two parts share.</summary>
    public void Place(long firstWord, IReadOnlyList<ulong> words)
    {
        // Append to the segment that ends where these begin, else start a segment.
        var before = _segments.LastOrDefault(s => s.Key <= firstWord);
        if (before.Value is { } segment && before.Key + segment.Count >= firstWord)
        {
            for (var i = 0; i < words.Count; i++)
            {
                var at = (int)(firstWord - before.Key) + i;
                if (at < segment.Count)
                {
                    segment[at] |= words[i];
                }
                else
                {
                    segment.Add(words[i]);
                }
            }
        }
        else
        {
            _segments[firstWord] = [.. words];
        }

        // A segment that now reaches the next one swallows it.
        var keys = _segments.Keys.ToList();
        for (var k = keys.Count - 1; k > 0; k--)
        {
            var (previous, next) = (_segments[keys[k - 1]], keys[k]);
            if (keys[k - 1] + previous.Count >= next)
            {
                var absorbed = _segments[next];
                _segments.Remove(next);
                Place(next, absorbed);
                return;
            }
        }
    }

    /// <summary>Adds another bitmap of the same condition.</summary>
    /// <exception cref="ArgumentException">The other bitmap records another condition.</exception>
    public void Merge(WhereBits other)
    {
        if (other.Condition.ToString() != Condition.ToString())
        {
            throw new ArgumentException($"bitmaps of different conditions cannot merge: \"{Condition}\" and \"{other.Condition}\"", nameof(other));
        }

        foreach (var (first, words) in other.Segments)
        {
            Place(first, words);
        }
    }

    /// <summary>All words of a grid of <paramref name="scenarios"/> scenarios.</summary>
    /// <exception cref="InvalidDataException">The segments do not cover the grid exactly.</exception>
    public ulong[] ToWords(long scenarios)
    {
        var words = new ulong[(scenarios + 63) / 64];
        long covered = 0;
        foreach (var (first, segment) in Segments)
        {
            if (first + segment.Count > words.LongLength)
            {
                throw new InvalidDataException($"the bitmap holds words beyond the grid's {scenarios:N0} scenarios");
            }

            for (var i = 0; i < segment.Count; i++)
            {
                words[first + i] = segment[i];
            }

            covered += segment.Count;
        }

        return covered == words.LongLength
            ? words
            : throw new InvalidDataException($"the bitmap covers {Math.Min(covered * 64, scenarios):N0} of the grid's {scenarios:N0} scenarios");
    }

    /// <summary>The words <paramref name="firstWord"/> to <paramref name="firstWord"/> + <paramref name="count"/> − 1 (0 where none is kept).</summary>
    public ulong[] ToWordsFrom(long firstWord, int count)
    {
        var words = new ulong[count];
        foreach (var (first, segment) in Segments)
        {
            for (var i = 0; i < segment.Count; i++)
            {
                var at = first + i - firstWord;
                if (at >= 0 && at < count)
                {
                    words[at] = segment[i];
                }
            }
        }

        return words;
    }

    /// <summary>True when both hold the same condition and the same bits.</summary>
    public bool ExactlyEquals(WhereBits other) =>
        Condition.ToString() == other.Condition.ToString()
        && Segments.SelectMany(s => s.Words.Select((w, i) => (s.FirstWord + i, w)))
            .SequenceEqual(other.Segments.SelectMany(s => s.Words.Select((w, i) => (s.FirstWord + i, w))));
}
