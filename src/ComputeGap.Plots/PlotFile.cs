namespace ComputeGap.Plots;

/// <summary>A picture written: where, and what it shows.</summary>
/// <param name="Path">The file.</param>
/// <param name="What">A short description for people.</param>
public sealed record PlotFile(string Path, string What);
