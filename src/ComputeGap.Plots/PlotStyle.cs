using ScottPlot;

namespace ComputeGap.Plots;

/// <summary>The look every picture shares: its size, fonts large enough to read at that size, and saving.</summary>
public static class PlotStyle
{
    /// <summary>Width of every picture, pixels (PNG) or user units (SVG).</summary>
    public const int Width = 1600;

    /// <summary>Height of every picture.</summary>
    public const int Height = 1000;

    private const float TitleSize = 30;
    private const float LabelSize = 24;
    private const float TickSize = 20;

    /// <summary>
    /// A sans-serif face the system has (DejaVu Sans on Debian): ScottPlot's own choice fell back to a
    /// serif face on Debian, which reads worse at these sizes.
    /// </summary>
    public static string FontFamily { get; } =
        new[] { "DejaVu Sans", "Liberation Sans", "Arial", "Helvetica" }.FirstOrDefault(SkiaSharp.SKFontManager.Default.GetFontFamilies().Contains) ?? Fonts.Sans;

    /// <summary>A new plot with the title and axis labels set in readable sizes.</summary>
    public static Plot Create(string title, string xLabel, string yLabel)
    {
        var plot = new Plot();
        plot.Font.Set(FontFamily);
        plot.Title(title, TitleSize);
        plot.XLabel(xLabel, LabelSize);
        plot.YLabel(yLabel, LabelSize);
        foreach (var axis in plot.Axes.GetAxes())
        {
            axis.TickLabelStyle.FontSize = TickSize;
        }

        plot.Legend.FontSize = TickSize;
        return plot;
    }

    /// <summary>Writes <paramref name="plot"/> to <paramref name="directory"/>/<paramref name="name"/>.png or .svg and returns the path.</summary>
    public static string Save(Plot plot, string directory, string name, PlotFormat format)
    {
        var path = Path.Combine(directory, $"{name}.{(format == PlotFormat.Svg ? "svg" : "png")}");
        File.WriteAllBytes(path, Encode(plot, format));
        return path;
    }

    /// <summary><paramref name="plot"/> drawn <see cref="Width"/> × <see cref="Height"/> as the bytes of a PNG or SVG (UTF-8) file.</summary>
    public static byte[] Encode(Plot plot, PlotFormat format) => format == PlotFormat.Svg
        ? System.Text.Encoding.UTF8.GetBytes(plot.GetSvgXml(Width, Height))
        : plot.GetImageBytes(Width, Height, ImageFormat.Png);

    /// <summary>The media type of <paramref name="format"/>'s files (<c>image/png</c>, <c>image/svg+xml</c>).</summary>
    public static string MediaType(PlotFormat format) => format == PlotFormat.Svg ? "image/svg+xml" : "image/png";
}
