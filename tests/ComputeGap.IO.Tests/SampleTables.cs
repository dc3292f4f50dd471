using ComputeGap.IO.Parquet;

namespace ComputeGap.IO.Tests;

/// <summary>Deterministic column data for the round-trip tests (fixed seed).</summary>
internal static class SampleTables
{
    public static readonly ColumnSpec[] AllTypes =
    [
        new("scenario", ColumnType.Int64),
        new("month", ColumnType.Int32),
        new("share", ColumnType.Float32),
        new("installed", ColumnType.Float64),
    ];

    /// <summary>One array per column of <see cref="AllTypes"/>, <paramref name="length"/> rows starting at scenario <paramref name="first"/>.</summary>
    public static Array[] Columns(int length, long first = 0, int seed = 7)
    {
        var random = new Random(seed);
        var scenario = new long[length];
        var month = new int[length];
        var share = new float[length];
        var installed = new double[length];
        for (var i = 0; i < length; i++)
        {
            scenario[i] = first + i;
            month[i] = random.Next(-1, 72);
            share[i] = (float)random.NextDouble();
            installed[i] = random.NextDouble() * 1e7;
        }

        return [scenario, month, share, installed];
    }

    public static Dictionary<string, string> Metadata(string sweepSha = "abc123") => new(StringComparer.Ordinal)
    {
        ["model_version"] = "1",
        ["sweep_sha256"] = sweepSha,
        ["baseline_sha256"] = "def456",
        ["note"] = "ünïcode, commas and \"quotes\"",
    };

    /// <summary>Writes <paramref name="groups"/> row groups of <paramref name="rowsPerGroup"/> rows and commits.</summary>
    public static async Task<Array[]> WriteAsync(string path, int groups, int rowsPerGroup, long first = 0,
        Dictionary<string, string>? metadata = null, ParquetCompression compression = default)
    {
        var all = Columns(groups * rowsPerGroup, first);
        await using var writer = await ParquetTableWriter.CreateAsync(path, AllTypes, metadata ?? Metadata(), compression);
        for (var g = 0; g < groups; g++)
        {
            var slice = all.Select(a => Slice(a, g * rowsPerGroup, rowsPerGroup)).ToArray();
            await writer.WriteRowGroupAsync(slice, rowsPerGroup);
        }

        await writer.CommitAsync();
        return all;
    }

    public static Array Slice(Array source, int start, int length)
    {
        var result = Array.CreateInstance(source.GetType().GetElementType()!, length);
        Array.Copy(source, start, result, 0, length);
        return result;
    }
}
