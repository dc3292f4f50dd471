using ComputeGap.Core.Reduction;
using ComputeGap.IO.Discovery;
using ComputeGap.IO.Reports;
using ComputeGap.IO.Statistics;

namespace ComputeGap.Engine.Aggregation;

/// <summary>
/// Turns aggregates into the <see cref="SummaryData"/> that <c>summarize</c> prints from rows, with the
/// same definitions: counts, non-finite and "never" counts, minimum and maximum are exact; means are
/// the exact sums divided by the counts; quantiles come from the sketch (within 1 % relative, exact at
/// the extremes); threshold probabilities use the exact threshold counts where the reduction kept the
/// rule's bound, and the sketch otherwise; main effects are exact per-axis-value means of the focus share.
/// </summary>
/// <remarks>
/// Block records count NaN and ±∞ alike as non-finite, so threshold totals are all scenarios, where
/// rows leave NaN out (no outcome of model v1 is NaN). Month outcomes count −1 as "never", read from
/// the sketch's bucket of −1.
/// </remarks>
internal static class AggregateSummary
{
    private static readonly int NeverSlot = QuantileSketch.Slot(OutcomeColumns.NeverMonth);

    /// <summary>The summary of <paramref name="state"/>, described by <paramref name="metadata"/>.</summary>
    public static SummaryData From(AggregateState state, IReadOnlyDictionary<string, string> metadata)
    {
        var shape = state.Shape;
        var parsed = SummaryMetadata.Parse(metadata);
        var outcomes = Enumerable.Range(0, shape.Outcomes.Count).Select(o => Outcome(state, o, out _)).ToArray();
        var thresholds = ThresholdRule.For(parsed, shape.Outcomes.Contains).Select(rule => Evaluate(state, rule)!).ToArray();
        var effects = parsed.Focus is null || !shape.HasEffects
            ? []
            : Enumerable.Range(0, shape.Axes.Count).Select(a => Effect(state, a, shape.Focus)).ToArray();
        var sensitivity = state.Sensitivity?.ToResult([.. Enumerable.Range(0, state.Sensitivity.Combinations).Select(c => LeverValues(shape, c))]);
        return new SummaryData(parsed, state.Scenarios, outcomes, thresholds, AxisEffects.RankBySwing(effects))
        {
            Sensitivity = sensitivity,
            GridDecomposer = state.GridCells is { } cells ? cells.Decompose : null,
            GridNote = shape.Evaluations != 1 || shape.Axes.Count == 0 ? null : outcome => GridNote(state, outcome),
            Fans = state.Fans is { } fans ? FanTables.Charts(fans, FanTables.RegionNames(shape)) : [],
            ConditionEvaluator = state.Where is null ? null : condition => ConditionProbability.FromGrid(state.Bitmap(), condition, state.Where.Condition),
            // The per-value sums count a month outcome's "never" as −1, which a mean must not: none for months.
            MainEffectsOf = !shape.HasEffects || shape.Axes.Count == 0
                ? null
                : outcome => shape.Outcomes.Contains(outcome) && !OutcomeColumns.IsMonth(outcome)
                    ? [.. Enumerable.Range(0, shape.Axes.Count).Select(a => Effect(state, a, IndexOf(shape.Outcomes, outcome)))]
                    : null,
            PolicyComparer = state.Policies is { } policies ? (outcome, lower) => Compare(policies, parsed, outcome, lower) : null,
            PolicyThresholdSource = state.Policies is { } counted ? () => ThresholdsByPolicy(counted, parsed) : null,
            PolicyNote = PolicyNote(state, parsed),
            Extremes = parsed.Focus is null ? null : Extremes(state, parsed),
        };
    }

    /// <summary>Why a grid's aggregates have no decomposition of <paramref name="outcome"/>, or null when they have one.</summary>
    private static string? GridNote(AggregateState state, string outcome)
    {
        if (state.GridCells is not { } cells)
        {
            return state.Shape.HasEffects
                ? "these aggregates hold no grid cells: a value beyond the cells' range (a block's sum over 2^40), or parts written before the cells were kept or with other --decompose outcomes merged together"
                : $"a grid of more than {PartialLayout.MaxAxisValues} axis values in all, or more than {MainEffects.MaxAxes} axes, keeps no cells";
        }

        if (!cells.Names.Contains(outcome))
        {
            return $"these aggregates keep it for {string.Join(", ", cells.Names)}; run the sweep with --decompose {outcome}, or write rows";
        }

        return cells.Decompose(outcome) is null ? "fewer than two finite values" : null;
    }

