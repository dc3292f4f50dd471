namespace ComputeGap.IO.Reports;

/// <summary>Fits prose into a width of text columns: truncated with an ellipsis, or wrapped at spaces.</summary>
public static class TextFit
{
    /// <summary>Widest line of the listings' table format (<c>params</c>, <c>sweeps</c>), in characters.</summary>
    public const int Width = 120;

    /// <summary>The ellipsis that marks a truncated text (one column).</summary>
    public const string Ellipsis = "…";

    /// <summary><paramref name="text"/> if it fits in <paramref name="width"/> characters, else its start and an ellipsis, <paramref name="width"/> characters in all.</summary>
    public static string Truncate(string text, int width)
    {
        if (text.Length <= width)
        {
            return text;
        }

        return width <= Ellipsis.Length ? Ellipsis[..Math.Max(0, width)] : text[..(width - Ellipsis.Length)].TrimEnd() + Ellipsis;
    }

    /// <summary>
    /// <paramref name="text"/> in lines of at most <paramref name="width"/> characters, broken at spaces,
    /// each starting with <paramref name="indent"/> and every line after the first with
    /// <paramref name="hanging"/> after it (both count towards the width); a word longer than a line is
    /// truncated.
    /// </summary>
    public static IReadOnlyList<string> Wrap(string text, int width, string indent = "", string hanging = "")
    {
        var lines = new List<string>();
        var line = string.Empty;
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (line.Length > 0 && line.Length + 1 + word.Length > width)
            {
                lines.Add(line);
                line = string.Empty;
            }

            line = line.Length > 0 ? line + " " + word : Truncate((lines.Count == 0 ? indent : indent + hanging) + word, width);
        }

        if (line.Length > 0 || lines.Count == 0)
        {
            lines.Add(line);
        }

        return lines;
    }

    /// <summary>The first sentence of <paramref name="text"/>: up to the first '.', '?' or '!' followed by a space, or all of it.</summary>
    public static string FirstSentence(string text)
    {
        for (var i = 0; i < text.Length - 1; i++)
        {
            if (text[i] is '.' or '?' or '!' && text[i + 1] == ' ')
            {
                return text[..(i + 1)];
            }
        }

        return text.Trim();
    }
}
