using ComputeGap.IO.Discovery;
using ComputeGap.IO.Parquet;

namespace ComputeGap.Engine.Aggregation;

/// <summary>
/// The <c>where</c> aggregate table of <c>sweep --where</c>: columns <c>word</c> (int64, the word's
/// index: it holds scenarios 64 word to 64 word + 63) and <c>bits</c> (int64, bit i for scenario
/// 64 word + i). The condition is the files' <c>where</c> metadata.
/// </summary>
internal static class WhereTable
{
    /// <summary>The metadata key holding the condition, as <see cref="WhereExpression.ToString"/> writes it.</summary>
    public const string MetadataKey = "where";

    public static (string, ColumnSpec[], Array[], int) Write(WhereBits bits)
    {
        var words = new List<long>();
        var values = new List<long>();
        foreach (var (first, segment) in bits.Segments)
        {
            for (var i = 0; i < segment.Count; i++)
            {
                words.Add(first + i);
                values.Add(unchecked((long)segment[i]));
            }
        }

        return (AggregateFiles.Where,
            [new ColumnSpec("word", ColumnType.Int64), new ColumnSpec("bits", ColumnType.Int64)],
            [words.ToArray(), values.ToArray()],
            words.Count);
    }

    public static void Read(AggregateState state, ColumnTable table)
    {
        var condition = table.Metadata.TryGetValue(MetadataKey, out var text)
            ? WhereParser.Parse(text)
            : throw new FormatException($"the {AggregateFiles.Where} table has no '{MetadataKey}' metadata");
        state.KeepWhere(condition);
        var words = table["word"].As<long>();
        var bits = table["bits"].As<long>();
        for (var i = 0; i < words.Length;)
        {
            var start = i;
            while (i + 1 < words.Length && words[i + 1] == words[i] + 1)
            {
                i++;
            }

            i++;
            state.Where!.Place(words[start], [.. bits.AsSpan(start, i - start).ToArray().Select(b => unchecked((ulong)b))]);
        }
    }
}