    /// <summary>
    /// The lever combinations of <paramref name="policies"/> side by side on <paramref name="outcome"/>, as
    /// <see cref="IO.Sensitivity.PolicyComparison.From"/> sets them out from rows, or null when the outcome
    /// is not compared. Means and regret means are exact; quantiles come from the sketches; threshold
    /// probabilities are exact where the reduction kept the rule's bound, and read from the sketch otherwise.
    /// </summary>
    private static IO.Sensitivity.PolicyComparison? Compare(PolicyState policies, SummaryMetadata metadata, string outcome, bool lowerIsBetter)
    {
        var shape = policies.Shape;
        var o = shape.Outcomes.ToList().IndexOf(outcome);
        if (o < 0 || !policies.IsCompared(o))
        {
            return null;
        }

        var rules = ThresholdRule.For(metadata, shape.Outcomes.Contains);
        var rows = new List<IO.Sensitivity.PolicyRow>();
        for (var c = 0; c < policies.Combinations; c++)
        {
            var view = new PolicyView(policies, c);
            var regret = policies.Regret(o, c, lowerIsBetter);
            var quantiles = regret.Quantiles();
            rows.Add(new IO.Sensitivity.PolicyRow(
                LeverValues(shape, c),
                Outcome(view, o, out _),
                RuleProbabilities(view, rules),
                regret.Mean,
                quantiles.Quantile(0.5),
                quantiles.Quantile(0.9),
                policies.Futures == 0 ? double.NaN : (double)policies.BestCount(o, c, lowerIsBetter) / policies.Futures));
        }

        return new IO.Sensitivity.PolicyComparison(outcome, lowerIsBetter, policies.Futures, rows);
    }

    /// <summary>
    /// The report's threshold probabilities under each lever combination of <paramref name="policies"/>,
    /// whichever outcomes they compare: the comparison counts every rule under every policy.
    /// </summary>
    private static IO.Sensitivity.PolicyThresholds ThresholdsByPolicy(PolicyState policies, SummaryMetadata metadata)
    {
        var shape = policies.Shape;
        var rules = ThresholdRule.For(metadata, shape.Outcomes.Contains);
        return new IO.Sensitivity.PolicyThresholds(policies.Futures,
            [.. Enumerable.Range(0, policies.Combinations).Select(c => new IO.Sensitivity.PolicyThresholdRow(LeverValues(shape, c), RuleProbabilities(new PolicyView(policies, c), rules)))]);
    }

    private static ThresholdProbability[] RuleProbabilities(PolicyView view, IReadOnlyList<ThresholdRule> rules) =>
        [.. rules.Select(rule => Evaluate(view, rule)).OfType<ThresholdProbability>()];

    /// <summary>Why aggregates with levers hold no comparison of an outcome, or null when they hold one (or have no levers).</summary>
    private static Func<string, string?>? PolicyNote(AggregateState state, SummaryMetadata metadata)
    {
        var shape = state.Shape;
        if (shape.Evaluations < 2 || shape.GridSize / shape.Evaluations < 2)
        {
            return null;
        }

        // Without a comparison, the reason the sweep gave as it started, from the design the metadata records
        // (else what the shape tells: too many combinations, or futures that are not whole blocks).
        var combinations = shape.GridSize / shape.Evaluations;
        var why = state.Policies is not null ? null
            : Running.RecordedDesign.From(metadata.Design) is { } design
            ? Running.PolicyAlignment.WhyNot(design.Kind, design.Header.Samples, design.Header.Group, combinations)
            : Running.RunOrder.WhyNotFutures(combinations, shape.Evaluations, 1)
                ?? Running.RunOrder.WhyNotFutures(combinations, shape.Evaluations, PartialLayout.BlockSize);
        return outcome => state.Policies is not { } policies
            ? state.PoliciesGap
                ?? (why is not null
                    ? $"these aggregates hold no policy comparison: they were run in scenario order, as {why}"
                    : $"these aggregates hold no policy comparison: they were run in scenario order (shards of an ensemble that is not a whole number of blocks and sensitivity units, or aggregates written before comparisons were kept, or before such ensembles were compared in one window: rerun it without --shard), or merged with parts without one")
            : policies.Compared.Contains(outcome) ? null
            : $"these aggregates compare {string.Join(", ", policies.Compared)}; run the sweep with --compare {outcome}, or write rows";
    }

    /// <summary>The kept best and worst scenarios by the focus share, each with its inputs decoded from its number.</summary>
    private static ScenarioExtremes Extremes(AggregateState state, SummaryMetadata metadata)
    {
        var shape = state.Shape;
        var design = shape.Evaluations > 1 ? Running.RecordedDesign.From(metadata.Design) : null;
        return new ScenarioExtremes(shape.Outcomes[shape.Focus],
            [.. state.Best.Select(e => Ranked(shape, e, design, metadata.Design))], [.. state.Worst.Select(e => Ranked(shape, e, design, metadata.Design))]);
    }

