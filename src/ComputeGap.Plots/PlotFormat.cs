namespace ComputeGap.Plots;

/// <summary>The file format pictures are written in.</summary>
public enum PlotFormat
{
    /// <summary>Raster, 1600 × 1000 pixels.</summary>
    Png,

    /// <summary>Vector (SVG 1.1), 1600 × 1000 user units.</summary>
    Svg,
}
