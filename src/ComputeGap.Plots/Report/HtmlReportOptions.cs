namespace ComputeGap.Plots.Report;

/// <summary>What the HTML report adds to a summary: where it came from, how the figures are embedded, and who made it when.</summary>
public sealed record HtmlReportOptions
{
    /// <summary>The run the page describes, as the user named it.</summary>
    public string Source { get; init; } = string.Empty;

    /// <summary>How the figures are embedded: PNG (default) or SVG, each as a <c>data:</c> URI.</summary>
    public PlotFormat Format { get; init; } = PlotFormat.Png;

    /// <summary>The unit of each axis column, for the figures' axis labels.</summary>
    public IReadOnlyDictionary<string, string>? InputUnits { get; init; }

    /// <summary>A <c>discover --format json</c> output whose PRIM trajectory the page adds, or null.</summary>
    public PrimTrajectory? Discovery { get; init; }

    /// <summary>The version of the tool that makes the page (the run's own is in its metadata).</summary>
    public string ToolVersion { get; init; } = "?";

    /// <summary>When the page was made.</summary>
    public DateTimeOffset Created { get; init; } = DateTimeOffset.UtcNow;
}
