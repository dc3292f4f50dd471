using ComputeGap.IO.Discovery;

namespace ComputeGap.IO.Tests.Discovery;

/// <summary>PRIM over a grid's bitmap against PRIM over the same grid's rows: the same boxes, counts, quasi-p values, resamples and distances.</summary>
public sealed class GridBitmapTests
{
    /// <summary>
    /// A 3-axis grid (one axis written in descending order, so index order is not value order), last axis
    /// fastest, with a condition planted in a box plus hash noise; returned as a bitmap and as rows in
    /// scenario order, as a row file of the same grid holds them.
    /// </summary>
    private static (GridBitmap Grid, PrimData Rows) Grid(int noisePercent)
    {
        double[][] values =
        [
            [.. Enumerable.Range(0, 12).Select(i => i * 0.25)],
            [.. Enumerable.Range(0, 9).Select(i => (10 - i) / 5.0)],
            [.. Enumerable.Range(0, 70).Select(i => i / 69.0)],
        ];
        var scenarios = 12 * 9 * 70;
        var words = new ulong[(scenarios + 63) / 64];
        var columns = values.Select(_ => new double[scenarios]).ToArray();
        var flags = new bool[scenarios];
        for (var s = 0; s < scenarios; s++)
        {
            var (a, b, c) = (s / (9 * 70), s / 70 % 9, s % 70);
            (columns[0][s], columns[1][s], columns[2][s]) = (values[0][a], values[1][b], values[2][c]);
            var inside = values[0][a] <= 1.5 && values[1][b] >= 0.7 && values[2][c] is >= 0.2 and <= 0.75;
            var noisy = (uint)(s * 2654435761u) % 100 < noisePercent;
            flags[s] = inside ^ noisy;
            words[s >> 6] |= flags[s] ? 1UL << (s & 63) : 0;
        }

        string[] names = ["a", "b", "c"];
        return (new GridBitmap(names, values, words, fromFloat32: false),
            new PrimData([.. names.Select((n, k) => ColumnCoder.Code(n, columns[k]))], flags));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    [InlineData(10)]
    public void A_grid_s_bitmap_gives_the_boxes_of_its_rows(int noisePercent)
    {
        var (grid, rows) = Grid(noisePercent);
        var options = new PrimOptions(PeelAlpha: 0.05, PasteAlpha: 0.05, MassMin: 0.03);
        var fromRows = Prim.Run(rows, options);
        var fromBits = Prim.Run(grid, options);

        Assert.Equal(fromRows.Cases, fromBits.Cases);
        Assert.Equal(fromRows.CasesOfInterest, fromBits.CasesOfInterest);
        Assert.Equal(Describe(fromRows), Describe(fromBits));
        Assert.Equal(fromRows.DefaultChoice, fromBits.DefaultChoice);
        Assert.True(fromRows.Trajectory.Count > 10);
        for (var b = 0; b < fromRows.Trajectory.Count; b++)
        {
            var (r, g) = (fromRows.Trajectory[b], fromBits.Trajectory[b]);
            Assert.Equal(r.QuasiP.Keys.Order(), g.QuasiP.Keys.Order());
            foreach (var (k, value) in r.QuasiP)
            {
                Assert.Equal(value, g.QuasiP[k], 12);
            }
        }

        var stabilityRows = PrimStability.Measure(rows, options, resamples: 4, seed: 5, sampleSize: 3000);
        var stabilityBits = PrimStability.Measure(grid, options, resamples: 4, seed: 5, sampleSize: 3000);
        Assert.Equal(stabilityRows.RestrictedShare, stabilityBits.RestrictedShare);
        Assert.Equal(RegionalSensitivity.Rank(rows), RegionalSensitivity.Rank(grid));
    }

    [Fact]
    public void Recovers_the_planted_sub_grid_without_noise()
    {
        var (grid, _) = Grid(0);
        var result = Prim.Run(grid, new PrimOptions(MassMin: 0.03));
        var chosen = result.DefaultChoice;
        Assert.Equal(1.0, result.Trajectory[chosen].Density);
        Assert.Equal(1.0, result.Trajectory[chosen].Coverage);
        Assert.Equal("0 to 1.5", DiscoveryReport.Limits(result, chosen, 0));
        Assert.Equal("0.8 to 2", DiscoveryReport.Limits(result, chosen, 1));
        Assert.StartsWith("0.20", DiscoveryReport.Limits(result, chosen, 2), StringComparison.Ordinal);
    }

    private static string[] Describe(PrimResult result) =>
        [.. result.Trajectory.Select(b => $"{b.Index} {b.Cases} {b.CasesOfInterest} {b.Pasted} "
            + string.Join(";", result.RestrictedInputs(b.Index).Select(k => $"{k}:{DiscoveryReport.Limits(result, b.Index, k)}")))];
}
