using ComputeGap.Core.Reduction;

namespace ComputeGap.Engine.Running;

/// <summary>
/// Host memory for one chunk's reductions in aggregate mode: the partial record of every block
/// (see <see cref="PartialLayout"/>) and the chunk's sketch counts. Reused from chunk to chunk.
/// </summary>
public sealed class AggregateBuffers
{
    /// <param name="layout">Block record layout.</param>
    /// <param name="outcomeCount">Outcome columns.</param>
    /// <param name="capacityBlocks">Most blocks per chunk.</param>
    /// <param name="fanSketches">Months × series values a month when fan charts are kept, else 0.</param>
    /// <param name="keepOutcomes">Also keep the chunk's outcome columns (for the sensitivity sums of Saltelli and Morris designs).</param>
    /// <param name="gridCells">Cells of a grid's variance decomposition to fill (<see cref="GridCellsFor"/>), or null.</param>
    /// <param name="keptColumns">With <paramref name="keepOutcomes"/>, the only columns kept (the others empty arrays), or null for all.</param>
    /// <param name="sensitivity">How the chunks' sensitivity records are made (Saltelli and Morris designs, <see cref="SensitivityFor"/>), or null.</param>
    public AggregateBuffers(PartialLayout layout, int outcomeCount, int capacityBlocks, int fanSketches = 0, bool keepOutcomes = false,
        Aggregation.GridCells? gridCells = null, IReadOnlyList<int>? keptColumns = null, SensitivityUnits? sensitivity = null)
    {
        Units = sensitivity;
        Sensitivity = sensitivity is { } units
            ? new double[units.RecordLength(checked((int)(((long)capacityBlocks * PartialLayout.BlockSize + units.UnitEvaluations - 1) / units.UnitEvaluations)))]
            : null;
        GridCells = gridCells;
        KeptColumns = keepOutcomes ? keptColumns : null;
        Outcomes = keepOutcomes
            ? [.. Enumerable.Range(0, outcomeCount).Select(c => keptColumns is null || keptColumns.Contains(c) ? new float[(long)capacityBlocks * PartialLayout.BlockSize] : [])]
            : null;
        Layout = layout;
        CapacityBlocks = capacityBlocks;
        Partials = new double[(long)capacityBlocks * layout.Length];
        Sketch = new long[(long)outcomeCount * QuantileSketch.Length];
        Fans = fanSketches > 0 ? new long[(long)fanSketches * QuantileSketch.Length] : null;
    }

    /// <summary>
    /// The chunk's outcome columns (column c, scenario first + i at [c][i]) when the plan needs them, else null;
    /// a column not in <see cref="KeptColumns"/> is an empty array, which backends leave alone.
    /// </summary>
    public float[][]? Outcomes { get; }

    /// <summary>The only outcome columns <see cref="Outcomes"/> holds, or null for all of them.</summary>
    public IReadOnlyList<int>? KeptColumns { get; }

    /// <summary>The chunk's cells of the grid's variance decomposition (empty at the start of each chunk), or null.</summary>
    public Aggregation.GridCells? GridCells { get; }

    /// <summary>
    /// Done when <see cref="GridCells"/> hold the chunk: a GPU backend reduces them on the host while the
    /// device computes the next chunk, and <see cref="ToChunk"/> waits for them.
    /// </summary>
    public Task CellsReduced { get; set; } = Task.CompletedTask;

    private float[][]? _shares;

    /// <summary>
    /// Host columns for the outcomes the cells keep (a GPU backend's copy for them), indexed like all the
    /// outcome columns (the others empty), made on first use.
    /// </summary>
    public float[][] SharesFor(IReadOnlyList<int> columns, int outcomes)
    {
        var length = (long)CapacityBlocks * PartialLayout.BlockSize;
        if (_shares is null || _shares.Length != outcomes || columns.Any(c => _shares[c].LongLength != length))
        {
            _shares = [.. Enumerable.Range(0, outcomes).Select(c => columns.Contains(c) ? new float[length] : [])];
        }

        return _shares;
    }

    /// <summary>How the chunks' sensitivity records are made, when the plan keeps sensitivity sums, else null.</summary>
    public SensitivityUnits? Units { get; }

