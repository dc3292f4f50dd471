using System.Security.Cryptography;
using System.Text.Json;
using ComputeGap.Core;
using ComputeGap.Core.Parameters;
using ComputeGap.Sweep.Spec;
using Xunit;

namespace ComputeGap.Sweep.Tests;

public sealed class BaselineTests
{
    private static readonly Baseline BuiltIn = TestData.V1Baseline;

    [Fact]
    public void BaselineFile_lists_every_catalog_parameter_with_value_source_and_note()
    {
        using var document = JsonDocument.Parse(TestData.BaselineText);
        var globals = document.RootElement.GetProperty("globals");
        var regional = document.RootElement.GetProperty("regional");

        Assert.Equal(
            ParamCatalog.Globals.Select(p => p.Name).Order(StringComparer.Ordinal),
            globals.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Equal(
            ParamCatalog.Regionals.Select(p => p.Name).Order(StringComparer.Ordinal),
            regional.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        foreach (var entry in globals.EnumerateObject().Concat(regional.EnumerateObject()))
        {
            Assert.False(string.IsNullOrWhiteSpace(entry.Value.GetProperty("source").GetString()), entry.Name);
            Assert.False(string.IsNullOrWhiteSpace(entry.Value.GetProperty("note").GetString()), entry.Name);
        }
    }

    [Fact]
    public void BuiltIn_has_the_regions_focus_rivals_and_horizon_of_the_model()
    {
        Assert.Equal(["US", "CN", "EU", "ALLY", "ROW"], BuiltIn.Regions);
        Assert.Equal("EU", BuiltIn.Focus);
        Assert.Equal("US", BuiltIn.RivalA);
        Assert.Equal("CN", BuiltIn.RivalB);
        Assert.Equal(72, BuiltIn.HorizonMonths);
        Assert.Equal("2025-01", BuiltIn.StartMonth);
        Assert.Equal("built-in", BuiltIn.SourceName);
    }

    [Theory]
    [InlineData("supply0", 550_000)]
    [InlineData("domestic_supply0", 16_700)]
    [InlineData("demand0", 8_000_000)]
    [InlineData("chip_life_years", 6)]
    [InlineData("tier2_cap", 40_000)]
    [InlineData("ree_export_quota", 0.26)]
    [InlineData("ree_controls_start", 3)]
    [InlineData("ree_controls_end", -1)]
    [InlineData("ree_escalation_month", 9)]
    [InlineData("bubble_month", -1)]
    [InlineData("focus_target_share", 0.10)]
    public void BuiltIn_global_values_match_the_model_table(string name, double expected)
    {
        var info = ParamCatalog.Find(name)!;
        Assert.Equal(expected, BuiltIn.Slots[ParamSlots.Of(info, 0)]);
    }

    [Theory]
    [InlineData("installed0", 4_360_000, 920_000, 320_000, 240_000, 160_000)]
    [InlineData("usage_share", 0.45, 0.20, 0.20, 0.10, 0.05)]
    [InlineData("dc_capacity0", 6_500_000, 1_300_000, 450_000, 350_000, 250_000)]
    [InlineData("dc_step", 0, 0, 500_000, 0, 0)]
    [InlineData("dc_step_month", -1, -1, 36, -1, -1)]
    [InlineData("tier2_fraction", 0, 0, 0.25, 0, 1)]
    [InlineData("embargoed", 0, 1, 0, 0, 0)]
    [InlineData("cloud_host", 1, 0, 0, 0, 0)]
    public void BuiltIn_regional_values_match_the_model_table(string name, double us, double cn, double eu, double ally, double row)
    {
        var info = ParamCatalog.Find(name)!;
        double[] expected = [us, cn, eu, ally, row];
        for (var r = 0; r < expected.Length; r++)
        {
            Assert.Equal(expected[r], BuiltIn.Slots[ParamSlots.Of(info, r)]);
        }
    }

    [Fact]
    public void BuiltIn_leaves_unused_region_slots_zero_and_every_used_slot_valid()
    {
        Assert.Equal(ParamSlots.Count, BuiltIn.Slots.Count);
        foreach (var info in ParamCatalog.Globals)
        {
            Assert.Null(ParamRules.Check(info.Kind, BuiltIn.Slots[ParamSlots.Of(info, 0)]));
        }

        foreach (var info in ParamCatalog.Regionals)
        {
            for (var r = 0; r < ModelLimits.MaxRegions; r++)
            {
                var value = BuiltIn.Slots[ParamSlots.Of(info, r)];
                if (r < BuiltIn.Regions.Count)
                {
                    Assert.Null(ParamRules.Check(info.Kind, value));
                }
                else
                {
                    Assert.Equal(0, value);
                }
            }
        }
    }

    [Fact]
    public void Hash_is_the_sha256_of_the_file_bytes_and_stable()
    {
        var expected = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(TestData.BaselinePath)));
        Assert.Equal(expected, BuiltIn.Hash);
        Assert.Equal(expected, BaselineLoader.Load(TestData.BaselinePath).Hash);
        Assert.Equal(expected, BaselineLoader.Parse(TestData.BaselineText, "again").Hash);
        Assert.Matches("^[0-9a-f]{64}$", BuiltIn.Hash);
    }

    [Fact]
    public void Hash_changes_when_the_text_changes()
    {
        var edited = TestData.BaselineText.Replace("\"horizon_months\": 72", "\"horizon_months\": 73", StringComparison.Ordinal);
        Assert.NotEqual(BuiltIn.Hash, BaselineLoader.Parse(edited, "edited").Hash);
    }

    [Fact]
    public void Load_reads_the_same_values_as_the_built_in_copy()
    {
        var loaded = BaselineLoader.Load(TestData.BaselinePath);
        Assert.Equal(BuiltIn.Slots, loaded.Slots);
        Assert.Equal(TestData.BaselinePath, loaded.SourceName);
    }

    [Fact]
    public void Sources_hold_every_parameters_unit_source_and_note_as_the_file_writes_them()
    {
        using var document = JsonDocument.Parse(TestData.BaselineText);
        var entries = document.RootElement.GetProperty("globals").EnumerateObject().Concat(document.RootElement.GetProperty("regional").EnumerateObject()).ToList();
        Assert.Equal(entries.Select(e => e.Name).Order(StringComparer.Ordinal), BuiltIn.Sources.Keys.Order(StringComparer.Ordinal));
        foreach (var entry in entries)
        {
            var expected = new ValueSource(entry.Value.GetProperty("unit").GetString()!, entry.Value.GetProperty("source").GetString()!, entry.Value.GetProperty("note").GetString()!);
            Assert.Equal(expected, BuiltIn.Sources[entry.Name]);
        }

        Assert.Equal("H100e/month", BuiltIn.Sources["supply0"].Unit);
    }

    [Fact]
    public void Load_of_a_missing_file_names_it()
    {
        var path = Path.Combine(Path.GetTempPath(), "computegap-no-such-baseline.json");
        TestData.AssertRejected(() => BaselineLoader.Load(path), path, "$", "file not found");
    }
}
