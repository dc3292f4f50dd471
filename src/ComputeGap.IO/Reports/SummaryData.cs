using ComputeGap.IO.Parquet;
using ComputeGap.IO.Statistics;

namespace ComputeGap.IO.Reports;

/// <summary>
/// Everything a summary report shows, already aggregated: statistics per outcome, threshold
/// probabilities and main effects, plus the metadata. Reports are rendered from this record only, so
/// it can be filled from raw rows (<see cref="FromTable"/>) or from statistics computed elsewhere.
/// </summary>
/// <param name="Metadata">Parsed metadata (focus, regions, axes, …).</param>
/// <param name="RowCount">Scenarios summarised.</param>
/// <param name="Outcomes">Statistics per outcome column, in column order.</param>
/// <param name="Thresholds">Threshold probabilities, in report order.</param>
/// <param name="MainEffects">Main effects of each axis on the focus share (any order; reports rank them by swing).</param>
public sealed record SummaryData(
    SummaryMetadata Metadata,
    long RowCount,
    IReadOnlyList<OutcomeStats> Outcomes,
    IReadOnlyList<ThresholdProbability> Thresholds,
    IReadOnlyList<AxisEffect> MainEffects)
{
    /// <summary>Sobol indices or Morris statistics, when the run's design has them.</summary>
    public IO.Sensitivity.SensitivityResult? Sensitivity { get; init; }

    /// <summary>Computes the lever combinations' comparison of an outcome (rows of a sampled design with levers), or null.</summary>
    public Func<string, bool, IO.Sensitivity.PolicyComparison?>? PolicyComparer { get; init; }

    /// <summary>Computes a grid's variance decomposition and two-way tables of an outcome (rows of a grid), or null.</summary>
    public Func<string, IO.Sensitivity.GridDecomposition?>? GridDecomposer { get; init; }

    /// <summary>Computes the main effects of any outcome (its mean at each value of each axis), or null when the run kept none.</summary>
    public Func<string, IReadOnlyList<AxisEffect>>? EffectsOf { get; init; }

    /// <summary>Every region's share month by month as quantiles over the scenarios, when the run kept fan charts (aggregates with <c>--series</c>); else empty.</summary>
    public IReadOnlyList<ShareFan> Fans { get; init; } = [];

    /// <summary>True when lower values of the reported outcome are better (<c>summarize --lower-is-better</c>): regret then counts excess over the lowest.</summary>
    public bool LowerIsBetter { get; init; }

    /// <summary>The policies compared on the reported outcome, when the run has levers and rows.</summary>
    public IO.Sensitivity.PolicyComparison? Policies => PolicyComparer?.Invoke(SummaryReport.ReportOutcome(this), LowerIsBetter);

    /// <summary>The grid's decomposition of the reported outcome, when the run is a grid with rows.</summary>
    public IO.Sensitivity.GridDecomposition? Grid => SummaryReport.ReportOutcome(this) is { Length: > 0 } outcome ? GridDecomposer?.Invoke(outcome) : null;

    /// <summary>The condition of <c>summarize --where</c>, or null.</summary>
    public Discovery.WhereExpression? Condition { get; init; }

    /// <summary>Evaluates a condition over the rows, grouped by axis values and parameter deciles (rows only), or null.</summary>
    public Func<Discovery.WhereExpression, Discovery.ConditionProbability>? ConditionEvaluator { get; init; }

    /// <summary>How often <see cref="Condition"/> holds, when there is one and rows to evaluate it on.</summary>
    public Discovery.ConditionProbability? ConditionResult => Condition is { } c ? ConditionEvaluator?.Invoke(c) : null;

    /// <summary>The outcome the table report's sensitivity describes (<c>summarize --outcome</c>); null for the default.</summary>
    public string? Outcome { get; init; }

    /// <summary>What was checked before reading (<c>verified: …</c>, or why not), or null when nobody checked.</summary>
    public string? Verification { get; init; }

    /// <summary>Why a design meant for sensitivity has none (rows missing), or null.</summary>
    public string? SensitivityNote { get; init; }

    /// <summary>The focus headline, when the focus region and its share statistics are known.</summary>
    public Headline? Headline => Headline.From(this);

    /// <summary>The main effects ranked by swing, largest first.</summary>
    public IReadOnlyList<AxisEffect> RankedMainEffects => AxisEffects.RankBySwing(MainEffects);

    /// <summary>Statistics of the outcome named <paramref name="name"/>, or null.</summary>
    public OutcomeStats? FindOutcome(string name) => Outcomes.FirstOrDefault(o => o.Name == name);

    /// <summary>
    /// Summarises raw rows. Outcomes are all numeric columns except <c>scenario</c> and the axis columns; month
    /// outcomes (<c>*_month</c>) leave −1 ("never") out of their statistics. The metadata keys of
    /// <see cref="MetadataKeys"/> name the focus, rivals and axes; without a focus there is no
    /// headline, no focus threshold and no main effect.
    /// </summary>
    /// <exception cref="InvalidDataException">The metadata names an axis or focus share column the table lacks.</exception>
    public static SummaryData FromTable(ColumnTable table)
    {
        var metadata = SummaryMetadata.Parse(table.Metadata);
        foreach (var axis in metadata.Axes)
        {
            Require(table, axis, $"axis '{axis}'");
        }

        var focusShare = metadata.Focus is { } focus ? OutcomeColumns.Share(focus) : null;
        if (focusShare is not null)
        {
            Require(table, focusShare, $"focus region '{metadata.Focus}'");
        }

        var values = new Dictionary<string, double[]>(StringComparer.Ordinal);
        double[] Values(string column) =>
            values.TryGetValue(column, out var v) ? v : values[column] = table[column].ToDoubles();

        var axes = metadata.InputColumns.ToHashSet(StringComparer.Ordinal);
        var outcomes = table.Columns
            .Where(c => c.Name != OutcomeColumns.Scenario && !axes.Contains(c.Name) && c.Type != ColumnType.String)
            .Select(c => OutcomeStats.Compute(c.Name, Values(c.Name),
                OutcomeColumns.IsMonth(c.Name) && c.Type is ColumnType.Int32 or ColumnType.Int64 ? OutcomeColumns.NeverMonth : (double?)null))
            .ToArray();

        var thresholds = ThresholdRule.For(metadata, name => table.TryGetColumn(name, out var c) && c.Type != ColumnType.String)
            .Select(rule => rule.Evaluate(Values(rule.Column)))
            .ToArray();

        var effects = focusShare is null
            ? []
            : metadata.Axes.Select(axis => AxisEffects.Compute(axis, Values(axis), Values(focusShare))).ToArray();

        var sensitivity = IO.Sensitivity.SensitivityFromRows.Compute(table, metadata, [.. outcomes.Select(o => o.Name)], out var missing);
        var rules = ThresholdRule.For(metadata, name => table.TryGetColumn(name, out var c) && c.Type != ColumnType.String);
        var order = metadata.Design is { } design ? IO.Sensitivity.SensitivityFromRows.ScenarioOrder(table, design) : null;
        return new SummaryData(metadata, table.RowCount, outcomes, thresholds, AxisEffects.RankBySwing(effects))
        {
            Sensitivity = sensitivity,
            SensitivityNote = missing,
            PolicyComparer = order is null
                ? null
                : (outcome, lowerIsBetter) => IO.Sensitivity.PolicyComparison.From(metadata.Design!, metadata.Axes, Values, order, outcome, rules, lowerIsBetter),
            EffectsOf = outcome => [.. metadata.Axes.Select(axis => AxisEffects.Compute(axis, Values(axis), Finite(outcome, Values(outcome))))],
            GridDecomposer = metadata.Design is null ? outcome => IO.Sensitivity.GridDecomposition.Compute(outcome, metadata.Axes, Values) : null,
            ConditionEvaluator = condition => Discovery.ConditionProbability.Compute(condition, table.RowCount, Values, metadata.Axes,
                metadata.Design is { } d ? [.. d.Uncertain.Where(table.Contains)] : []),
        };
    }

    /// <summary>The values of <paramref name="column"/> with a month outcome's "never" (−1) as NaN, so means leave it out as the statistics do.</summary>
    private static double[] Finite(string column, double[] values) =>
        OutcomeColumns.IsMonth(column) ? [.. values.Select(v => v == OutcomeColumns.NeverMonth ? double.NaN : v)] : values;

    private static void Require(ColumnTable table, string column, string what)
    {
        if (!table.Contains(column))
        {
            throw new InvalidDataException($"The metadata names {what}, but the table has no column '{column}'.");
        }
    }
}
