namespace ComputeGap.Core.Models;

/// <summary>One outcome column of a model for a given region list.</summary>
/// <param name="Name">Column name, e.g. <c>share_EU</c> or <c>price_final</c>.</param>
/// <param name="Kind">What it measures.</param>
/// <param name="Meaning">One line, with units.</param>
public sealed record OutcomeInfo(string Name, OutcomeKind Kind, string Meaning);

/// <summary>One series column a model reports each month (per region, or one value for the world).</summary>
/// <param name="Name">Column name in the series file, e.g. <c>share</c>, <c>installed</c>, <c>price</c>.</param>
/// <param name="Kind">What it measures.</param>
/// <param name="PerRegion">True for one value per region, false for one value a month.</param>
public sealed record SeriesColumn(string Name, OutcomeKind Kind, bool PerRegion);

/// <summary>
/// Outcome columns the reductions single out: the focus share (extremes and share thresholds), the
/// focus coverage and the rivals' ratio (thresholds). Plain ints, so kernels take it as an argument.
/// </summary>
/// <param name="FocusShare">Column of the focus region's final share.</param>
/// <param name="Coverage">Column of the focus coverage of its own demand.</param>
/// <param name="RivalRatio">Column of the rivals' compute ratio.</param>
public readonly record struct KeyColumns(int FocusShare, int Coverage, int RivalRatio);
