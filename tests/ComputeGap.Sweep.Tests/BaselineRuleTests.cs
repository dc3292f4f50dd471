using System.Text.Json.Nodes;
using ComputeGap.Sweep.Spec;
using Xunit;

namespace ComputeGap.Sweep.Tests;

/// <summary>Each test breaks one rule in a copy of data/baseline.json and checks the message.</summary>
public sealed class BaselineRuleTests
{
    private const string File = "data/edited-baseline.json";

    private static void AssertRejected(Action<JsonObject> edit, string path, string rulePart)
    {
        var root = JsonNode.Parse(TestData.BaselineText)!.AsObject();
        edit(root);
        var text = root.ToJsonString();
        TestData.AssertRejected(() => BaselineLoader.Parse(text, File), File, path, rulePart);
    }

    private static JsonObject Globals(JsonObject root) => root["globals"]!.AsObject();

    private static JsonObject Values(JsonObject root, string name) => root["regional"]![name]!["values"]!.AsObject();

    [Fact]
    public void Unedited_copy_is_accepted() =>
        Assert.Equal(5, BaselineLoader.Parse(JsonNode.Parse(TestData.BaselineText)!.ToJsonString(), File).Regions.Count);

    [Fact]
    public void Missing_global_is_named() =>
        AssertRejected(r => Globals(r).Remove("leakage"), "$.globals", "missing parameter leakage");

    [Fact]
    public void Missing_regional_parameter_is_named() =>
        AssertRejected(r => r["regional"]!.AsObject().Remove("dc_step_month"), "$.regional", "missing parameter dc_step_month");

    [Fact]
    public void Out_of_range_global_breaks_its_rule() =>
        AssertRejected(r => Globals(r)["leakage"]!["value"] = 1.5, "$.globals.leakage.value", "leakage must lie in [0, 1] (got 1.5)");

    [Fact]
    public void Out_of_range_regional_value_names_the_region() =>
        AssertRejected(r => Values(r, "embargoed")["CN"] = 2, "$.regional.embargoed.values.CN", "embargoed[CN] must be 0 or 1 (got 2)");

    [Fact]
    public void Missing_region_value_is_named() =>
        AssertRejected(r => Values(r, "dc_growth").Remove("EU"), "$.regional.dc_growth.values", "missing region EU");

    [Fact]
    public void Mistyped_region_value_names_the_closest_region() =>
        AssertRejected(r => Values(r, "dc_growth")["ROWW"] = 0.5, "$.regional.dc_growth.values.ROWW", "unknown region \"ROWW\" (did you mean ROW?)");

    [Fact]
    public void Unknown_region_value_is_rejected() =>
        AssertRejected(r => Values(r, "dc_growth")["XX"] = 0.5, "$.regional.dc_growth.values.XX", "unknown region \"XX\"");

    [Fact]
    public void Global_parameter_under_regional_is_rejected() =>
        AssertRejected(r => r["regional"]!["leakage"] = new JsonObject(), "$.regional.leakage", "leakage is global");

    [Fact]
    public void Value_given_as_string_is_a_type_error() =>
        AssertRejected(r => Globals(r)["supply0"]!["value"] = "550000", "$.globals.supply0.value", "must be a number, not a string");

    [Fact]
    public void Missing_source_is_rejected() =>
        AssertRejected(r => Globals(r)["supply0"]!.AsObject().Remove("source"), "$.globals.supply0", "missing key \"source\"");

    [Fact]
    public void Note_must_be_one_line() =>
        AssertRejected(r => Globals(r)["supply0"]!["note"] = "two\nlines", "$.globals.supply0.note", "note must be one line");

    [Fact]
    public void Unknown_top_level_key_is_rejected() =>
        AssertRejected(r => r["extra"] = 1, "$.extra", "unknown key \"extra\"");

    [Fact]
    public void Model_version_must_name_a_model() =>
        AssertRejected(r => r["model_version"] = "9", "$.model_version", "model_version must be one of \"1\"");

    [Fact]
    public void Start_month_must_be_a_calendar_month() =>
        AssertRejected(r => r["start_month"] = "2025-13", "$.start_month", "start_month must be YYYY-MM");

    [Fact]
    public void Horizon_above_600_is_rejected() =>
        AssertRejected(r => r["horizon_months"] = 601, "$.horizon_months", "horizon_months must be from 1 to 600 (got 601)");

    [Fact]
    public void Nine_regions_are_too_many() =>
        AssertRejected(
            r => r["regions"] = new JsonArray("US", "CN", "EU", "ALLY", "ROW", "A", "B", "C", "D"),
            "$.regions",
            "must list 1 to 8 regions (got 9)");

    [Fact]
    public void No_regions_is_too_few() =>
        AssertRejected(r => r["regions"] = new JsonArray(), "$.regions", "must list 1 to 8 regions (got 0)");

    [Fact]
    public void Region_names_must_be_unique_ignoring_case() =>
        AssertRejected(r => r["regions"] = new JsonArray("US", "CN", "EU", "ALLY", "us"), "$.regions[4]", "is listed twice");

    [Fact]
    public void Region_names_are_letters_digits_and_underscores() =>
        AssertRejected(r => r["regions"] = new JsonArray("US", "CN", "E U", "ALLY", "ROW"), "$.regions[2]", "region name must be");

    [Fact]
    public void Installed_total_must_be_positive()
    {
        AssertRejected(
            r =>
            {
                foreach (var region in new[] { "US", "CN", "EU", "ALLY", "ROW" })
                {
                    Values(r, "installed0")[region] = 0;
                }
            },
            "$.regional.installed0.values.US",
            "installed0 total over regions must be > 0");
    }

    [Fact]
    public void Focus_usage_share_must_be_positive() =>
        AssertRejected(r => Values(r, "usage_share")["EU"] = 0, "$.regional.usage_share.values.EU", "usage_share[EU] of the focus region must be > 0");

    [Fact]
    public void Focus_must_be_a_region() =>
        AssertRejected(r => r["focus"] = "XX", "$.focus", "focus \"XX\" is not a region");

    [Fact]
    public void Rivals_must_differ() =>
        AssertRejected(r => r["rivals"] = new JsonArray("US", "US"), "$.rivals[1]", "rivals must be two different regions");
}