    /// <summary>
    /// A kept extreme scenario with its axis values, and a sampled design's uncertain values when the metadata
    /// records the design's distributions, all decoded from its number as the rows hold them.
    /// </summary>
    private static RankedScenario Ranked(AggregateShape shape, ExtremeScenario extreme, Core.Designs.SampledDesign? design, DesignInfo? info)
    {
        var inputs = shape.Axes.Select((axis, a) => KeyValuePair.Create(axis.Column, (double)shape.AxisValue(a, extreme.Scenario))).ToList();
        for (var k = 0; design is not null && k < info!.Uncertain.Count; k++)
        {
            inputs.Add(KeyValuePair.Create(info.Uncertain[k], (double)design.Value(extreme.Scenario % shape.Evaluations, k)));
        }

        return new(extreme.Scenario, extreme.Value, inputs);
    }

    /// <summary>The lever values of combination <paramref name="combination"/> (its first scenario's axis values).</summary>
    private static Dictionary<string, double> LeverValues(AggregateShape shape, int combination) =>
        Enumerable.Range(0, shape.Axes.Count).ToDictionary(a => shape.Axes[a].Column, a => (double)shape.AxisValue(a, combination * shape.Evaluations), StringComparer.Ordinal);

    /// <summary>Statistics of outcome <paramref name="outcome"/>, and the sum its mean divides.</summary>
    public static OutcomeStats Outcome(IOutcomeTotals state, int outcome, out double sum)
    {
        var name = state.Shape.Outcomes[outcome];
        var sketch = Sketch(state, outcome);
        var finite = state.FiniteCount(outcome);
        var never = OutcomeColumns.IsMonth(name) ? state.Sketch(outcome)[NeverSlot] : 0;
        var count = finite - never;
        var exact = state.SumOf(outcome);
        exact.Add(never); // each "never" added −1
        sum = exact.Round();
        if (count == 0)
        {
            return new OutcomeStats(name, 0, state.Scenarios - finite, never,
                double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN);
        }

        return new OutcomeStats(name, count, state.Scenarios - finite, never, sum / count,
            sketch.Quantile(0.05), sketch.Quantile(0.25), sketch.Quantile(0.50), sketch.Quantile(0.75), sketch.Quantile(0.95),
            sketch.Min, sketch.Max);
    }

    /// <summary>The sketch of an outcome as its statistics see it (month outcomes without "never").</summary>
    public static SketchQuantiles Sketch(IOutcomeTotals state, int outcome)
    {
        var isMonth = OutcomeColumns.IsMonth(state.Shape.Outcomes[outcome]);
        var never = isMonth ? state.Sketch(outcome)[NeverSlot] : 0;
        return new SketchQuantiles(state.Sketch(outcome), isMonth ? NeverSlot : -1, isMonth,
            state.Min(outcome), state.Max(outcome), exactMin: never == 0);
    }

    /// <summary>The probability of <paramref name="rule"/>, or null when neither a threshold count nor a kept sketch answers it.</summary>
    private static ThresholdProbability? Evaluate(IOutcomeTotals state, ThresholdRule rule)
    {
        var shape = state.Shape;
        var outcome = IndexOf(shape.Outcomes, rule.Column);
        var counted = Thresholds.IndexOf(shape.Thresholds, Running.RunThresholds.Test(rule, shape.Outcomes));
        if (counted >= 0)
        {
            return new ThresholdProbability(rule.Name, rule.Description, state.ThresholdCount(counted), state.Scenarios);
        }

        if (!state.Keeps(outcome))
        {
            return null;
        }

        var full = new SketchQuantiles(state.Sketch(outcome), -1, OutcomeColumns.IsMonth(rule.Column),
            state.Min(outcome), state.Max(outcome), exactMin: true);
        return new ThresholdProbability(rule.Name, rule.Description, full.CountWhere(rule.Holds), state.Scenarios);
    }

    private static AxisEffect Effect(AggregateState state, int axis, int outcome)
    {
        var shape = state.Shape;
        var levels = new SortedDictionary<float, (long Finite, ExactSum Sum)>();
        var values = shape.Axes[axis].Values;
        for (var p = 0; p < values.Count; p++)
        {
            var v = shape.AxisOffsets[axis] + p;
            if (state.EffectCount(v) == 0)
            {
                continue;
            }

            // Equal float values (e.g. two values rounded alike) form one level, as in the rows.
            var level = levels.TryGetValue(values[p], out var found) ? found : (Finite: 0L, Sum: new ExactSum());
            level.Sum.Add(state.EffectSumOf(v, outcome));
            levels[values[p]] = (level.Finite + state.EffectFinite(v, outcome), level.Sum);
        }

        return new AxisEffect(shape.Axes[axis].Column,
            [.. levels.Select(l => new AxisLevel(l.Key, l.Value.Finite == 0 ? double.NaN : l.Value.Sum.Round() / l.Value.Finite, l.Value.Finite))]);
    }

    private static int IndexOf(IReadOnlyList<string> names, string name)
    {
        for (var i = 0; i < names.Count; i++)
        {
            if (names[i] == name)
            {
                return i;
            }
        }

        throw new InvalidOperationException($"No outcome '{name}'.");
    }
}
