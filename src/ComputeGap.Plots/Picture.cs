using ScottPlot;

namespace ComputeGap.Plots;

/// <summary>A picture drawn and not yet saved: what <c>plot</c> writes as a file and the HTML report embeds.</summary>
/// <param name="Name">Its file name without the extension, e.g. <c>tornado</c> or <c>main-effect.leakage</c>.</param>
/// <param name="What">A short description for people.</param>
/// <param name="Plot">The drawing, <see cref="PlotStyle.Width"/> × <see cref="PlotStyle.Height"/> when encoded.</param>
public sealed record Picture(string Name, string What, Plot Plot);
