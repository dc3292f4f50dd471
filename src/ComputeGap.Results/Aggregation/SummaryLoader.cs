using ComputeGap.IO.Parquet;
using ComputeGap.IO.Reports;

namespace ComputeGap.Engine.Aggregation;

/// <summary>
/// Loads the report of a sweep's output, whichever form it took: aggregate files
/// (<c>*.agg-*.parquet</c>, merged over every part) or row files (<c>*.rows.parquet</c>, summarised
/// from the rows). Series files (<c>*.series.parquet</c>) are not rows; when asked, their fan charts
/// are counted (<see cref="SeriesFans"/>).
/// </summary>
public static class SummaryLoader
{
    /// <summary>Ending of series files, which sit beside row files and are not rows.</summary>
    public const string SeriesSuffix = Output.RunFiles.SeriesSuffix;

    /// <summary>What a series file is, for the message when one is passed alone.</summary>
    private const string SeriesWhat = "a monthly series table, not scenario rows; pass the run directory or its .rows.parquet files";

    /// <summary>The summary of a file, a directory of part files, or an aggregate stem.</summary>
    /// <param name="fileOrDirectory">A row file, an aggregate file (its whole aggregate is read), a directory
    /// holding one kind of part files, or an aggregate stem such as <c>out/default</c>.</param>
    /// <param name="cancellationToken">Cancels reading.</param>
    /// <param name="progress">Told every 5 s how far a summary of rows has got; null for silence.</param>
    /// <param name="seriesFans">For rows: also count the fan charts of the series files beside them (<c>sweep --series</c>), one row group at a time.</param>
    /// <exception cref="IncompatiblePartsException">A directory holds both aggregate and row files, or parts that do not belong together.</exception>
    /// <exception cref="FileNotFoundException">Nothing to read there.</exception>
    public static async Task<SummaryData> LoadAsync(string fileOrDirectory, CancellationToken cancellationToken, Action<string>? progress = null, bool seriesFans = false)
    {
        if (Directory.Exists(fileOrDirectory))
        {
            var files = Directory.EnumerateFiles(Path.GetFullPath(fileOrDirectory))
                .Where(f => f.EndsWith(".parquet", StringComparison.Ordinal) && !Path.GetFileName(f).Contains(".tmp-", StringComparison.Ordinal))
                .Order(StringComparer.Ordinal)
                .ToArray();
            var aggregate = files.FirstOrDefault(AggregateFiles.IsAggregateFile);
            var rows = files.FirstOrDefault(f => !AggregateFiles.IsAggregateFile(f) && !f.EndsWith(SeriesSuffix, StringComparison.Ordinal));
            if (aggregate is not null && rows is not null)
            {
                throw new IncompatiblePartsException(aggregate, rows,
                    "the directory holds both aggregate files (*.agg-*.parquet) and row files; summarize one kind per directory");
            }

            if (aggregate is not null)
            {
                return await FromAggregatesAsync(fileOrDirectory, cancellationToken).ConfigureAwait(false);
            }
        }
        else if ((AggregateFiles.IsAggregateFile(fileOrDirectory) && File.Exists(fileOrDirectory))
            || (!File.Exists(fileOrDirectory) && AggregateFiles.StemExists(fileOrDirectory)))
        {
            return await FromAggregatesAsync(fileOrDirectory, cancellationToken).ConfigureAwait(false);
        }

        // Rows are summarised one column at a time, read from the parts on demand (50 M rows in memory whole
        // took 9.5 GB per 10 M rows; a column of 50 M float32 values is 200 MB).
        var parts = await ParquetTableReader.OpenPartsAsync(fileOrDirectory, SeriesSuffix, SeriesWhat, cancellationToken).ConfigureAwait(false);
        var summary = SummaryData.FromColumns(parts, progress);
        return seriesFans && SeriesPartsOf(parts) is { Length: > 0 } series
            ? summary with { Fans = await SeriesFans.ReadAsync(await ParquetParts.OpenAsync(series, cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false) }
            : summary;
    }

    /// <summary>
    /// The series files beside the row parts: every part's <c>.series.parquet</c> twin, or none when no part
    /// has one. Fans of some parts only would pass for the whole run's, so a run where some parts have a
    /// series and some not is refused.
    /// </summary>
    /// <exception cref="InvalidDataException">Some row parts have a series file and others not (names the first without).</exception>
    private static string[] SeriesPartsOf(ParquetParts rows)
    {
        var twins = rows.Files.Select(f => f.Path)
            .Where(p => p.EndsWith(Output.RunFiles.RowsSuffix, StringComparison.Ordinal))
            .Select(p => (Rows: p, Series: p[..^Output.RunFiles.RowsSuffix.Length] + SeriesSuffix))
            .ToList();
        var missing = twins.Where(t => !File.Exists(t.Series)).ToList();
        return missing.Count == twins.Count ? []
            : missing.Count == 0 ? [.. twins.Select(t => t.Series)]
            : throw new InvalidDataException($"{missing.Count} of {twins.Count} row parts have no series file (first: {missing[0].Series}), so fan charts would show only part of the run; rerun those scenarios with --series, or draw without fans by moving the series files away");
    }

    private static async Task<SummaryData> FromAggregatesAsync(string path, CancellationToken cancellationToken) =>
        (await AggregateState.ReadAsync(path, cancellationToken).ConfigureAwait(false)).ToSummary();
}
