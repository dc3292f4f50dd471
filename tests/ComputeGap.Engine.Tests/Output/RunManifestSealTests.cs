using ComputeGap.Engine.Output;
using ComputeGap.IO.Tests;

namespace ComputeGap.Engine.Tests.Output;

/// <summary>The manifest's records of its files and its own seal: written, read back, and broken by any change.</summary>
public sealed class RunManifestSealTests
{
    [Fact]
    public void XxHash128MatchesThePublishedValueOfTheEmptyInput()
    {
        // XXH3 128-bit of zero bytes, seed 0, in canonical (big-endian) form, as xxhsum -H2 prints it.
        Assert.Equal("99aa06d3014798d86001c324468d497f", FileChecksum.Hash(ReadOnlySpan<byte>.Empty));
    }

    [Fact]
    public void RecordedPartsSurviveARoundTripAndTheirFilesVerify()
    {
        using var dir = new TempDirectory();
        var manifest = NewManifest(dir.Path);
        var part = Path.Combine(dir.Path, "run.0000000000000000000.rows.parquet");
        File.WriteAllBytes(part, [1, 2, 3, 4, 5]);
        manifest.Record(new ScenarioRange(0, 10), [part]);

        var loaded = RunManifest.Load(manifest.Path)!;
        var check = Assert.Single(Assert.Single(loaded.Parts).Checks);
        Assert.Equal(5, check.Bytes);
        Assert.Equal(FileChecksum.Hash([1, 2, 3, 4, 5]), check.XxHash128);
        Assert.Empty(loaded.Parts[0].Damage(dir.Path));
        Assert.Equal(1, RunVerifier.Verify(dir.Path).Files);
    }

    [Fact]
    public void EveryByteOfTheManifestIsCoveredByItsSeal()
    {
        using var dir = new TempDirectory();
        var manifest = NewManifest(dir.Path);
        var part = Path.Combine(dir.Path, "run.0000000000000000000.rows.parquet");
        File.WriteAllBytes(part, [9, 9]);
        manifest.Record(new ScenarioRange(0, 10), [part]);
        var original = File.ReadAllBytes(manifest.Path);

        for (var i = 0; i < original.Length; i++)
        {
            var damaged = (byte[])original.Clone();
            damaged[i] ^= 0x20;
            File.WriteAllBytes(manifest.Path, damaged);
            Assert.Throws<DamagedOutputException>(() => RunManifest.Load(manifest.Path));
        }
    }

    [Fact]
    public void APartChangedOnDiskIsNamedWithWhatDiffers()
    {
        using var dir = new TempDirectory();
        var manifest = NewManifest(dir.Path);
        var part = Path.Combine(dir.Path, "run.0000000000000000000.rows.parquet");
        File.WriteAllBytes(part, [1, 2, 3]);
        manifest.Record(new ScenarioRange(0, 10), [part]);

        File.WriteAllBytes(part, [1, 2, 4]);
        var changed = Assert.Throws<DamagedOutputException>(() => RunVerifier.Verify(dir.Path));
        Assert.StartsWith(part + ": checksum xxh128 ", changed.Message, StringComparison.Ordinal);

        File.WriteAllBytes(part, [1, 2]);
        Assert.Contains("2 bytes where the manifest recorded 3", Assert.Throws<DamagedOutputException>(() => RunVerifier.Verify(dir.Path)).Message, StringComparison.Ordinal);

        File.Delete(part);
        Assert.Equal(part + ": missing", Assert.Throws<DamagedOutputException>(() => RunVerifier.Verify(dir.Path)).Message);
    }

    [Fact]
    public void RepairDropsOnlyTheDamagedPartsAndDeletesTheirFiles()
    {
        using var dir = new TempDirectory();
        var manifest = NewManifest(dir.Path);
        var first = Path.Combine(dir.Path, "run.0000000000000000000.rows.parquet");
        var second = Path.Combine(dir.Path, "run.0000000000000000005.rows.parquet");
        File.WriteAllBytes(first, [1]);
        File.WriteAllBytes(second, [2]);
        manifest.Record(new ScenarioRange(0, 5), [first]);
        manifest.Record(new ScenarioRange(5, 5), [second]);
        File.WriteAllBytes(second, [3]);

        Assert.Equal(1, RunRepair.DropDamagedParts(manifest, dir.Path, log: null));
        Assert.False(File.Exists(second));
        var reloaded = RunManifest.Load(manifest.Path)!;
        Assert.Equal([new ScenarioRange(5, 5)], reloaded.Missing());
    }

    private static RunManifest NewManifest(string directory)
    {
        var manifest = new RunManifest
        {
            SweepSha256 = "s",
            BaselineSha256 = "b",
            ModelVersion = "2",
            Output = "rows",
            Created = DateTimeOffset.UnixEpoch,
            First = 0,
            Count = 10,
        }.At(Path.Combine(directory, "run.all.rows.manifest.json"));
        manifest.Save();
        return manifest;
    }
}
