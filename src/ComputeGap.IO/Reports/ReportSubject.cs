using ComputeGap.IO.Sensitivity;
using ComputeGap.IO.Statistics;

namespace ComputeGap.IO.Reports;

/// <summary>
/// What one rendering of a summary describes, resolved once so the three formats agree: the chosen
/// outcome (<c>summarize --outcome</c>, default the focus share), the main effects on it or, when the
/// run kept none for it, on which outcome instead and why, the tornado's scale and inert axes, the
/// grid's decomposition, and how the quantiles and probabilities were obtained.
/// </summary>
internal sealed class ReportSubject
{
    /// <summary>An axis is inert when its swing is below this share of the outcome's range (max − min over all scenarios).</summary>
    public const double InertShare = 0.001;

    private ReportSubject(SummaryData data)
    {
        Outcome = SummaryReport.ReportOutcome(data);
        Grid = data.Grid;
        var focusShare = SummaryReport.MainEffectOutcome(data);
        if (Outcome == focusShare || Outcome.Length == 0)
        {
            (EffectsOutcome, Effects) = (focusShare, data.RankedMainEffects);
        }
        else if (data.MainEffectsOf?.Invoke(Outcome) is { } effects)
        {
            (EffectsOutcome, Effects) = (Outcome, AxisEffects.RankBySwing(effects));
        }
        else if (Grid is { MainEffects.Count: > 0 } grid)
        {
            (EffectsOutcome, Effects) = (Outcome, AxisEffects.RankBySwing(grid.MainEffects));
        }
        else
        {
            (EffectsOutcome, Effects) = (focusShare, data.RankedMainEffects);
            EffectsNote = data.RankedMainEffects.Count == 0 || focusShare is null
                ? null
                : $"the run kept main effects of {focusShare} only, so they describe {focusShare}, not {Outcome}";
        }

        var stats = EffectsOutcome is null ? null : data.FindOutcome(EffectsOutcome);
        Range = stats is null ? double.NaN : stats.Max - stats.Min;
        FromSketches = data.Metadata.Get(MetadataKeys.Output) == "aggregate";
        IsGrid = data.Metadata.Design is null && data.Metadata.Axes.Count > 0;
        (Thresholds, ThresholdsOnOutcome) = data.ThresholdsInReportOrder(Outcome);
    }

    /// <summary>The outcome chosen for the report.</summary>
    public string Outcome { get; }

    /// <summary>The outcome the main effects and tornado describe (the chosen one whenever the run has its effects), or null without effects.</summary>
    public string? EffectsOutcome { get; }

    /// <summary>Main effects of <see cref="EffectsOutcome"/>, largest swing first.</summary>
    public IReadOnlyList<AxisEffect> Effects { get; }

    /// <summary>Why the effects describe another outcome than the chosen one, or null when they describe it.</summary>
    public string? EffectsNote { get; }

    /// <summary>The tornado's fixed scale: <see cref="EffectsOutcome"/>'s max − min over all scenarios (NaN when unknown).</summary>
    public double Range { get; }

    /// <summary>The grid's decomposition of <see cref="Outcome"/>, when the run is a grid with rows.</summary>
    public GridDecomposition? Grid { get; }

    /// <summary>True when the summary comes from aggregates, whose quantiles come from sketches (1 % relative error).</summary>
    public bool FromSketches { get; }

    /// <summary>True when the run is a full grid: its "probabilities" are shares of equally weighted grid points.</summary>
    public bool IsGrid { get; }

    /// <summary>The threshold probabilities, those whose rule reads <see cref="Outcome"/> first.</summary>
    public IReadOnlyList<ThresholdProbability> Thresholds { get; }

    /// <summary>How many of <see cref="Thresholds"/> (the first ones) read <see cref="Outcome"/>.</summary>
    public int ThresholdsOnOutcome { get; }

    /// <summary>True when <paramref name="effect"/>'s swing is below <see cref="InertShare"/> of <see cref="Range"/>.</summary>
    public bool IsInert(AxisEffect effect) => double.IsFinite(Range) && effect.Swing < InertShare * Range;

    /// <summary>Resolves what <paramref name="data"/>'s report describes.</summary>
    public static ReportSubject Of(SummaryData data) => new(data);
}
