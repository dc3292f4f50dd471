using System.CommandLine;
using System.CommandLine.Completions;

namespace ComputeGap.Cli.Usage;

/// <summary>What an option accepts, in the words a usage error uses.</summary>
internal static class OptionValues
{
    /// <summary>
    /// The values an option accepts when they are a closed list: an enum's names in lowercase (the
    /// parser matches them ignoring case), or the list given to <c>AcceptOnlyFromAmong</c>; else empty.
    /// </summary>
    public static IReadOnlyList<string> Allowed(Option option)
    {
        var type = ValueType(option);
        if (type.IsEnum)
        {
            return [.. Enum.GetNames(type).Select(n => n.ToLowerInvariant())];
        }

        return type == typeof(bool) ? [] : [.. option.GetCompletions(CompletionContext.Empty).Select(c => c.Label)];
    }

    /// <summary>"one of a, b, c", "a whole number", "a number", or null when any text will do.</summary>
    public static string? Expected(Option option)
    {
        var allowed = Allowed(option);
        if (allowed.Count > 0)
        {
            return "one of " + string.Join(", ", allowed);
        }

        var type = ValueType(option);
        if (type == typeof(int) || type == typeof(long) || type == typeof(short) || type == typeof(uint) || type == typeof(ulong))
        {
            return "a whole number";
        }

        if (type == typeof(double) || type == typeof(float) || type == typeof(decimal))
        {
            return "a number";
        }

        return type == typeof(bool) ? "true or false" : null;
    }

    private static Type ValueType(Option option) => Nullable.GetUnderlyingType(option.ValueType) ?? option.ValueType;
}
