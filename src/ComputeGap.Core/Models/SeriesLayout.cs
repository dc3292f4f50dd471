namespace ComputeGap.Core.Models;

/// <summary>
/// Where each series value sits among the values a model passes its month observer: the columns in
/// order, a per-region column taking one index per region, a world column one index (model v2: every
/// share, then every installed H100e, then the price). Series files, fan sketches and their tables
/// derive their positions from here.
/// </summary>
/// <param name="Columns">The model's series columns (<see cref="ModelDescriptor.SeriesColumns"/>).</param>
/// <param name="Regions">Regions of the run.</param>
public sealed record SeriesLayout(IReadOnlyList<SeriesColumn> Columns, int Regions)
{
    /// <summary>Series values per month: the observer indices 0 … Width − 1.</summary>
    public int Width => Columns.Sum(c => c.PerRegion ? Regions : 1);

    /// <summary>The observer index of column <paramref name="column"/>'s value for <paramref name="region"/> (ignored for a world column).</summary>
    public int Index(int column, int region)
    {
        var start = 0;
        for (var c = 0; c < column; c++)
        {
            start += Columns[c].PerRegion ? Regions : 1;
        }

        return Columns[column].PerRegion ? start + region : start;
    }

    /// <summary>The column and region (0 for a world column) of observer index <paramref name="index"/>.</summary>
    public (int Column, int Region) At(int index)
    {
        for (var c = 0; c < Columns.Count; c++)
        {
            var size = Columns[c].PerRegion ? Regions : 1;
            if (index < size)
            {
                return (c, index);
            }

            index -= size;
        }

        throw new ArgumentOutOfRangeException(nameof(index), $"series index beyond the {Width} values of {Regions} regions");
    }
}
