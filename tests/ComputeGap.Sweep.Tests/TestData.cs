using ComputeGap.Sweep.Spec;
using Xunit;

namespace ComputeGap.Sweep.Tests;

/// <summary>Shared inputs: the shipped data files and the sweep example of the file-format brief.</summary>
internal static class TestData
{
    /// <summary>File name used in messages by the rule tests.</summary>
    public const string File = "sweeps/x.json";

    /// <summary>Model v1's built-in baseline: the rule and example tests of v1's sweep files resolve against it.</summary>
    public static Baseline V1Baseline => BaselineLoader.LoadBuiltIn(ComputeGap.Core.Models.ModelV1.Descriptor);

    /// <summary>
    /// The example sweep of the format, with two changes: its <c>baseline</c> key is dropped (no such
    /// file exists) and <c>dc_growth[EU]</c> is no longer also fixed in <c>set</c>, which the rules
    /// forbid (see <see cref="ExampleAsWritten"/>).
    /// </summary>
    public const string Example = """
        { "name": "eu-ree-shock", "horizon_months": 72, "focus": "EU", "rivals": ["US","CN"],
          "set": { "leakage": 0.1 },
          "axes": [ { "param": "ree_export_quota", "values": [0, 0.26, 1] },
                    { "param": "dc_growth[EU]", "range": { "from": 0.3, "to": 1.2, "count": 10 } },
                    { "param": "supply0", "log_range": { "from": 3e5, "to": 1e6, "count": 5 } } ] }
        """;

    /// <summary>The example exactly as issue 2 writes it: it fixes and sweeps dc_growth[EU] (the axis wins).</summary>
    public const string ExampleAsWritten = """
        { "name": "eu-ree-shock", "horizon_months": 72, "focus": "EU", "rivals": ["US","CN"],
          "set": { "leakage": 0.1, "dc_growth[EU]": 0.6 },
          "axes": [ { "param": "ree_export_quota", "values": [0, 0.26, 1] },
                    { "param": "dc_growth[EU]", "range": { "from": 0.3, "to": 1.2, "count": 10 } },
                    { "param": "supply0", "log_range": { "from": 3e5, "to": 1e6, "count": 5 } } ] }
        """;

    public static string DataDir => Path.Combine(AppContext.BaseDirectory, "data");

    public static string BaselinePath => Path.Combine(DataDir, "baseline.json");

    public static string SweepPath(string name) => Path.Combine(DataDir, "sweeps", name);

    public static string BaselineText => System.IO.File.ReadAllText(BaselinePath);

    /// <summary>The model v2 sweeps in data/sweeps.</summary>
    public static IEnumerable<string> ShippedSweeps =>
        Directory.GetFiles(Path.Combine(DataDir, "sweeps"), "*.json").Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal);

    /// <summary>The model v1 sweeps kept runnable in data/sweeps/v1, as "v1/NAME.json".</summary>
    public static IEnumerable<string> V1Sweeps =>
        Directory.GetFiles(Path.Combine(DataDir, "sweeps", "v1"), "*.json").Select(f => "v1/" + Path.GetFileName(f)).Order(StringComparer.Ordinal);

    /// <summary>JSON written with single quotes for readability; no test text needs an apostrophe.</summary>
    public static string J(string singleQuoted) => singleQuoted.Replace('\'', '"');

    /// <summary>Asserts <paramref name="parse"/> fails naming <paramref name="file"/>, the path and the rule.</summary>
    public static SpecException AssertRejected(Action parse, string file, string path, string rulePart)
    {
        var ex = Assert.Throws<SpecException>(parse);
        Assert.Equal(file, ex.File);
        Assert.Equal(path, ex.JsonPath);
        Assert.Contains(rulePart, ex.Rule, StringComparison.Ordinal);
        Assert.Equal($"{file}: {path}: {ex.Rule}", ex.Message);
        AssertOneLine(ex.Message);
        return ex;
    }

    public static void AssertOneLine(string message)
    {
        foreach (var c in message)
        {
            Assert.False(char.IsControl(c) || c is '\u2028' or '\u2029', $"control or line-break character U+{(int)c:X4} in: {message}");
        }
    }
}
