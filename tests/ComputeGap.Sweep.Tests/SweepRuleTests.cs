using ComputeGap.Sweep.Spec;
using Xunit;

namespace ComputeGap.Sweep.Tests;

/// <summary>Every kind of bad sweep input, with the JSON path and the rule its message must name.</summary>
public sealed class SweepRuleTests
{
    private static string Axis(string param, string source) => "{'axes': [{'param': '" + param + "', " + source + "}]}";

    public static TheoryData<string, string, string> BadInputs => new()
    {
        // Malformed JSON, with its position.
        { "{'axes': [", "$", "line 1, column 11: malformed JSON (" },
        { "", "$", "line 1, column 1: malformed JSON (" },
        { "{'axes': []}\n{", "$", "line 2, column 1: malformed JSON (" },
        { Axis("leakage", "'values': [NaN]"), "$", "malformed JSON" },
        { Axis("leakage", "'values': [Infinity]"), "$", "malformed JSON" },
        { "{'axes': [],}", "$", "malformed JSON" },
        { "{'axes': " + new string('[', 100) + new string(']', 100) + "}", "$", "nested deeper than 16 levels" },
        { "[]", "$", "must be an object (got an array)" },

        // Unknown and duplicate keys.
        { "{'axes': [], 'nme': 'x'}", "$.nme", "unknown key \"nme\"" },
        { Axis("leakage", "'values': [0], 'step': 1"), "$.axes[0].step", "unknown key \"step\"" },
        { Axis("leakage", "'range': {'from': 0, 'to': 1, 'count': 2, 'step': 1}"), "$.axes[0].range.step", "unknown key \"step\"" },
        { "{'name': 'a', 'name': 'b', 'axes': []}", "$.name", "duplicate key \"name\"" },
        { Axis("leakage", "'range': {'from': 0, 'from': 1, 'count': 2}"), "$.axes[0].range.from", "duplicate key \"from\"" },
        { "{'name': 'x'}", "$", "missing key \"axes\"" },

        // Unknown parameters and regions.
        { Axis("leak", "'values': [0]"), "$.axes[0].param", "unknown parameter \"leak\"" },
        { Axis("dc_growth[XX]", "'values': [0]"), "$.axes[0].param", "unknown region \"XX\"" },
        { Axis("dc_growth[EUU]", "'values': [0]"), "$.axes[0].param", "unknown region \"EUU\" in \"dc_growth[EUU]\" (did you mean EU?)" },
        { Axis("dc_growth[EU", "'values': [0]"), "$.axes[0].param", "must be written dc_growth[REGION]" },
        { Axis("leakage[EU]", "'values': [0]"), "$.axes[0].param", "leakage is global" },
        { Axis("dc_growth", "'values': [0]"), "$.axes[0].param", "dc_growth is per-region" },
        { "{'set': {'nothing': 1}, 'axes': []}", "$.set.nothing", "unknown parameter \"nothing\"" },
        { "{'focus': 'XX', 'axes': []}", "$.focus", "focus \"XX\" is not a region" },

        // Wrong types.
        { Axis("leakage", "'values': ['0.5']"), "$.axes[0].values[0]", "must be a number, not a string" },
        { Axis("leakage", "'values': ['NaN']"), "$.axes[0].values[0]", "NaN and Infinity are not allowed" },
        { Axis("leakage", "'values': ['-Infinity']"), "$.axes[0].values[0]", "NaN and Infinity are not allowed" },
        { Axis("leakage", "'values': [null]"), "$.axes[0].values[0]", "must be a number (got null)" },
        { Axis("leakage", "'values': true"), "$.axes[0].values", "must be an array (got a boolean)" },
        { "{'horizon_months': '72', 'axes': []}", "$.horizon_months", "must be a number, not a string" },
        { "{'name': 5, 'axes': []}", "$.name", "must be a string (got a number)" },
        { "{'set': {'leakage': 'x'}, 'axes': []}", "$.set.leakage", "must be a number, not a string" },
        { "{'set': [], 'axes': []}", "$.set", "must be an object (got an array)" },
        { "{'axes': {}}", "$.axes", "must be an array (got an object)" },
        { "{'axes': [5]}", "$.axes[0]", "must be an object (got a number)" },
        { "{'baseline': 5, 'axes': []}", "$.baseline", "must be a string (got a number)" },
        { "{'name': '\\ud800', 'axes': []}", "$.name", "not valid Unicode" },

        // Numbers out of range: too large for a double or float32, or breaking the parameter's rule.
        { Axis("supply0", "'values': [1e400]"), "$.axes[0].values[0]", "too large for a 64-bit float" },
        { Axis("supply0", "'values': [-1e400]"), "$.axes[0].values[0]", "too large for a 64-bit float" },
        { Axis("supply0", "'values': [1e39]"), "$.axes[0].values[0]", "supply0 is too large for float32 (got 1E+39)" },
        { Axis("chip_life_years", "'values': [1e-50]"), "$.axes[0].values[0]", "chip_life_years must be > 0 in float32" },
        { Axis("leakage", "'values': [0, -0.5]"), "$.axes[0].values[1]", "leakage must lie in [0, 1] (got -0.5)" },

        // Silent weights: a value twice, a range whose values coincide, a count of 1 that drops "to".
        { Axis("leakage", "'values': [0.1, 0.5, 0.1]"), "$.axes[0].values[2]", "0.1 appears twice (entries 0 and 2); each value is one grid point, so a repeat would double its weight" },
        { Axis("leakage", "'values': [0, -0]"), "$.axes[0].values[1]", "appears twice" },
        { Axis("leakage", "'range': {'from': 0.2, 'to': 0.5, 'count': 1}"), "$.axes[0].range.count", "count 1 gives only from (0.2) and would ignore to (0.5)" },
        { Axis("leakage", "'range': {'from': 0.2, 'to': 0.2, 'count': 3}"), "$.axes[0].range.count", "from equals to (0.2), so all 3 values are the same" },
        { Axis("leakage", "'log_range': {'from': 0.2, 'to': 0.2, 'count': 2}"), "$.axes[0].log_range.count", "from equals to (0.2)" },
        { Axis("leakage", "'range': {'from': 0.5, 'to': 0.5000000000000001, 'count': 3}"), "$.axes[0].range", "below a double's precision" },
        { Axis("diffusion_rule", "'values': [0.5]"), "$.axes[0].values[0]", "diffusion_rule must be 0 or 1 (got 0.5)" },
        { Axis("bubble_month", "'values': [2.5]"), "$.axes[0].values[0]", "bubble_month must be a whole month from -1 (never) to 600" },
        { Axis("bubble_month", "'values': [601]"), "$.axes[0].values[0]", "bubble_month must be a whole month" },
        { Axis("bubble_month", "'range': {'from': 0, 'to': 10, 'count': 4}"), "$.axes[0].range", "at value 1 of the range" },
        { Axis("order_lag_months", "'range': {'from': 0.5, 'to': 3, 'count': 4}"), "$.axes[0].range.from", "order_lag_months must be >= 1 (got 0.5)" },
        { Axis("leakage", "'range': {'from': 0, 'to': 1.5, 'count': 4}"), "$.axes[0].range.to", "leakage must lie in [0, 1] (got 1.5)" },
        { "{'set': {'dc_growth[EU]': -2}, 'axes': []}", "$.set['dc_growth[EU]']", "dc_growth[EU] must be greater than -1 (got -2)" },

        // Horizon.
        { "{'horizon_months': 0, 'axes': []}", "$.horizon_months", "horizon_months must be from 1 to 600 (got 0)" },
        { "{'horizon_months': 601, 'axes': []}", "$.horizon_months", "horizon_months must be from 1 to 600 (got 601)" },
        { "{'horizon_months': 72.5, 'axes': []}", "$.horizon_months", "horizon_months must be a whole number (got 72.5)" },
        { "{'horizon_months': 1e400, 'axes': []}", "$.horizon_months", "too large for a 64-bit float" },

        // Axes: duplicates, overlap with set, empty, too long, one source each.
        { "{'axes': [{'param': 'leakage', 'values': [0]}, {'param': 'leakage', 'values': [1]}]}", "$.axes[1].param", "leakage is already swept by $.axes[0]" },
        { Axis("leakage", "'values': []"), "$.axes[0].values", "values must not be empty" },
        { Axis("leakage", "'range': {'from': 0, 'to': 1, 'count': 0}"), "$.axes[0].range.count", "count must be >= 1" },
        { Axis("leakage", "'range': {'from': 0, 'to': 1, 'count': -3}"), "$.axes[0].range.count", "count must be >= 1" },
        { Axis("leakage", "'range': {'from': 0, 'to': 1, 'count': 1000000001}"), "$.axes[0].range.count", "count must be <= 1000000000" },
        { Axis("leakage", "'range': {'from': 0, 'to': 1, 'count': 2.5}"), "$.axes[0].range.count", "count must be a whole number" },
        { Axis("leakage", "'range': {'from': 0, 'to': 1}"), "$.axes[0].range", "missing key \"count\"" },
        { Axis("leakage", "'values': [0], 'range': {'from': 0, 'to': 1, 'count': 2}"), "$.axes[0].range", "exactly one of values, range or log_range" },
        { "{'axes': [{'param': 'leakage'}]}", "$.axes[0]", "needs one of values, range or log_range" },
        { "{'axes': [{'values': [0]}]}", "$.axes[0]", "missing key \"param\"" },
        { Axis("supply0", "'log_range': {'from': 0, 'to': 1e6, 'count': 3}"), "$.axes[0].log_range.from", "log_range needs from > 0 (got 0)" },
        { Axis("supply0", "'log_range': {'from': 1, 'to': -1, 'count': 3}"), "$.axes[0].log_range.to", "log_range needs to > 0 (got -1)" },

        // Rivals and focus.
        { "{'rivals': ['US', 'US'], 'axes': []}", "$.rivals[1]", "rivals must be two different regions" },
        { "{'rivals': ['US'], 'axes': []}", "$.rivals", "rivals must name exactly two regions (got 1)" },
        { "{'rivals': ['US', 'CN', 'EU'], 'axes': []}", "$.rivals", "rivals must name exactly two regions (got 3)" },
        { "{'rivals': ['US', 'XX'], 'axes': []}", "$.rivals[1]", "rival \"XX\" is not a region" },
        { "{'rivals': 'US', 'axes': []}", "$.rivals", "must be an array (got a string)" },

        // Cross rules, at every grid point.
        {
            "{'set': {'installed0[CN]': 0, 'installed0[EU]': 0, 'installed0[ALLY]': 0, 'installed0[ROW]': 0}, 'axes': [{'param': 'installed0[US]', 'values': [1, 0]}]}",
            "$.axes[0]", "installed0 total over regions must be > 0 at every grid point (lowest: 0)"
        },
        { Axis("usage_share[EU]", "'range': {'from': 0.5, 'to': 0, 'count': 3}"), "$.axes[0]", "usage_share[EU] of the focus region must be > 0 at every grid point" },
        { "{'focus': 'ROW', 'set': {'usage_share[ROW]': 0}, 'axes': []}", "$.set['usage_share[ROW]']", "usage_share[ROW] of the focus region must be > 0" },

        // Grid size.
        {
            "{'axes': [" + Range("supply0") + ", " + Range("demand0") + ", " + Range("tier2_cap") + "]}",
            "$.axes", "grid too large: 1000000000000000000000000000 scenarios overflows 64-bit index"
        },
        {
            "{'axes': [" + Range("supply0") + ", " + Range("demand0") + ", {'param': 'leakage', 'range': {'from': 0, 'to': 1, 'count': 5}}]}",
            "$.axes", "grid too large: 5000000000000000000 scenarios exceeds the limit of 2^62"
        },

        // A baseline file that cannot be found, relative to the sweep file's directory.
        { "{'baseline': 'no-such-baseline.json', 'axes': []}", "$.baseline", "file not found" },
    };

