using ComputeGap.Calibration.Fitting;
using ComputeGap.Calibration.Observed;

namespace ComputeGap.Calibration.Tests;

/// <summary>The pieces the calibration builds on, against hand-computed values and the data's own checks.</summary>
public sealed class AgeingAndLawTests
{
    [Fact]
    public void Ageing_chain_matches_a_hand_computed_quarter()
    {
        // h = 1/(6L) = 0.1 for L = 1/0.6; one quarter of 3 H100e, 1 a month:
        // month 1: Y = 1, O = 0; month 2: 0.1 moves, Y = 1.9, O = 0.1;
        // month 3: 0.19 moves and 0.01 retires, Y = 2.71, O = 0.28.
        var (young, old) = AgeingChain.Run([3], 1 / 0.6);
        Assert.Equal(2.71, young, 12);
        Assert.Equal(0.28, old, 12);
    }

    [Fact]
    public void Capacity_law_runs_back_and_forth_from_t0()
    {
        var path = SupplyFit.Capacity(100, 1.0, 1.5, -12, 24);
        Assert.Equal(100, path[12], 12);
        var d = Math.Pow(2, -1 / 18.0);
        var rate = Math.Pow(2, 1 / 12.0) - 1;
        Assert.Equal(100 * (1 + rate), path[13], 10);
        Assert.Equal(100 * (1 + rate) * (1 + (rate * d)), path[14], 10);
        Assert.Equal(100 / (1 + (rate / d)), path[11], 10);
    }

    [Fact]
    public void Observed_output_sums_match_the_files_own_check_lines()
    {
        var observed = ObservedData.BuiltIn();
        Assert.Equal(4_931_958, observed.YearOutput(2024), 0);
        Assert.Equal(13_205_909, observed.YearOutput(2025), 0);
        Assert.Equal(1_888_345, observed.QuarterOutput("2024Q4"), 0);
        Assert.Equal(4_373_513, observed.QuarterOutput("2025Q4"), 0);
        Assert.Equal(401_698, observed.ChinaHoldings("2025-12-31"), 0);
    }

    [Fact]
    public void A_malformed_observed_file_is_named_with_its_line()
    {
        var error = Assert.Throws<InvalidDataException>(() => CsvTable.Parse("x.csv", "# source\na,b\n1,2\n3\n").Rows().ToList());
        Assert.Contains("x.csv: line 4", error.Message, StringComparison.Ordinal);
        var number = Assert.Throws<InvalidDataException>(() => CsvTable.Parse("y.csv", "a,b\n1,oops\n").Rows().Single().Number("b"));
        Assert.Contains("y.csv: line 2: column \"b\"", number.Message, StringComparison.Ordinal);
    }
}