    /// <summary>
    /// The chunk's sensitivity records, which the backend fills (unit u's record of outcome c at
    /// <c>(u · outcomes + c) · slots</c>; see <see cref="SensitivityUnits"/>), or null.
    /// </summary>
    public double[]? Sensitivity { get; }

    /// <summary>Sketch counts of every month's series values (see <see cref="QuantileSketch.FanOffset"/>), or null.</summary>
    public long[]? Fans { get; }

    public PartialLayout Layout { get; }

    /// <summary>Most blocks a chunk may hold.</summary>
    public int CapacityBlocks { get; }

    /// <summary>Block partial records, block after block.</summary>
    public double[] Partials { get; }

    /// <summary>Sketch counts of the chunk: column c's slot s at <c>c * QuantileSketch.Length + s</c>.</summary>
    public long[] Sketch { get; }

    /// <summary>Index of the chunk's first block (its first scenario / BlockSize).</summary>
    public long FirstBlock { get; set; }

    /// <summary>Blocks now held (the last may be partial).</summary>
    public int Blocks { get; set; }

    /// <summary>Scenarios now held.</summary>
    public int Count { get; set; }

    /// <summary>
    /// The layout for a plan: main effects when there are at most <see cref="MainEffects.MaxAxes"/>
    /// axes with at most <see cref="PartialLayout.MaxAxisValues"/> values in all.
    /// </summary>
    public static PartialLayout LayoutFor(SweepPlan plan) =>
        new(plan.OutcomeCount, HasMainEffects(plan) ? plan.AxisValues.Length : 0, PartialLayout.DefaultExtremes, plan.Thresholds.Length);

    /// <summary>The chunk now held, as the aggregate state adds it (once its grid cells are reduced).</summary>
    public Aggregation.AggregateChunk ToChunk()
    {
        CellsReduced.GetAwaiter().GetResult();
        return new(FirstBlock, Blocks, Partials, Sketch, Fans, Outcomes, Count) { GridCells = GridCells, Sensitivity = Sensitivity };
    }

    /// <summary>Whether aggregate mode keeps sensitivity sums for <paramref name="plan"/>: Saltelli and Morris designs.</summary>
    public static bool HasSensitivity(SweepPlan plan) => plan.Design?.HasSensitivity == true;

    /// <summary>How a backend reduces <paramref name="plan"/>'s chunks to sensitivity records, or null when it keeps none.</summary>
    public static SensitivityUnits? SensitivityFor(SweepPlan plan) =>
        HasSensitivity(plan) ? Aggregation.SensitivityState.UnitsFor(plan.Design!, plan.OutcomeCount) : null;

    /// <summary>
    /// Empty cells of a grid's variance decomposition for <paramref name="plan"/> (its regional shares over
    /// its axes), or null for a sampled design, a sweep without axes, or one whose axes are too many or
    /// too long for main effects (<see cref="HasMainEffects"/>: the cells hold a value's sums per axis value too).
    /// <paramref name="decompose"/> names outcomes kept beside the shares (<c>sweep --decompose</c>).
    /// </summary>
    public static Aggregation.GridCells? GridCellsFor(SweepPlan plan, PartialLayout layout, IReadOnlyList<string>? decompose = null) =>
        plan.Design is null && plan.AxisSlots.Length > 0 && HasMainEffects(plan)
            ? new Aggregation.GridCells(Aggregation.AggregateShape.From(plan, layout), decompose)
            : null;

    /// <summary>
    /// The outcomes whose regret a policy comparison of <paramref name="plan"/> keeps: its regional shares
    /// (every outcome of a model without them, such as a test function), then those in
    /// <paramref name="compare"/> (<c>sweep --compare</c>).
    /// </summary>
    public static IReadOnlyList<string> ComparedFor(SweepPlan plan, IReadOnlyList<string>? compare = null)
    {
        var names = plan.OutcomeNames;
        var shares = names.Where(n => n.StartsWith(IO.Reports.OutcomeColumns.SharePrefix, StringComparison.Ordinal)).ToList();
        return [.. (shares.Count > 0 ? shares : names).Concat(compare ?? []).Distinct()];
    }

    /// <summary>Whether aggregate mode keeps main effects for <paramref name="plan"/>.</summary>
    public static bool HasMainEffects(SweepPlan plan) =>
        plan.AxisSlots.Length <= MainEffects.MaxAxes && plan.AxisValues.Length <= PartialLayout.MaxAxisValues;
}