    private static string Range(string param) => "{'param': '" + param + "', 'range': {'from': 1, 'to': 2, 'count': 1000000000}}";

    [Theory]
    [MemberData(nameof(BadInputs))]
    public void Bad_input_names_file_path_and_rule(string text, string path, string rulePart) =>
        TestData.AssertRejected(() => SweepSpecParser.Parse(TestData.J(text), TestData.File, text.Contains("'baseline'", StringComparison.Ordinal) ? null : TestData.V1Baseline), TestData.File, path, rulePart);

    [Fact]
    public void Out_of_range_value_message_is_exact()
    {
        var text = TestData.J("{'axes': [{'param': 'leakage', 'values': [0]}, {'param': 'ree_export_quota', 'values': [0, 0.5, 1.5]}]}");
        var ex = Assert.Throws<SpecException>(() => SweepSpecParser.Parse(text, TestData.File, TestData.V1Baseline));
        Assert.Equal("sweeps/x.json: $.axes[1].values[2]: ree_export_quota must lie in [0, 1] (got 1.5)", ex.Message);
    }

    [Fact]
    public void Malformed_json_message_gives_line_and_column()
    {
        var ex = Assert.Throws<SpecException>(() => SweepSpecParser.Parse("{\n  \"axes\": [1,,]\n}", TestData.File, TestData.V1Baseline));
        Assert.StartsWith("sweeps/x.json: $: line 2, column 14: malformed JSON (", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"axes\": [],}", "contains a trailing comma at the end)")]
    [InlineData("{\"axes\": [] // note\n}", "")]
    [InlineData("{\"axes\": [] \"name\": \"x\"}", "")]
    public void Malformed_json_message_carries_no_reader_advice(string text, string named)
    {
        var ex = Assert.Throws<SpecException>(() => SweepSpecParser.Parse(text, TestData.File, TestData.V1Baseline));
        Assert.Contains("malformed JSON (", ex.Message, StringComparison.Ordinal);
        Assert.Contains(named, ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("option", ex.Message, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("LineNumber", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Malformed_json_column_counts_characters_not_bytes()
    {
        // "é" is two bytes in UTF-8. The reader stops at the blank before the stray x: the 15th character
        // of line 1, but its 16th byte.
        var ex = Assert.Throws<SpecException>(() => SweepSpecParser.Parse("{\"name\": \"éé\" x}", TestData.File, TestData.V1Baseline));
        Assert.Contains(": line 1, column 15: malformed JSON (", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_key_with_control_characters_is_quoted_on_one_line()
    {
        var ex = TestData.AssertRejected(
            () => SweepSpecParser.Parse("{\"a\\nb\": 1, \"axes\": []}", TestData.File, TestData.V1Baseline), TestData.File, "$['a\\u000ab']", "unknown key \"a\\u000ab\"");
        Assert.DoesNotContain('\n', ex.Message);
    }

    [Fact]
    public void File_name_with_a_line_break_still_gives_one_line() =>
        TestData.AssertOneLine(Assert.Throws<SpecException>(() => SweepSpecParser.Parse("{", "two\nlines.json")).Message);

    [Fact]
    public void Load_of_a_missing_file_names_it()
    {
        var path = Path.Combine(Path.GetTempPath(), "computegap-no-such-sweep.json");
        var ex = TestData.AssertRejected(() => SweepSpecParser.Load(path), path, "$", "file not found");
        Assert.Equal($"{path}: $: file not found", ex.Message);
    }
}
