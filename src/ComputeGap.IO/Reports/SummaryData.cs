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

    /// <summary>
    /// Main effects of any outcome by name (the per-axis-value means aggregates keep for every outcome), or
    /// null when only <see cref="MainEffects"/> (the focus share's) are known. Reports use it for
    /// <c>summarize --outcome</c>; for a grid with rows they fall back on <see cref="Grid"/>'s conditional means.
    /// </summary>
    public Func<string, IReadOnlyList<AxisEffect>?>? MainEffectsOf { get; init; }

    /// <summary>The scenarios with the highest and lowest focus share that the run kept (aggregates keep 10 of each), or null.</summary>
    public ScenarioExtremes? Extremes { get; init; }

    /// <summary>The outcome the report's main effects, tornado, threshold order and sensitivity describe (<c>summarize --outcome</c>); null for the default.</summary>
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
    public static SummaryData FromTable(ColumnTable table) => FromColumns(table);

    /// <summary>
    /// Summarises rows read one column at a time from <paramref name="source"/> (<see cref="FromTable"/>'s
    /// rules): each outcome's column is read, summarised and dropped, so memory holds about one column
    /// (and its sorted copy for exact quantiles), not the table; the report's later questions (grid
    /// decomposition, policies, <c>--where</c>) read the columns they need again.
    /// </summary>
    /// <param name="source">The rows.</param>
    /// <param name="progress">Told how far the outcome columns have got, at most every <paramref name="every"/> (default 5 s); null for silence.</param>
    /// <param name="every">The least time between progress lines.</param>
    /// <exception cref="InvalidDataException">The metadata names an axis or focus share column the table lacks.</exception>
    public static SummaryData FromColumns(IColumnSource source, Action<string>? progress = null, TimeSpan? every = null)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var lastReport = TimeSpan.Zero;
        var metadata = SummaryMetadata.Parse(source.Metadata);
        var specs = source.Specs.ToDictionary(c => c.Name, StringComparer.Ordinal);
        bool Has(string name) => specs.TryGetValue(name, out var c) && ColumnTypes.IsNumeric(c.Type);
        foreach (var axis in metadata.Axes)
        {
            Require(specs, axis, $"axis '{axis}'");
        }

        var focusShare = metadata.Focus is { } focus ? OutcomeColumns.Share(focus) : null;
        if (focusShare is not null)
        {
            Require(specs, focusShare, $"focus region '{metadata.Focus}'");
        }

        // Columns are read again for each question; for a large table, the dropped ones are given back first,
        // so what is held is what is in use (50 M rows: a column is 200 MB as float32, 400 MB as doubles).
        var large = source.RowCount >= LargeTable;
        double[] Values(string column)
        {
            if (large)
            {
                ColumnMemory.Release();
            }

            return source.Column(column).ToDoubles();
        }

        // A condition compares a null ("never") as SQL does: it matches nothing.
        double[] Comparable(string column)
        {
            if (large)
            {
                ColumnMemory.Release();
            }

            return source.Column(column).ToComparableDoubles();
        }

        var effects = new List<AxisEffect>();
        ScenarioExtremes? extremes = null;
        if (focusShare is not null)
        {
            var share = Values(focusShare);
            foreach (var axis in metadata.Axes)
            {
                effects.Add(AxisEffects.Compute(axis, Values(axis), share));
                ColumnMemory.Release();
            }

            extremes = FindExtremes(source, focusShare, share, metadata.InputColumns.Where(specs.ContainsKey).ToList());
        }

        var rules = ThresholdRule.For(metadata, Has);
        var axes = metadata.InputColumns.ToHashSet(StringComparer.Ordinal);
        var outcomes = new List<OutcomeStats>();
        var thresholds = new ThresholdProbability?[rules.Count];
        var outcomeSpecs = source.Specs.Where(c => c.Name != OutcomeColumns.Scenario && !axes.Contains(c.Name) && ColumnTypes.IsNumeric(c.Type)).ToList();
        foreach (var spec in outcomeSpecs)
        {
            var values = Values(spec.Name);
            outcomes.Add(OutcomeStats.Compute(spec.Name, values,
                OutcomeColumns.IsMonth(spec.Name) && spec.Type is ColumnType.Int32 or ColumnType.Int64 ? OutcomeColumns.NeverMonth : (double?)null));
            for (var r = 0; r < rules.Count; r++)
            {
                if (rules[r].Column == spec.Name)
                {
                    thresholds[r] = rules[r].Evaluate(values);
                }
            }

            ColumnMemory.Release();
            if (progress is not null && clock.Elapsed - lastReport >= (every ?? TimeSpan.FromSeconds(5)))
            {
                lastReport = clock.Elapsed;
                progress($"summarised {outcomes.Count} of {outcomeSpecs.Count} outcome columns of {source.RowCount:N0} rows in {clock.Elapsed.TotalSeconds:F0} s");
            }
        }

        for (var r = 0; r < rules.Count; r++)
        {
            thresholds[r] ??= rules[r].Evaluate(Values(rules[r].Column));
        }

        var sensitivity = IO.Sensitivity.SensitivityFromRows.Compute(source, metadata, [.. outcomes.Select(o => o.Name)], out var missing);
        var order = metadata.Design is { } design ? IO.Sensitivity.SensitivityFromRows.ScenarioOrder(source, design) : null;
        var rows = source.RowCount;

        // Each answer is computed once per question: the reports ask for them several times, and each
        // computation reads its columns from the files again.
        var policies = order is null
            ? null
            : Once<(string Outcome, bool LowerIsBetter), IO.Sensitivity.PolicyComparison?>(q =>
                IO.Sensitivity.PolicyComparison.From(metadata.Design!, metadata.Axes, Values, order, q.Outcome, rules, q.LowerIsBetter));
        var uncertain = metadata.Design is { } d ? d.Uncertain.Where(specs.ContainsKey).ToArray() : [];
        var conditions = Once<string, Discovery.ConditionProbability>(text =>
            Discovery.ConditionProbability.Compute(Discovery.WhereParser.Parse(text), rows, Comparable, metadata.Axes, uncertain));
        return new SummaryData(metadata, rows, outcomes, [.. thresholds.Select(t => t!)], AxisEffects.RankBySwing(effects))
        {
            Sensitivity = sensitivity,
            SensitivityNote = missing,
            PolicyComparer = policies is null ? null : (outcome, lowerIsBetter) => policies((outcome, lowerIsBetter)),
            GridDecomposer = metadata.Design is null ? Once<string, IO.Sensitivity.GridDecomposition?>(outcome => IO.Sensitivity.GridDecomposition.Compute(outcome, metadata.Axes, Values)) : null,
            ConditionEvaluator = condition => conditions(condition.ToString()),
            MainEffectsOf = Once<string, IReadOnlyList<AxisEffect>?>(outcome => specs.ContainsKey(outcome)
                ? [.. metadata.Axes.Select(axis => AxisEffects.Compute(axis, Values(axis), Finite(outcome, Values(outcome))))]
                : null),
            Extremes = extremes,
        };
    }

    /// <summary>The values of <paramref name="column"/> with a month outcome's "never" (−1) as NaN, so means leave it out as the statistics do.</summary>
    private static double[] Finite(string column, double[] values) =>
        OutcomeColumns.IsMonth(column) ? [.. values.Select(v => v == OutcomeColumns.NeverMonth ? double.NaN : v)] : values;

    /// <summary>The rows of the <see cref="ExtremeCount"/> highest (or lowest) finite values, best first; one pass keeping a short sorted list.</summary>
    private static int[] Best(double[] values, long[] scenarios, bool highest)
    {
        var best = new List<int>(ExtremeCount + 1);
        bool Before(int a, int b) => values[a] != values[b] ? (values[a] > values[b]) == highest : scenarios[a] < scenarios[b];
        for (var i = 0; i < values.Length; i++)
        {
            if (!double.IsFinite(values[i]) || (best.Count == ExtremeCount && !Before(i, best[^1])))
            {
                continue;
            }

            var at = best.Count;
            while (at > 0 && Before(i, best[at - 1]))
            {
                at--;
            }

            best.Insert(at, i);
            if (best.Count > ExtremeCount)
            {
                best.RemoveAt(ExtremeCount);
            }
        }

        return [.. best];
    }

    /// <summary>Rows from which reading a column first returns the memory of those dropped (<see cref="ColumnMemory.Release"/>).</summary>
    private const int LargeTable = 1_000_000;

    /// <summary>Scenarios the report lists at each end of the focus share, as aggregates keep them.</summary>
    public const int ExtremeCount = 10;

    /// <summary>
    /// The <see cref="ExtremeCount"/> rows with the highest and the lowest finite focus share (ties: the lower
    /// scenario number first, as aggregates rank them), with their inputs.
    /// </summary>
    private static ScenarioExtremes FindExtremes(IColumnSource source, string outcome, double[] share, IReadOnlyList<string> inputs)
    {
        // Scenario numbers as written (int64), else row numbers; never widened to doubles (400 MB at 50 M rows).
        var scenarios = source.Specs.Any(c => c.Name == OutcomeColumns.Scenario && c.Type == ColumnType.Int64)
            ? source.Column(OutcomeColumns.Scenario).As<long>()
            : [.. Enumerable.Range(0, share.Length).Select(i => (long)i)];
        var top = Best(share, scenarios, highest: true);
        var bottom = Best(share, scenarios, highest: false);
        var values = inputs.ToDictionary(name => name, name =>
        {
            var column = source.Column(name);
            return top.Concat(bottom).Distinct().ToDictionary(i => i, i => ColumnBlocks.At(column.Values, i));
        }, StringComparer.Ordinal);
        RankedScenario Ranked(int row) => new(scenarios[row], share[row], [.. inputs.Select(name => KeyValuePair.Create(name, values[name][row]))]);
        return new ScenarioExtremes(outcome, [.. top.Select(Ranked)], [.. bottom.Select(Ranked)]);
    }

    /// <summary><paramref name="compute"/>, remembering each answer (one thread at a time).</summary>
    private static Func<TKey, TValue> Once<TKey, TValue>(Func<TKey, TValue> compute)
        where TKey : notnull
    {
        var answers = new Dictionary<TKey, TValue>();
        return key =>
        {
            lock (answers)
            {
                return answers.TryGetValue(key, out var value) ? value : answers[key] = compute(key);
            }
        };
    }

    private static void Require(Dictionary<string, ColumnSpec> specs, string column, string what)
    {
        if (!specs.ContainsKey(column))
        {
            throw new InvalidDataException($"The metadata names {what}, but the table has no column '{column}'.");
        }
    }
}
