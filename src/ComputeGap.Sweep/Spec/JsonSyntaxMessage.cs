using System.Globalization;
using System.Text;
using System.Text.Json;

namespace ComputeGap.Sweep.Spec;

/// <summary>
/// "line 3, column 7: malformed JSON ('x' is invalid after a value; expected either ',', '}', or ']')":
/// the JSON reader's complaint about a file's syntax, where it is in the file (line and character,
/// counted from 1), without the reader's own position suffix or its advice to change reader options,
/// which a person writing a sweep file cannot act on.
/// </summary>
internal static class JsonSyntaxMessage
{
    /// <summary>Longest reader message kept: it quotes bad literals whole, which can run to the end of the file.</summary>
    private const int MaxMessage = 160;

    /// <param name="ex">The reader's exception.</param>
    /// <param name="text">The text that was read, to turn the reader's byte position into a column.</param>
    /// <param name="maxDepth">The nesting limit the reader was given.</param>
    public static string For(JsonException ex, string text, int maxDepth)
    {
        var lineIndex = (int)(ex.LineNumber ?? 0);
        var column = Column(text, lineIndex, (int)(ex.BytePositionInLine ?? 0));
        var where = string.Create(CultureInfo.InvariantCulture, $"line {lineIndex + 1}, column {column}");
        return $"{where}: malformed JSON ({Problem(ex.Message, maxDepth)})";
    }

    /// <summary>The reader's sentences that say what is wrong, joined by "; ", advice and position dropped.</summary>
    private static string Problem(string message, int maxDepth)
    {
        var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        if (cut >= 0)
        {
            message = message[..cut];
        }

        if (message.Contains("maximum configured depth", StringComparison.Ordinal))
        {
            return $"nested deeper than {maxDepth} levels";
        }

        // "... not supported in this mode" speaks of the reader's settings, which the file's author cannot change.
        message = message.Replace(" which is not supported in this mode", string.Empty, StringComparison.Ordinal);
        var sentences = message.Split(". ", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(s => s.TrimEnd('.'))
            .Where(s => s.Length > 0 && !IsAdvice(s))
            .Select(LowerFirst);
        var problem = string.Join("; ", sentences);
        if (problem.Length == 0)
        {
            problem = "unreadable text";
        }

        return problem.Length > MaxMessage ? problem[..MaxMessage] + "..." : problem;
    }

    /// <summary>The reader's advice to its programmer ("Change the reader options."), not to a file's author.</summary>
    private static bool IsAdvice(string sentence) =>
        sentence.Contains("reader options", StringComparison.OrdinalIgnoreCase)
        || sentence.Contains("JsonReaderOptions", StringComparison.Ordinal)
        || sentence.Contains("JsonSerializerOptions", StringComparison.Ordinal)
        || sentence.Contains("JsonDocumentOptions", StringComparison.Ordinal);

    private static string LowerFirst(string sentence) =>
        char.IsUpper(sentence[0]) && (sentence.Length == 1 || !char.IsUpper(sentence[1]))
            ? char.ToLowerInvariant(sentence[0]) + sentence[1..]
            : sentence;

    /// <summary>The 1-based character column of byte <paramref name="bytePosition"/> in line <paramref name="lineIndex"/> (0-based).</summary>
    private static int Column(string text, int lineIndex, int bytePosition)
    {
        var start = 0;
        for (var line = 0; line < lineIndex && start < text.Length; line++)
        {
            var next = text.IndexOf('\n', start);
            start = next < 0 ? text.Length : next + 1;
        }

        var column = 1;
        var bytes = 0;
        for (var i = start; i < text.Length && text[i] != '\n' && bytes < bytePosition; i += char.IsSurrogatePair(text, i) ? 2 : 1)
        {
            bytes += Encoding.UTF8.GetByteCount(text.AsSpan(i, char.IsSurrogatePair(text, i) ? 2 : 1));
            column++;
        }

        return column;
    }
}
