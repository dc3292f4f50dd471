using System.Globalization;

namespace ComputeGap.Core.Sampling;

/// <summary>
/// Joe and Kuo's Sobol direction numbers (new-joe-kuo-6, search criterion 6; S. Joe and F. Y. Kuo,
/// "Constructing Sobol sequences with better two-dimensional projections", SIAM J. Sci. Comput. 30,
/// 2635–2654, 2008) for dimensions 2 … <see cref="MaxDimensions"/>, embedded from
/// data/sobol/new-joe-kuo-6.1024.txt (its README says where the copy came from). Host only.
/// </summary>
public static class JoeKuoTable
{
    /// <summary>Dimensions covered, counting dimension 1 (van der Corput), which the file omits.</summary>
    public const int MaxDimensions = 1024;

    /// <summary>The manifest resource name of the embedded file (the LogicalName in ComputeGap.Core.csproj).</summary>
    public const string ResourceName = "ComputeGap.sobol-joe-kuo.txt";

    /// <summary>Degrees above this would shift initial numbers out of a 32-bit word.</summary>
    private const int MaxDegree = 31;

    private static readonly Lazy<IReadOnlyList<JoeKuoEntry>> LazyEmbedded = new(LoadEmbedded);

    /// <summary>The embedded lines, dimension 2 first: entry k is dimension k + 2. Parsed and validated once.</summary>
    public static IReadOnlyList<JoeKuoEntry> Embedded => LazyEmbedded.Value;

    /// <summary>
    /// Parses the file's text: a header "d s a m_i", then one whitespace-separated line per dimension
    /// starting at d = 2. Every line is checked: d consecutive, s ≥ 1, a &lt; 2^(s−1), exactly s
    /// numbers m_i, each odd and below 2^i. Blank lines are skipped.
    /// </summary>
    /// <exception cref="FormatException">A line breaks one of the rules; the message names the line and the rule.</exception>
    public static IReadOnlyList<JoeKuoEntry> Parse(string text)
    {
        var lines = text.Split('\n');
        var entries = new List<JoeKuoEntry>();
        var sawHeader = false;
        for (var n = 0; n < lines.Length; n++)
        {
            var fields = lines[n].Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length == 0)
            {
                continue;
            }

            if (!sawHeader)
            {
                if (!fields.SequenceEqual(["d", "s", "a", "m_i"]))
                {
                    throw new FormatException($"line {n + 1}: expected the header 'd s a m_i'");
                }

                sawHeader = true;
                continue;
            }

            entries.Add(ParseLine(fields, n + 1, entries.Count + 2));
        }

        return entries;
    }

    private static JoeKuoEntry ParseLine(string[] fields, int lineNumber, int expectedDimension)
    {
        if (fields.Length < 4)
        {
            throw Fail(lineNumber, $"expected 'd s a m_1 … m_s', found {fields.Length} fields");
        }

        var d = Number(fields[0], lineNumber, "d");
        var s = Number(fields[1], lineNumber, "s");
        var a = Number(fields[2], lineNumber, "a");
        if (d != expectedDimension)
        {
            throw Fail(lineNumber, $"d = {d}, expected {expectedDimension} (dimensions are consecutive from 2)");
        }

        if (s < 1 || s > MaxDegree)
        {
            throw Fail(lineNumber, $"s = {s} is outside 1 … {MaxDegree}");
        }

        if (a >= 1u << (int)(s - 1))
        {
            throw Fail(lineNumber, $"a = {a} is not below 2^(s−1) = {1u << (int)(s - 1)}");
        }

        if (fields.Length - 3 != s)
        {
            throw Fail(lineNumber, $"{fields.Length - 3} initial numbers m_i, expected s = {s}");
        }

        var m = new uint[s];
        for (var i = 1; i <= s; i++)
        {
            var mi = Number(fields[2 + i], lineNumber, $"m_{i}");
            if ((mi & 1) == 0 || mi >= 1u << i)
            {
                throw Fail(lineNumber, $"m_{i} = {mi} must be odd and below 2^{i} = {1u << i}");
            }

            m[i - 1] = mi;
        }

        return new JoeKuoEntry((int)d, (int)s, a, m);
    }

    private static uint Number(string field, int lineNumber, string name) =>
        uint.TryParse(field, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw Fail(lineNumber, $"{name} = '{field}' is not a non-negative integer");

    private static FormatException Fail(int lineNumber, string rule) => new($"line {lineNumber}: {rule}");

    private static IReadOnlyList<JoeKuoEntry> LoadEmbedded()
    {
        using var stream = typeof(JoeKuoTable).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"resource {ResourceName} is missing from {typeof(JoeKuoTable).Assembly.GetName().Name}");
        using var reader = new StreamReader(stream);
        var entries = Parse(reader.ReadToEnd());
        return entries.Count == MaxDimensions - 1
            ? entries
            : throw new InvalidOperationException($"resource {ResourceName} holds {entries.Count} dimensions, expected {MaxDimensions - 1} (2 … {MaxDimensions})");
    }
}
