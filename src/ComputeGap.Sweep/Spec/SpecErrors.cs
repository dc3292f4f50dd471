using System.Globalization;
using System.Text;
using ComputeGap.IO.Names;

namespace ComputeGap.Sweep.Spec;

/// <summary>
/// Builds <see cref="SpecException"/>s whose message is always one line, and formats the user's
/// text (names, numbers) safely inside it.
/// </summary>
internal static class SpecErrors
{
    /// <summary>Longest piece of user text quoted in a message, in characters.</summary>
    private const int MaxQuoted = 60;

    /// <summary>A <see cref="SpecException"/> for <paramref name="file"/> at <paramref name="jsonPath"/>.</summary>
    public static SpecException Fail(string file, string jsonPath, string rule) =>
        new(OneLine(file), OneLine(jsonPath), OneLine(rule));

    /// <summary>Replaces line breaks and other control characters with spaces.</summary>
    public static string OneLine(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            var category = char.GetUnicodeCategory(c);
            var breaks = char.IsControl(c)
                || category is UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator;
            builder.Append(breaks ? ' ' : c);
        }

        return builder.ToString();
    }

    /// <summary>User text in double quotes, control characters escaped, cut to a readable length.</summary>
    public static string Quote(string text) => "\"" + Escape(text, '"') + "\"";

    /// <summary>Escapes <paramref name="quote"/>, backslashes and control characters; cuts long text.</summary>
    public static string Escape(string text, char quote)
    {
        var builder = new StringBuilder();
        foreach (var c in text)
        {
            if (builder.Length >= MaxQuoted)
            {
                builder.Append("...");
                break;
            }

            var category = char.GetUnicodeCategory(c);
            if (c == quote || c == '\\')
            {
                builder.Append('\\').Append(c);
            }
            else if (char.IsControl(c) || char.IsSurrogate(c)
                || category is UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator)
            {
                builder.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}");
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    /// <summary>A number as the shortest text that reads back to the same double.</summary>
    public static string Num(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>" (did you mean X?)" for the <see cref="ClosestName"/> of <paramref name="name"/>, else empty.</summary>
    public static string Suggest(string name, IEnumerable<string> candidates) =>
        ClosestName.Find(name, candidates) is { } best ? $" (did you mean {best}?)" : string.Empty;

    /// <summary>A list of names for "expected one of" messages.</summary>
    public static string List(IEnumerable<string> names) => string.Join(", ", names);
}
