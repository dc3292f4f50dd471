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

    /// <summary>
    /// Computes the threshold probabilities under each lever combination when the reported outcome is not
    /// compared (aggregates count them whatever they compare), or null.
    /// </summary>
    public Func<IO.Sensitivity.PolicyThresholds?>? PolicyThresholdSource { get; init; }

    /// <summary>Why a run with levers has no comparison of an outcome (what its aggregates kept), or null.</summary>
    public Func<string, string?>? PolicyNote { get; init; }

    /// <summary>Computes a grid's variance decomposition and two-way tables of an outcome (a grid's rows or aggregates), or null.</summary>
    public Func<string, IO.Sensitivity.GridDecomposition?>? GridDecomposer { get; init; }

    /// <summary>Why a grid has no decomposition of an outcome (what its aggregates kept), or null.</summary>
    public Func<string, string?>? GridNote { get; init; }

    /// <summary>
    /// Every series column month by month as quantiles over the scenarios (each region's share; model v2 also
    /// each region's installed H100e and the price), when the run kept series (<c>--series</c>: aggregates' fan
    /// tables, or rows' series files when loaded with them); else empty.
    /// </summary>
    public IReadOnlyList<SeriesFan> Fans { get; init; } = [];

    /// <summary>True when lower values of the reported outcome are better (<c>summarize --lower-is-better</c>): regret then counts excess over the lowest.</summary>
    public bool LowerIsBetter { get; init; }

    /// <summary>The policies compared on the reported outcome, when the run has levers and rows.</summary>
    public IO.Sensitivity.PolicyComparison? Policies => PolicyComparer?.Invoke(SummaryReport.ReportOutcome(this), LowerIsBetter);

    /// <summary>
    /// The threshold probabilities under each lever combination: those of <paramref name="policies"/> (the
    /// comparison of the reported outcome, <see cref="Policies"/>, computed once by the caller), else
    /// those the aggregates counted, or null without levers.
    /// </summary>
    public IO.Sensitivity.PolicyThresholds? ThresholdsByPolicy(IO.Sensitivity.PolicyComparison? policies) =>
        policies?.ThresholdsByPolicy() ?? PolicyThresholdSource?.Invoke();

    /// <summary>The grid's decomposition of the reported outcome, when the run is a grid (rows, or aggregates that kept it).</summary>
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
    /// <see cref="Thresholds"/> in the order every report shows them: the rules that read <paramref name="outcome"/>
    /// first, then the others, each group in its own order; and how many read it.
    /// </summary>
    public (IReadOnlyList<ThresholdProbability> Thresholds, int OnOutcome) ThresholdsInReportOrder(string outcome)
    {
        var rules = ThresholdRule.For(Metadata, name => FindOutcome(name) is not null).ToDictionary(r => r.Name, r => r.Column, StringComparer.Ordinal);
        ThresholdProbability[] ordered = [.. Thresholds.OrderByDescending(t => rules.GetValueOrDefault(t.Name) == outcome)];
        return (ordered, ordered.Count(t => rules.GetValueOrDefault(t.Name) == outcome));
    }

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

        // Columns are read again for each question, in their own type (a float32 column of 50 M rows is
        // 200 MB; widened, 400 MB more), and worked on in blocks of doubles; for a large table the dropped
        // ones are given back first, so what is held is what is in use. Each step below is its own method,
        // so its columns are unreachable once it returns, whatever the JIT's tier.
        var large = source.RowCount >= LargeTable;
        Array Column(string column)
        {
            if (large)
            {
                ColumnMemory.Release();
            }

            return source.Column(column).Values;
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

        double[] Values(string column) => source.Column(column).ToDoubles();
        var (effects, extremes) = focusShare is null
            ? ([], null)
            : FocusEffects(source, metadata, focusShare, [.. metadata.InputColumns.Where(specs.ContainsKey)]);
        var rules = ThresholdRule.For(metadata, Has);
        var (outcomes, thresholds) = SummariseOutcomes(source, metadata, rules, Column, progress, every ?? TimeSpan.FromSeconds(5));
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
        return new SummaryData(metadata, rows, outcomes, thresholds, AxisEffects.RankBySwing(effects))
        {
            Sensitivity = sensitivity,
            SensitivityNote = missing,
            PolicyComparer = policies is null ? null : (outcome, lowerIsBetter) => policies((outcome, lowerIsBetter)),
            GridDecomposer = metadata.Design is null ? Once<string, IO.Sensitivity.GridDecomposition?>(outcome => IO.Sensitivity.GridDecomposition.Compute(outcome, metadata.Axes, source.ForEachBlock, OutcomeColumns.Never(outcome))) : null,
            ConditionEvaluator = condition => conditions(condition.ToString()),
            MainEffectsOf = Once<string, IReadOnlyList<AxisEffect>?>(outcome => specs.ContainsKey(outcome) ? AxisEffects.OfBlocks(metadata.Axes, outcome, source.ForEachBlock, OutcomeColumns.Never(outcome)) : null),
            Extremes = extremes,
        };
    }

    /// <summary>
    /// The focus share's main effect of every axis, and the scenarios at its two ends, from one pass over
    /// blocks of the share, the scenario numbers and the inputs.
    /// </summary>
    private static (List<AxisEffect> Effects, ScenarioExtremes Extremes) FocusEffects(
        IColumnSource source, SummaryMetadata metadata, string focusShare, IReadOnlyList<string> inputs)
    {
        // Scenario numbers as written (int64; exact in the blocks' doubles below 2^53), else row numbers.
        var numbered = source.Specs.Any(c => c.Name == OutcomeColumns.Scenario && c.Type == ColumnType.Int64);
        string[] names = [focusShare, .. numbered ? new[] { OutcomeColumns.Scenario } : [], .. inputs];
        var first = numbered ? 2 : 1;
        var axes = metadata.Axes.Select(a => first + inputs.ToList().IndexOf(a)).ToArray();
        var sums = axes.Select(_ => new AxisEffectSums()).ToArray();
        var top = new ExtremeRows(highest: true, ExtremeCount);
        var bottom = new ExtremeRows(highest: false, ExtremeCount);
        source.ForEachBlock(names, (start, length, blocks) =>
        {
            var share = blocks[0].AsSpan(0, length);
            for (var a = 0; a < axes.Length; a++)
            {
                sums[a].Add(blocks[axes[a]].AsSpan(0, length), share);
            }

            for (var i = 0; i < length; i++)
            {
                var scenario = numbered ? (long)blocks[1][i] : start + i;
                var row = i;
                IReadOnlyList<KeyValuePair<string, double>> Inputs() =>
                    [.. inputs.Select((name, k) => KeyValuePair.Create(name, blocks[first + k][row]))];
                top.Offer(share[i], scenario, Inputs);
                bottom.Offer(share[i], scenario, Inputs);
            }
        });

        return ([.. metadata.Axes.Select((axis, a) => sums[a].ToEffect(axis))], new ScenarioExtremes(focusShare, top.Best, bottom.Best));
    }

    /// <summary>Every outcome's statistics and the threshold probabilities, one column at a time.</summary>
    private static (List<OutcomeStats> Outcomes, ThresholdProbability[] Thresholds) SummariseOutcomes(
        IColumnSource source, SummaryMetadata metadata, IReadOnlyList<ThresholdRule> rules, Func<string, Array> column,
        Action<string>? progress, TimeSpan every)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var lastReport = TimeSpan.Zero;
        var inputs = metadata.InputColumns.ToHashSet(StringComparer.Ordinal);
        var outcomes = new List<OutcomeStats>();
        var thresholds = new ThresholdProbability?[rules.Count];
        var outcomeSpecs = source.Specs.Where(c => c.Name != OutcomeColumns.Scenario && !inputs.Contains(c.Name) && ColumnTypes.IsNumeric(c.Type)).ToList();
        foreach (var spec in outcomeSpecs)
        {
            var (stats, found) = SummariseOutcome(spec, rules, column, source.ColumnsAreCopies);
            outcomes.Add(stats);
            foreach (var (rule, probability) in found)
            {
                thresholds[rule] = probability;
            }

            if (progress is not null && clock.Elapsed - lastReport >= every)
            {
                lastReport = clock.Elapsed;
                progress($"summarised {outcomes.Count} of {outcomeSpecs.Count} outcome columns of {source.RowCount:N0} rows in {clock.Elapsed.TotalSeconds:F0} s");
            }
        }

        for (var r = 0; r < rules.Count; r++)
        {
            thresholds[r] ??= rules[r].EvaluateColumn(column(rules[r].Column));
        }

        return (outcomes, [.. thresholds.Select(t => t!)]);
    }

    /// <summary>One outcome column's statistics, and the probabilities of the rules on it (by rule index).</summary>
    private static (OutcomeStats Stats, List<(int Rule, ThresholdProbability Probability)> Thresholds) SummariseOutcome(
        ColumnSpec spec, IReadOnlyList<ThresholdRule> rules, Func<string, Array> column, bool reorder)
    {
        var values = column(spec.Name);
        var found = new List<(int, ThresholdProbability)>();
        for (var r = 0; r < rules.Count; r++)
        {
            if (rules[r].Column == spec.Name)
            {
                found.Add((r, rules[r].EvaluateColumn(values)));
            }
        }

        // The probabilities are counted first: the statistics may sort the column in place.
        return (OutcomeStats.OfColumn(spec.Name, values, NeverOf(spec), reorder), found);
    }

    /// <summary>The "never" sentinel of an integer month outcome, else null.</summary>
    private static double? NeverOf(ColumnSpec spec) =>
        spec.Type is ColumnType.Int32 or ColumnType.Int64 ? OutcomeColumns.Never(spec.Name) : null;

    /// <summary>Rows from which reading a column first returns the memory of those dropped (<see cref="ColumnMemory.Release"/>).</summary>
    private const int LargeTable = 1_000_000;

    /// <summary>Scenarios the report lists at each end of the focus share, as aggregates keep them.</summary>
    public const int ExtremeCount = 10;

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
