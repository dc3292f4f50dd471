using System.Text;
using System.Text.RegularExpressions;

namespace ComputeGap.Sweep.Tests;

/// <summary>Seeded mutations of spec texts: each call applies one to three of them.</summary>
internal sealed partial class FuzzMutator(Random random)
{
    private static readonly string[] OddValues =
    [
        "\"0.5\"", "\"NaN\"", "\"Infinity\"", "\"-Infinity\"", "NaN", "Infinity", "true", "false", "null", "[]", "{}",
        "[0.5]", "{\"from\": 0}", "\"\"", "1e400", "-1e400", "1e39", "-1e39", "1e-400", "1e308", "1.7976931348623157e308",
        "9223372036854775808", "-9223372036854775809", "1000000000", "1000000001", "4611686018427387905", "-1", "-0", "0",
        "601", "600", "2.5", "1e9", "0.000001", "0x10", "01", "1.", ".5", "+1", "1e", "--1",
    ];

    private static readonly string[] OddStrings =
    [
        "\"leakage\"", "\"dc_growth[EU]\"", "\"dc_growth[XX]\"", "\"dc_growth[]\"", "\"dc_growth[EU\"", "\"leakage[EU]\"",
        "\"installed0[US]\"", "\"usage_share[EU]\"", "\"unknown_param\"", "\"\"", "\"EU\"", "\"US\"", "\"CN\"", "\"ROW\"",
        "\"values\"", "\"range\"", "\"log_range\"", "\"count\"", "\"from\"", "\"axes\"", "\"set\"", "\"name\"", "\"focus\"",
        "\"rivals\"", "\"horizon_months\"", "\"\\ud800\"", "\"\\udc00x\"", "\"é漢字🙂\"", "\"a\\u0000b\"", "\"\\n\"",
        "\"\u202Eevil\"", "\"e\u0301\"", "123", "null", "\"NaN\"",
    ];

    private static readonly string[] OddChars =
    [
        "\uFEFF", "\u2028", "\u2029", "\u0000", "\u0085", "\uD800", "\uDFFF", "\u202E", "\u0301", "\u00A0", "\t", "\r",
        "🙂", "\\", "\"", "{", "}", "[", "]", ",", ":", "'", "\u3000",
    ];

    public string Mutate(string text)
    {
        Func<string, string>[] all =
        [
            Truncate, SwapNumber, SwapString, DeepNesting, OddUnicode, FlipBytes, DuplicateLine, InsertKey, DeleteSpan,
        ];
        var steps = random.Next(1, 4);
        for (var i = 0; i < steps; i++)
        {
            text = all[random.Next(all.Length)](text);
        }

        return text;
    }

    private string Truncate(string text) => text[..random.Next(text.Length + 1)];

    /// <summary>Type swaps, huge numbers, NaN strings: a number token becomes something else.</summary>
    private string SwapNumber(string text) => ReplaceOne(NumberToken(), text, OddValues);

    /// <summary>Unknown names and type swaps: a string token (key or value) becomes something else.</summary>
    private string SwapString(string text) => ReplaceOne(StringToken(), text, OddStrings);

    private string DeepNesting(string text)
    {
        var depth = random.Next(4) switch { 0 => 5, 1 => 17, 2 => 200, _ => 20_000 };
        var open = random.Next(2) == 0 ? "[" : "{\"a\":";
        var close = open == "[" ? "]" : "}";
        var nest = string.Concat(Enumerable.Repeat(open, depth)) + "1" + string.Concat(Enumerable.Repeat(close, depth));
        return ReplaceOne(NumberToken(), text, [nest]);
    }

    private string OddUnicode(string text)
    {
        var at = random.Next(text.Length + 1);
        return text.Insert(at, OddChars[random.Next(OddChars.Length)]);
    }

    private string FlipBytes(string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        if (bytes.Length == 0)
        {
            return text;
        }

        var flips = random.Next(1, 5);
        for (var i = 0; i < flips; i++)
        {
            bytes[random.Next(bytes.Length)] ^= (byte)(1 << random.Next(8));
        }

        return Encoding.UTF8.GetString(bytes);
    }

    private string DuplicateLine(string text)
    {
        var lines = text.Split('\n').ToList();
        var i = random.Next(lines.Count);
        lines.Insert(i, lines[i]);
        return string.Join('\n', lines);
    }

    private string InsertKey(string text)
    {
        var braces = Enumerable.Range(0, text.Length).Where(i => text[i] == '{').ToList();
        if (braces.Count == 0)
        {
            return text;
        }

        string[] keys = ["\"zz\": 1, ", "\"name\": \"dup\", ", "\"count\": 3, ", "\"set\": {}, ", "\"values\": [1], ", "\"focus\": \"US\", "];
        return text.Insert(braces[random.Next(braces.Count)] + 1, keys[random.Next(keys.Length)]);
    }

    private string DeleteSpan(string text)
    {
        if (text.Length == 0)
        {
            return text;
        }

        var at = random.Next(text.Length);
        return text.Remove(at, Math.Min(random.Next(1, 8), text.Length - at));
    }

    private string ReplaceOne(Regex pattern, string text, string[] pool)
    {
        var matches = pattern.Matches(text);
        if (matches.Count == 0)
        {
            return text;
        }

        var match = matches[random.Next(matches.Count)];
        return string.Concat(text.AsSpan(0, match.Index), pool[random.Next(pool.Length)], text.AsSpan(match.Index + match.Length));
    }

    [GeneratedRegex(@"-?\d+(\.\d+)?([eE][+-]?\d+)?")]
    private static partial Regex NumberToken();

    [GeneratedRegex("\"(?:[^\"\\\\]|\\\\.)*\"")]
    private static partial Regex StringToken();
}
