using ComputeGap.Core.Reduction;

namespace ComputeGap.Engine.Aggregation;

/// <summary>
/// The reductions of consecutive scenario blocks: one <see cref="PartialLayout"/> record per block and
/// the quantile-sketch counts of all of them.
/// </summary>
/// <param name="FirstBlock">Index of the first block (scenario index / <see cref="PartialLayout.BlockSize"/>).</param>
/// <param name="Blocks">Blocks held.</param>
/// <param name="Partials">At least <c>Blocks × layout.Length</c> doubles, blocks in index order (a longer, reused
/// buffer is fine: only the first <c>Blocks</c> records are read).</param>
/// <param name="Sketch">Outcomes × <see cref="QuantileSketch.Length"/> counts, column-major (outcome c's slot s at
/// <c>c * QuantileSketch.Length + s</c>).</param>
/// <param name="Fans">Fan-chart sketch counts, when kept.</param>
/// <param name="Outcomes">The chunk's outcome columns, when a bitmap (<c>--where</c>) or a policy comparison reads them.</param>
/// <param name="Count">Scenarios in the chunk (needed with <paramref name="Outcomes"/>).</param>
public sealed record AggregateChunk(long FirstBlock, int Blocks, double[] Partials, long[] Sketch, long[]? Fans = null, float[][]? Outcomes = null, int Count = 0)
{
    /// <summary>The chunk's cells of a grid's variance decomposition, when kept.</summary>
    public GridCells? GridCells { get; init; }

    /// <summary>
    /// The chunk's sensitivity records (Saltelli and Morris designs; see
    /// <see cref="Core.Reduction.SensitivityUnits"/>), unit after unit, when kept.
    /// </summary>
    public double[]? Sensitivity { get; init; }
}
