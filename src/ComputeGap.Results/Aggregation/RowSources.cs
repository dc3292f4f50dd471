using ComputeGap.IO.Parquet;

namespace ComputeGap.Engine.Aggregation;

/// <summary>The row files a SOURCE names: a run directory's <c>*.rows.parquet</c> (or any Parquet table), one file, or a wildcard pattern.</summary>
public static class RowSources
{
    /// <summary>The row files of <paramref name="source"/>, in row order; series and aggregate files are skipped.</summary>
    /// <exception cref="FileNotFoundException">Nothing there, or no Parquet file.</exception>
    /// <exception cref="InvalidDataException">Only aggregates or series there, which hold no row per scenario.</exception>
    public static IReadOnlyList<string> Resolve(string source)
    {
        if (File.Exists(source) && (AggregateFiles.IsAggregateFile(source) || source.EndsWith(SummaryLoader.SeriesSuffix, StringComparison.Ordinal)))
        {
            throw new InvalidDataException(NotRows(source));
        }

        var files = ParquetTableReader.ListParts(source, SummaryLoader.SeriesSuffix);
        var rows = files.Where(f => !AggregateFiles.IsAggregateFile(f)).ToList();
        return rows.Count > 0 ? rows : throw new InvalidDataException(NotRows(source));
    }

    /// <summary>True when <paramref name="source"/> holds aggregates and no rows: a directory of aggregate parts, an aggregate file, or an aggregate stem.</summary>
    public static bool HoldsAggregates(string source)
    {
        if (Directory.Exists(source))
        {
            var files = Directory.EnumerateFiles(source, "*.parquet").Where(f => !Path.GetFileName(f).Contains(".tmp-", StringComparison.Ordinal)).ToList();
            return files.Any(AggregateFiles.IsAggregateFile)
                && !files.Any(f => !AggregateFiles.IsAggregateFile(f) && !f.EndsWith(SummaryLoader.SeriesSuffix, StringComparison.Ordinal));
        }

        return File.Exists(source) ? AggregateFiles.IsAggregateFile(source) : AggregateFiles.StemExists(source);
    }

    /// <summary>The directory whose manifests cover <paramref name="source"/> (for a pattern, its directory).</summary>
    public static string VerificationTarget(string source) =>
        ParquetTableReader.IsGlob(source) ? Path.GetDirectoryName(Path.GetFullPath(source))! : source;

    private static string NotRows(string source) =>
        $"{source} holds aggregates or monthly series, not one row per scenario; scenario discovery reads rows: run the sweep with --output rows";
}
