using ComputeGap.IO.Reports;
using ComputeGap.IO.Sensitivity;
using ScottPlot;

namespace ComputeGap.Plots;

/// <summary>A grid's two-way table as a heatmap: the outcome's mean in each cell of two axes' values, in viridis.</summary>
public static class HeatmapPlot
{
    /// <summary>Cells are written into the picture up to this many per axis; beyond it only colours show.</summary>
    public const int MaxAnnotatedValues = 12;

    /// <summary>The heatmap of <paramref name="table"/>: the second axis across, the first up.</summary>
    public static Plot Draw(TwoWayTable table, OutcomeScale scale, InputLabels inputs)
    {
        var plot = PlotStyle.Create(
            $"Mean {scale.Outcome} over {table.First} × {table.Second} (interaction S2 = {ReportNumbers.Index(table.S2)})",
            inputs.Label(table.Second),
            inputs.Label(table.First));
        var rows = table.FirstValues.Count;
        var columns = table.SecondValues.Count;
        var cells = new double[rows, columns];
        for (var i = 0; i < rows; i++)
        {
            for (var j = 0; j < columns; j++)
            {
                // Row 0 of the array is drawn at the top: the largest first-axis value goes there.
                cells[rows - 1 - i, j] = table.Means[i][j] * scale.Factor;
            }
        }

        var heatmap = plot.Add.Heatmap(cells);
        heatmap.Colormap = new ScottPlot.Colormaps.Viridis();
        heatmap.Rectangle = new CoordinateRect(0, columns, 0, rows);
        var bar = plot.Add.ColorBar(heatmap);
        bar.Label = scale.Label("mean");
        bar.LabelStyle.FontSize = 22;
        bar.Axis.TickLabelStyle.FontSize = 18;

        if (rows <= MaxAnnotatedValues && columns <= MaxAnnotatedValues)
        {
            Annotate(plot, table, scale, heatmap.Colormap);
        }

        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
            [.. Enumerable.Range(0, columns).Select(j => j + 0.5)], [.. table.SecondValues.Select(ReportNumbers.AxisValue)]);
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
            [.. Enumerable.Range(0, rows).Select(i => i + 0.5)], [.. table.FirstValues.Select(ReportNumbers.AxisValue)]);
        plot.HideGrid();
        plot.Axes.SetLimits(0, columns, 0, rows);
        return plot;
    }

    /// <summary>Approximate relative luminance (Rec. 709 weights on the 0–1 channels), enough to choose black or white text.</summary>
    private static double Lightness(Color color) => ((0.2126 * color.R) + (0.7152 * color.G) + (0.0722 * color.B)) / 255;

    /// <summary>Writes each cell's mean in it, black on light cells and white on dark ones.</summary>
    private static void Annotate(Plot plot, TwoWayTable table, OutcomeScale scale, IColormap colormap)
    {
        var finite = table.Means.SelectMany(r => r).Where(double.IsFinite).ToArray();
        if (finite.Length == 0)
        {
            return;
        }

        var (min, max) = (finite.Min(), finite.Max());
        for (var i = 0; i < table.FirstValues.Count; i++)
        {
            for (var j = 0; j < table.SecondValues.Count; j++)
            {
                var mean = table.Means[i][j];
                if (!double.IsFinite(mean))
                {
                    continue;
                }

                var fraction = max > min ? (mean - min) / (max - min) : 0.5;
                var text = plot.Add.Text(TornadoPlot.Number(mean * scale.Factor), j + 0.5, i + 0.5);
                text.LabelFontSize = 18;
                text.LabelAlignment = Alignment.MiddleCenter;
                text.LabelFontColor = Lightness(colormap.GetColor(fraction)) > 0.5 ? OkabeIto.Black : Colors.White;
            }
        }
    }
}
