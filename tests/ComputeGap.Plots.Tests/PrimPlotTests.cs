using ComputeGap.IO.Tests;
using ScottPlot.Plottables;

namespace ComputeGap.Plots.Tests;

/// <summary>
/// discover's JSON is read into its trajectory, drawn in percent with the chosen box marked, and the chosen box's
/// limits: each restricted input's kept part within its full range on 0..1, categories as kept or dropped slots.
/// </summary>
public sealed class PrimPlotTests
{
    private const string Discover = """
        { "format": "computegap-discover/1", "source": "out", "condition": "share_EU < 0.03", "chosen": 1,
          "trajectory": [
            { "box": 0, "coverage": 1, "density": 0.4, "mass": 1, "restricted": 0, "pasted": false },
            { "box": 1, "coverage": 0.9, "density": 0.75, "mass": 0.48, "restricted": 1, "pasted": false },
            { "box": 2, "coverage": 0.95, "density": 0.7, "mass": 0.54, "restricted": 1, "pasted": true } ] }
        """;

    private const string DiscoverWithLimits = """
        { "format": "computegap-discover/1", "source": "out", "condition": "share_EU < 0.03", "chosen": 1,
          "inputs": [ { "name": "leakage", "kind": "ordered", "exact": true, "min": 0, "max": 0.5 },
                      { "name": "rule", "kind": "categorical", "exact": true, "values": [ "none", "tiered", "strict", "total" ] },
                      { "name": "demand", "kind": "ordered", "exact": true, "min": 1, "max": 3 } ],
          "trajectory": [
            { "box": 0, "coverage": 1, "density": 0.4, "mass": 1, "restricted": 0, "pasted": false, "limits": {}, "quasi_p": {} },
            { "box": 1, "coverage": 0.9, "density": 0.75, "mass": 0.48, "restricted": 2, "pasted": false,
              "limits": { "leakage": { "min": 0.1, "max": 0.3 }, "rule": { "values": [ "none", "strict" ] } },
              "quasi_p": { "leakage": 2.5e-7, "rule": 0.004 } } ] }
        """;

    [Fact]
    public void TrajectoryIsDrawnInPercentWithPastedBoxesApartAndTheChosenMarked()
    {
        using var dir = new TempDirectory();
        var trajectory = Read(dir, Discover);
        Assert.Equal(1, trajectory.Chosen);
        Assert.Equal([false, false, true], trajectory.Boxes.Select(b => b.Pasted));

        var plot = PrimPlot.Draw(trajectory);
        var markers = plot.GetPlottables<Markers>().ToArray();
        Assert.Equal(2, markers.Length);
        Assert.Equal([100.0, 90.0], markers[0].Data.GetScatterPoints().Select(p => Math.Round(p.X, 9)));
        Assert.Equal([70.0], markers[1].Data.GetScatterPoints().Select(p => Math.Round(p.Y, 9)));
        var chosen = Assert.Single(plot.GetPlottables<Marker>());
        Assert.Equal((90.0, 75.0), (Math.Round(chosen.X, 9), Math.Round(chosen.Y, 9)));
    }

    [Fact]
    public void AnotherFormatIsRefusedByName()
    {
        using var dir = new TempDirectory();
        var path = dir.File("other.json");
        File.WriteAllText(path, "{ \"format\": \"computegap-summary/1\" }");
        var error = Assert.Throws<InvalidDataException>(() => PrimTrajectory.Read(path));
        Assert.Contains("its \"format\" is \"computegap-summary/1\", not \"computegap-discover/1\"", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void KeptRangesAreDrawnWithinTheFullRangeAndLabelledWithTheirValuesAndQuasiP()
    {
        using var dir = new TempDirectory();
        var trajectory = Read(dir, DiscoverWithLimits);
        var box = trajectory.ChosenBox!;
        Assert.Equal(["leakage", "rule"], box.Limits.Select(l => l.Input));
        var inputs = trajectory.Inputs.ToDictionary(i => i.Name);

        // leakage keeps 0.1..0.3 of 0..0.5: 0.2..0.6 of the bar; rule keeps slots 0 and 2 of four.
        var leakage = PrimLimitsPlot.Segments(box.Limits[0], inputs["leakage"]).Select(s => (Math.Round(s.From, 9), Math.Round(s.To, 9), s.Kept));
        Assert.Equal([(0.0, 1.0, false), (0.2, 0.6, true)], leakage);
        Assert.Equal([true, false, true, false], PrimLimitsPlot.Segments(box.Limits[1], inputs["rule"]).Select(s => s.Kept));
        Assert.Equal("kept 0.1 to 0.3 of 0 to 0.5; quasi-p 2.5e-7", PrimLimitsPlot.Label(box.Limits[0], inputs["leakage"]));
        Assert.Equal("kept: none, strict; dropped: tiered, total; quasi-p 4e-3", PrimLimitsPlot.Label(box.Limits[1], inputs["rule"]));

        var plot = PrimLimitsPlot.Draw(trajectory)!;
        Assert.Equal(2 + 4, plot.GetPlottables<BarPlot>().Single().Bars.Count);

        var written = SummaryPlots.WriteDiscovery(trajectory, dir.Path, PlotFormat.Png);
        Assert.Equal(["prim-trajectory.png", "prim-box.png"], written.Select(w => Path.GetFileName(w.Path)));
        using var bitmap = Pictures.Decode(written[1].Path);
        Assert.Equal((PlotStyle.Width, PlotStyle.Height), (bitmap.Width, bitmap.Height));
        Assert.True(Pictures.DistinctColours(bitmap) > 2);
    }

    [Fact]
    public void OutputWithoutInputRangesGetsTheTrajectoryOnly()
    {
        using var dir = new TempDirectory();
        var trajectory = Read(dir, DiscoverWithLimits.Replace("\"inputs\"", "\"other\"", StringComparison.Ordinal));
        Assert.Null(PrimLimitsPlot.Draw(trajectory));
        Assert.Equal(["prim-trajectory.svg"], SummaryPlots.WriteDiscovery(trajectory, dir.Path, PlotFormat.Svg).Select(w => Path.GetFileName(w.Path)));
    }

    private static PrimTrajectory Read(TempDirectory dir, string json)
    {
        var path = dir.File("discover.json");
        File.WriteAllText(path, json);
        return PrimTrajectory.Read(path);
    }
}
