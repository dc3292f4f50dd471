using ComputeGap.Sweep.Listings;

namespace ComputeGap.Sweep.Tests.Listings;

/// <summary>The unit of each input column, for labels: from the model's built-in baseline, named as the row files name columns.</summary>
public sealed class ParamListingTests
{
    [Fact]
    public void ModelV2ColumnsCarryTheirBaselinesUnits()
    {
        var units = ParamListing.ColumnUnits("2");
        Assert.Equal("1/year", units["fab_capacity_growth"]);
        Assert.Equal("fraction", units["us_priority"]);

        // Per-region parameters by region, as row files name their columns: one unit for every region's column.
        var regional = units.Where(u => u.Key.StartsWith("capex_growth_", StringComparison.Ordinal)).ToArray();
        Assert.Equal(["capex_growth_ALLY", "capex_growth_CN", "capex_growth_EU", "capex_growth_ROW", "capex_growth_US"], regional.Select(u => u.Key).Order(StringComparer.Ordinal));
        Assert.Single(regional.Select(u => u.Value).Distinct());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("no-such-model")]
    public void AnUnknownModelHasNoUnits(string? version) => Assert.Empty(ParamListing.ColumnUnits(version));
}
