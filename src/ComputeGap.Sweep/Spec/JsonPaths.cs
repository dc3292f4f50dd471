using System.Globalization;

namespace ComputeGap.Sweep.Spec;

/// <summary>JSONPath strings for error messages: <c>$.axes[1].range.count</c>, <c>$.set['dc_growth[EU]']</c>.</summary>
internal static class JsonPaths
{
    /// <summary>The document root.</summary>
    public const string Root = "$";

    /// <summary>The path of member <paramref name="key"/> of the object at <paramref name="parent"/>.</summary>
    public static string Member(string parent, string key) =>
        IsPlainName(key) ? parent + "." + key : parent + "['" + SpecErrors.Escape(key, '\'') + "']";

    /// <summary>The path of element <paramref name="index"/> of the array at <paramref name="parent"/>.</summary>
    public static string Element(string parent, int index) =>
        parent + "[" + index.ToString(CultureInfo.InvariantCulture) + "]";

    private static bool IsPlainName(string key)
    {
        if (key.Length == 0 || key.Length > 60 || char.IsAsciiDigit(key[0]))
        {
            return false;
        }

        foreach (var c in key)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c != '_')
            {
                return false;
            }
        }

        return true;
    }
}
