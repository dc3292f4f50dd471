using ComputeGap.Core.Models;
using ComputeGap.IO.Parquet;
using ComputeGap.IO.Reports;
using ComputeGap.IO.Statistics;

namespace ComputeGap.Engine.Aggregation;

/// <summary>
/// Fan charts of a row run's series files (<c>sweep --series</c> in rows mode: long form, one row per
/// scenario, month and region): their values counted into the same <see cref="FanState"/> sketches the
/// aggregate kernels fill, so a run's rows and its aggregates give the same fans. The files are read row
/// group by row group (<see cref="ParquetParts.ForEachRowGroupAsync"/>), so memory is one row group's
/// whatever the run's size.
/// </summary>
public static class SeriesFans
{
    /// <summary>The fans of the series parts, in the order aggregates give them (columns in model order, regions in run order).</summary>
    /// <exception cref="InvalidDataException">The metadata names no known model, regions or horizon, or a row's region, month or value is not the run's.</exception>
    public static async Task<IReadOnlyList<SeriesFan>> ReadAsync(ParquetParts series, CancellationToken cancellationToken)
    {
        var metadata = SummaryMetadata.Parse(series.Metadata);
        var fans = await CountAsync(series, cancellationToken).ConfigureAwait(false);
        return FanTables.Charts(fans, metadata.Regions);
    }

    /// <summary>
    /// The sketch counts of the series parts. Columns are found by name (other columns, such as a date, are
    /// ignored; a series column the files lack is left out); a world column (the price, repeated on every
    /// region's row) is counted once a scenario and month, from the first region's row.
    /// </summary>
    public static async Task<FanState> CountAsync(ParquetParts series, CancellationToken cancellationToken)
    {
        var metadata = SummaryMetadata.Parse(series.Metadata);
        var model = series.Metadata.TryGetValue(MetadataKeys.ModelVersion, out var version) ? ModelCatalog.ByVersion(version) : null;
        if (model is null || metadata.Regions.Count == 0 || metadata.HorizonMonths is not { } months)
        {
            throw new InvalidDataException(
                $"the series files' metadata must name the model version, regions and horizon ({MetadataKeys.ModelVersion}, {MetadataKeys.Regions}, {MetadataKeys.HorizonMonths})");
        }

        var columns = model.SeriesColumns.Where(c => series.Find(c.Name) is not null).ToArray();
        var fans = new FanState(months, metadata.Regions.Count, columns);
        var regionOf = metadata.Regions.Select((name, r) => (name, r)).ToDictionary(p => p.name, p => p.r, StringComparer.Ordinal);
        var region = Array.Empty<int>();
        var indices = Array.Empty<int>();
        await series.ForEachRowGroupAsync(["month", "region", .. columns.Select(c => c.Name)], (group, rows) =>
        {
            if (region.Length < rows)
            {
                region = new int[rows];
                indices = new int[rows];
            }

            var names = group[1].AsStrings();
            for (var i = 0; i < rows; i++)
            {
                region[i] = regionOf.TryGetValue(names[i], out var r) ? r
                    : throw new InvalidDataException($"series region \"{names[i]}\" is not one of the run's regions ({string.Join(", ", metadata.Regions)})");
            }

            var month = group[0].As<int>().AsSpan(0, rows);
            for (var c = 0; c < columns.Length; c++)
            {
                var (start, perRegion) = (fans.Layout.Index(c, 0), columns[c].PerRegion);
                for (var i = 0; i < rows; i++)
                {
                    indices[i] = perRegion ? start + region[i] : region[i] == 0 ? start : -1;
                }

                fans.Count(month, indices.AsSpan(0, rows), group[2 + c].As<float>().AsSpan(0, rows));
            }
        },
        cancellationToken).ConfigureAwait(false);
        return fans;
    }
}
