using ComputeGap.Core.Reduction;
using ComputeGap.Engine.Backends;
using ComputeGap.Engine.Output;
using ComputeGap.IO.Parquet;
using ComputeGap.Sweep.Spec;

namespace ComputeGap.Engine.Running;

/// <summary>What to run and where to write it.</summary>
/// <param name="Spec">The validated sweep.</param>
/// <param name="OutDirectory">Directory for the Parquet files (created if missing).</param>
/// <param name="Backend">Backend choice.</param>
/// <param name="CudaDevice">CUDA device index when CUDA runs.</param>
/// <param name="Series">Also write the per-month shares in long form (row output only).</param>
/// <param name="Compression">Parquet compression.</param>
/// <param name="ChunkSize">Scenarios per chunk (and per row part).</param>
/// <param name="RowLimit">Most rows row output may write; <c>auto</c> switches to aggregates above it.</param>
/// <param name="Shard">The slice of the grid to run; the whole grid by default.</param>
/// <param name="Output">Rows, aggregates, or auto.</param>
/// <param name="Resume">Continue a run that was stopped: run only what its manifest lacks.</param>
/// <param name="Checkpoint">In aggregate mode, how often the running reductions are committed as a part.</param>
/// <param name="Where">A condition on outcomes whose bitmap (one bit per scenario) aggregate output keeps beside the aggregates, for <c>discover</c> and <c>summarize --where</c> on grids too large for rows; null for none.</param>
/// <param name="Decompose">Outcomes (comma-separated) whose grid variance decomposition aggregate output keeps beside the regional shares; null for the shares only.</param>
/// <param name="Compare">Outcomes (comma-separated) whose policy comparison aggregate output of a sampled design with levers keeps beside the regional shares; null for the shares only.</param>
/// <param name="Devices">CUDA devices to spread chunks over (<c>all</c> or <c>0,1</c>, see <see cref="DeviceList"/>); null runs one device as <paramref name="Backend"/> and <paramref name="CudaDevice"/> say.</param>
public sealed record SweepRequest(
    SweepSpec Spec,
    string OutDirectory,
    BackendChoice Backend = BackendChoice.Auto,
    int CudaDevice = 0,
    bool Series = false,
    ParquetCompression Compression = default,
    int ChunkSize = SweepOptions.DefaultChunkSize,
    long RowLimit = SweepRequest.DefaultRowLimit,
    Shard Shard = default,
    OutputMode Output = OutputMode.Auto,
    bool Resume = false,
    TimeSpan? Checkpoint = null,
    string? Devices = null,
    string? Where = null,
    string? Decompose = null,
    string? Compare = null)
{
    /// <summary>The outcomes of <see cref="Compare"/>, or empty.</summary>
    public IReadOnlyList<string> CompareOutcomes =>
        Compare is null ? [] : [.. Compare.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)];

    /// <summary>
    /// The order the run takes: future order for aggregates of a sampled design with levers (so that policies
    /// are compared on the same futures; see <see cref="AggregateRunner.OrderFor"/>), scenario order otherwise.
    /// </summary>
    public RunOrder Order => Mode == OutputMode.Aggregate ? AggregateRunner.OrderFor(Spec, Slice.Count) : RunOrder.Scenarios(Spec.ScenarioCount);

    /// <summary>The run's files in <see cref="OutDirectory"/>: its parts, manifest and lock.</summary>
    public RunFiles Files => new(OutDirectory, Spec.Name, Slice, Mode);

    /// <summary>The outcomes of <see cref="Decompose"/>, or empty.</summary>
    public IReadOnlyList<string> DecomposeOutcomes =>
        Decompose is null ? [] : [.. Decompose.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)];

    /// <summary>The parsed <see cref="Where"/>, or null.</summary>
    /// <exception cref="ArgumentException">It does not parse.</exception>
    public IO.Discovery.WhereExpression? Condition => Where is null ? null : IO.Discovery.WhereParser.ParseOption(Where);

    /// <summary>50 million rows: about 1.5 GB of Parquet for the baseline's columns.</summary>
    public const long DefaultRowLimit = 50_000_000;

    /// <summary>The shard to run (a default-constructed shard means the whole grid).</summary>
    public Shard Slice => Shard.Count == 0 ? Shard.All : Shard;

    /// <summary>Rows or aggregates, once <see cref="OutputMode.Auto"/> is resolved.</summary>
    public OutputMode Mode => Output switch
    {
        OutputMode.Auto => Slice.Length(Spec.ScenarioCount) > RowLimit ? OutputMode.Aggregate : OutputMode.Rows,
        _ => Output,
    };

    /// <summary>
    /// Shard boundaries fall on whole blocks in aggregate mode (and whole sensitivity units for Saltelli and
    /// Morris designs, and whole windows of futures in future order).
    /// </summary>
    public long Alignment => Mode == OutputMode.Aggregate ? Math.Max(AggregateRunner.Alignment(Spec), Order.GroupSize) : 1;

    /// <summary>First scenario this request runs.</summary>
    public long First => Slice.First(Spec.ScenarioCount, Alignment);

    /// <summary>Scenarios this request runs.</summary>
    public long Scenarios => Slice.Length(Spec.ScenarioCount, Alignment);

    /// <summary>How often aggregate mode commits a part.</summary>
    public TimeSpan CheckpointInterval => Checkpoint ?? TimeSpan.FromSeconds(60);
}

/// <summary>What a finished sweep produced.</summary>
/// <param name="Mode">Rows or aggregates.</param>
/// <param name="Directory">Where the parts are.</param>
/// <param name="Scenarios">Scenarios of this run (the shard).</param>
/// <param name="Computed">Scenarios computed now (fewer when resuming).</param>
/// <param name="Elapsed">Wall time.</param>
/// <param name="Backend">Backend name.</param>
/// <param name="Device">Device description.</param>
/// <param name="BackendReason">Why that backend.</param>
public sealed record SweepResult(
    OutputMode Mode, string Directory, long Scenarios, long Computed, TimeSpan Elapsed, string Backend, string Device, string BackendReason)
{
    /// <summary>Time spent computing chunks; the rest of <see cref="Elapsed"/> went to waiting for writes and merges and to commits.</summary>
    public TimeSpan Computing { get; init; }
}
