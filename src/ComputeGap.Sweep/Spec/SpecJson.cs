using System.Text.Json;

namespace ComputeGap.Sweep.Spec;

/// <summary>One member of a JSON object, with its JSONPath.</summary>
internal readonly record struct JsonMember(string Name, JsonElement Value, string Path);

/// <summary>
/// Typed, rule-checked access to the JSON of one file. Every failure is a <see cref="SpecException"/>
/// naming <see cref="File"/>, the JSONPath and the rule.
/// </summary>
/// <param name="File">The file name used in messages.</param>
internal sealed class SpecJson(string File)
{
    /// <summary>Deepest nesting accepted; the formats need four levels.</summary>
    public const int MaxDepth = 16;

    public string File { get; } = File;

    /// <summary>Parses <paramref name="text"/> (a leading byte-order mark is ignored).</summary>
    public JsonDocument ParseDocument(string text)
    {
        var options = new JsonDocumentOptions
        {
            MaxDepth = MaxDepth,
            AllowTrailingCommas = false,
            CommentHandling = JsonCommentHandling.Disallow,
        };
        var body = text.Length > 0 && text[0] == '\uFEFF' ? text[1..] : text;
        CheckSurrogates(body);
        try
        {
            return JsonDocument.Parse(body, options);
        }
        catch (JsonException ex)
        {
            throw Fail(JsonPaths.Root, JsonSyntaxMessage.For(ex, body, MaxDepth));
        }
    }

    /// <summary>A lone UTF-16 surrogate cannot be turned into UTF-8 for the JSON reader; say where it is.</summary>
    private void CheckSurrogates(string text)
    {
        var line = 1;
        var column = 1;
        for (var i = 0; i < text.Length; i++, column++)
        {
            var c = text[i];
            if (c == '\n')
            {
                line++;
                column = 0;
            }
            else if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(c))
            {
                throw Fail(JsonPaths.Root, $"text is not valid Unicode: lone surrogate U+{(int)c:X4} at line {line}, character {column}");
            }
        }
    }

    public SpecException Fail(string path, string rule) => SpecErrors.Fail(File, path, rule);

    /// <summary>
    /// The members of the object at <paramref name="path"/>, in file order. Duplicate keys, and keys
    /// outside <paramref name="allowed"/> (when given), are errors.
    /// </summary>
    public List<JsonMember> Members(JsonElement element, string path, IReadOnlyCollection<string>? allowed)
    {
        Expect(element, JsonValueKind.Object, path, "an object");
        var members = new List<JsonMember>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in element.EnumerateObject())
        {
            var name = PropertyName(property, path);
            var memberPath = JsonPaths.Member(path, name);
            if (!seen.Add(name))
            {
                throw Fail(memberPath, $"duplicate key {SpecErrors.Quote(name)}");
            }

            if (allowed is not null && !allowed.Contains(name))
            {
                throw Fail(memberPath, $"unknown key {SpecErrors.Quote(name)} (allowed: {SpecErrors.List(allowed)})" + SpecErrors.Suggest(name, allowed));
            }

            members.Add(new JsonMember(name, property.Value, memberPath));
        }

        return members;
    }

    /// <summary>Members by name (names are unique: <see cref="Members"/> rejects duplicates).</summary>
    public static Dictionary<string, JsonMember> ByName(List<JsonMember> members)
    {
        var map = new Dictionary<string, JsonMember>(StringComparer.Ordinal);
        foreach (var member in members)
        {
            map[member.Name] = member;
        }

        return map;
    }

    /// <summary>The elements of the array at <paramref name="path"/>.</summary>
    public List<JsonMember> Elements(JsonElement element, string path)
    {
        Expect(element, JsonValueKind.Array, path, "an array");
        var elements = new List<JsonMember>();
        var index = 0;
        foreach (var item in element.EnumerateArray())
        {
            elements.Add(new JsonMember(string.Empty, item, JsonPaths.Element(path, index)));
            index++;
        }

        return elements;
    }

    /// <summary>A finite number. NaN and Infinity cannot be written in JSON; too-large numbers are refused.</summary>
    public double Number(JsonElement element, string path)
    {
        if (element.ValueKind == JsonValueKind.String)
        {
            var text = String(element, path);
            var special = text.Trim().TrimStart('+', '-') is "NaN" or "nan" or "Infinity" or "infinity" or "inf" or "Inf" or "∞";
            var hint = special ? "; NaN and Infinity are not allowed" : string.Empty;
            throw Fail(path, $"must be a number, not a string{hint} (got {SpecErrors.Quote(text)})");
        }

        Expect(element, JsonValueKind.Number, path, "a number");
        if (!element.TryGetDouble(out var value) || !double.IsFinite(value))
        {
            throw Fail(path, $"number {SpecErrors.Quote(element.GetRawText())} is too large for a 64-bit float");
        }

        return value;
    }

    /// <summary>A whole number from <paramref name="min"/> to <paramref name="max"/>.</summary>
    public long Whole(JsonElement element, string path, string what, long min, long max)
    {
        var value = Number(element, path);
        if (Math.Floor(value) != value)
        {
            throw Fail(path, $"{what} must be a whole number (got {SpecErrors.Num(value)})");
        }

        if (value < min || value > max)
        {
            throw Fail(path, $"{what} must be from {min} to {max} (got {SpecErrors.Num(value)})");
        }

        return (long)value;
    }

    /// <summary>A string of valid UTF-16 text.</summary>
    public string String(JsonElement element, string path)
    {
        Expect(element, JsonValueKind.String, path, "a string");
        try
        {
            return element.GetString() ?? string.Empty;
        }
        catch (InvalidOperationException)
        {
            throw Fail(path, "string is not valid Unicode text");
        }
    }

    /// <summary>A non-empty string with no line breaks or other control characters.</summary>
    public string Line(JsonElement element, string path, string what)
    {
        var text = String(element, path);
        if (text.Length == 0)
        {
            throw Fail(path, $"{what} must not be empty");
        }

        if (SpecErrors.OneLine(text) != text)
        {
            throw Fail(path, $"{what} must be one line with no control characters");
        }

        return text;
    }

    private void Expect(JsonElement element, JsonValueKind kind, string path, string expected)
    {
        if (element.ValueKind != kind)
        {
            throw Fail(path, $"must be {expected} (got {KindName(element.ValueKind)})");
        }
    }

    private string PropertyName(JsonProperty property, string path)
    {
        try
        {
            return property.Name;
        }
        catch (InvalidOperationException)
        {
            throw Fail(path, "a key is not valid Unicode text");
        }
    }

    private static string KindName(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        _ => "nothing",
    };
}
