using ComputeGap.IO.Tests;
using ScottPlot.Plottables;

namespace ComputeGap.Plots.Tests;

/// <summary>discover's JSON is read into its trajectory, drawn in percent with the chosen box marked.</summary>
public sealed class PrimPlotTests
{
    private const string Discover = """
        { "format": "computegap-discover/1", "source": "out", "condition": "share_EU < 0.03", "chosen": 1,
          "trajectory": [
            { "box": 0, "coverage": 1, "density": 0.4, "mass": 1, "restricted": 0, "pasted": false },
            { "box": 1, "coverage": 0.9, "density": 0.75, "mass": 0.48, "restricted": 1, "pasted": false },
            { "box": 2, "coverage": 0.95, "density": 0.7, "mass": 0.54, "restricted": 1, "pasted": true } ] }
        """;

    [Fact]
    public void TrajectoryIsDrawnInPercentWithPastedBoxesApartAndTheChosenMarked()
    {
        using var dir = new TempDirectory();
        var path = dir.File("discover.json");
        File.WriteAllText(path, Discover);
        var trajectory = PrimTrajectory.Read(path);
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
}
