using System.Globalization;
using ComputeGap.IO.Parquet;

namespace ComputeGap.Engine.Aggregation;

/// <summary>
/// The <c>grid</c> aggregate table of <see cref="GridCells"/>: one row per non-empty cell, columns
/// <c>outcome</c>, <c>cell</c> (int32, see <see cref="GridCells"/> for the order), <c>count</c> (int64),
/// <c>value</c> (the sum as a double) and <c>exact</c> (the fixed-point sum in units of 2^-64 as a
/// decimal integer, for merging). Row <c>cell</c> = −1 of an outcome holds its exact sum of squares (as
/// <see cref="ExactSum.ToExactString"/> writes it), with the number of cells per outcome in <c>count</c>,
/// so a reader whose layout differs refuses the table instead of misplacing cells.
/// </summary>
internal static class GridCellTable
{
    public static (string, ColumnSpec[], Array[], int) Write(GridCells cells)
    {
        var outcome = new List<string>();
        var cell = new List<int>();
        var count = new List<long>();
        var value = new List<double>();
        var exact = new List<string>();
        void Row(int o, int c, long n, double sum, string text)
        {
            outcome.Add(cells.Names[o]);
            cell.Add(c);
            count.Add(n);
            value.Add(sum);
            exact.Add(text);
        }

        for (var o = 0; o < cells.Outcomes; o++)
        {
            Row(o, -1, cells.CellCount, cells.Squares(o).Round(), cells.Squares(o).ToExactString());
            for (var c = 0; c < cells.CellCount; c++)
            {
                if (cells.Count(o, c) != 0 || cells.Sum(o, c) != 0)
                {
                    Row(o, c, cells.Count(o, c), GridCells.ToDouble(cells.Sum(o, c)), cells.Sum(o, c).ToString(CultureInfo.InvariantCulture));
                }
            }
        }

        return (AggregateFiles.Grid,
            [new("outcome", ColumnType.String), new("cell", ColumnType.Int32), new("count", ColumnType.Int64),
                new("value", ColumnType.Float64), new("exact", ColumnType.String)],
            [outcome.ToArray(), cell.ToArray(), count.ToArray(), value.ToArray(), exact.ToArray()],
            outcome.Count);
    }

    /// <exception cref="ArgumentException">A row names an outcome or cell outside the grid's cells, or the layout differs.</exception>
    public static GridCells Read(AggregateShape shape, ColumnTable table)
    {
        var outcome = table["outcome"].AsStrings();
        var cell = table["cell"].As<int>();
        var count = table["count"].As<long>();
        var exact = table["exact"].AsStrings();

        // The kept outcomes are those with a row of cell -1, in the order written: the regional shares, then
        // those `sweep --decompose` asked for.
        var names = Enumerable.Range(0, table.RowCount).Where(r => cell[r] == -1).Select(r => outcome[r]).ToList();
        if (shape.Outcomes.Take(shape.Regions).FirstOrDefault(share => !names.Contains(share)) is { } missing)
        {
            throw new ArgumentException($"the grid table has no row of cell -1 (the sum of squares and the layout) for {missing}");
        }

        var cells = new GridCells(shape, [.. names.Skip(shape.Regions)]);
        if (!cells.Names.SequenceEqual(names))
        {
            throw new ArgumentException($"the grid table keeps {string.Join(", ", names)}, not the regional shares first ({string.Join(", ", cells.Names)})");
        }

        var kept = cells.Names.ToList();
        var seen = new HashSet<(int, int)>();
        for (var row = 0; row < table.RowCount; row++)
        {
            var o = kept.IndexOf(outcome[row]);
            if (o < 0 || cell[row] < -1 || cell[row] >= cells.CellCount || count[row] < 0)
            {
                throw new ArgumentException($"grid row {row} ({outcome[row]}, cell {cell[row]}) lies outside the grid's {cells.CellCount} cells of {cells.Outcomes} outcomes");
            }

            if (!seen.Add((o, cell[row])))
            {
                throw new ArgumentException($"grid row {row} repeats cell {cell[row]} of {outcome[row]}");
            }

            if (cell[row] == -1)
            {
                if (count[row] != cells.CellCount)
                {
                    throw new ArgumentException($"the grid table has {count[row]} cells per outcome, and this tool lays out {cells.CellCount}");
                }

                cells.SetSquares(o, ExactSum.Parse(exact[row]));
            }
            else
            {
                cells.Set(o, cell[row], count[row], Int128.Parse(exact[row], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture));
            }
        }

        return cells;
    }
}
