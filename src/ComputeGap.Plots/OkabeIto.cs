using ScottPlot;

namespace ComputeGap.Plots;

/// <summary>
/// The Okabe–Ito palette (Okabe and Ito, "Color Universal Design", 2008; Wong, Nature Methods 8:441,
/// 2011): eight colours told apart with any of the common colour-vision deficiencies.
/// </summary>
/// <remarks>
/// The pictures pair colours of different lightness where two series must be told apart (blue, dark,
/// with orange, light: relative luminance about 0.15 against 0.47), so they also survive greyscale
/// printing, and add marker shapes or hatching where it matters. Heatmaps use viridis
/// (<see cref="ScottPlot.Colormaps.Viridis"/>), whose lightness rises monotonically.
/// </remarks>
public static class OkabeIto
{
    /// <summary>Black, #000000.</summary>
    public static Color Black { get; } = Color.FromHex("#000000");

    /// <summary>Orange, #E69F00 (light).</summary>
    public static Color Orange { get; } = Color.FromHex("#E69F00");

    /// <summary>Sky blue, #56B4E9.</summary>
    public static Color SkyBlue { get; } = Color.FromHex("#56B4E9");

    /// <summary>Bluish green, #009E73.</summary>
    public static Color BluishGreen { get; } = Color.FromHex("#009E73");

    /// <summary>Yellow, #F0E442.</summary>
    public static Color Yellow { get; } = Color.FromHex("#F0E442");

    /// <summary>Blue, #0072B2 (dark).</summary>
    public static Color Blue { get; } = Color.FromHex("#0072B2");

    /// <summary>Vermillion, #D55E00.</summary>
    public static Color Vermillion { get; } = Color.FromHex("#D55E00");

    /// <summary>Reddish purple, #CC79A7.</summary>
    public static Color ReddishPurple { get; } = Color.FromHex("#CC79A7");

    /// <summary>Mid grey (not one of the eight) for what is inert or secondary.</summary>
    public static Color Grey { get; } = Color.FromHex("#999999");
}
