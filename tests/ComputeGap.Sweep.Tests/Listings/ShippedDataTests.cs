using ComputeGap.Sweep.Listings;

namespace ComputeGap.Sweep.Tests.Listings;

/// <summary>Where the shipped data is found and which sweeps it holds.</summary>
public sealed class ShippedDataTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "computegap-sweep-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    private string MakeData(string under, params string[] sweeps)
    {
        var data = Path.GetFullPath(Path.Combine(_root, under, "data"));
        foreach (var sweep in sweeps.Prepend("default"))
        {
            var file = Path.Combine(data, "sweeps", sweep + ".json");
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            File.WriteAllText(file, "{}");
        }

        return data;
    }

    [Fact]
    public void DataNextToTheAssemblyWinsOverTheRepositorysAboveIt()
    {
        var repository = MakeData(".");
        var tool = Path.Combine(_root, "src", "bin", "Release");
        Directory.CreateDirectory(tool);
        Assert.Equal(repository, ShippedData.Locate(tool));

        var beside = MakeData(Path.Combine("src", "bin", "Release"));
        Assert.Equal(beside, ShippedData.Locate(tool));
    }

    [Fact]
    public void ADataDirectoryWithoutTheDefaultSweepIsNotTheShippedOne()
    {
        var start = Path.Combine(_root, "a", "b");
        Directory.CreateDirectory(Path.Combine(start, "data", "sweeps"));
        var found = ShippedData.Locate(start);
        Assert.True(found is null || !found.StartsWith(_root, StringComparison.Ordinal), found);
    }

    [Fact]
    public void SweepsAreNamedByTheirPathUnderSweepsTopLevelFirst()
    {
        var data = MakeData(".", "ree-shock", "v1/ree-shock", "designs/ishigami-sobol", "alpha");
        var sweeps = ShippedSweeps.In(data);
        Assert.Equal(["alpha", "default", "ree-shock", "designs/ishigami-sobol", "v1/ree-shock"], sweeps.Select(s => s.Name));
        Assert.Equal(Path.Combine(data, "sweeps", "v1", "ree-shock.json"), sweeps[^1].Path);
        Assert.Equal("ree-shock", sweeps[^1].BaseName);
    }
}
