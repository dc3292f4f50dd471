using ComputeGap.Core.Designs;
using ComputeGap.Core.Model;
using ComputeGap.Core.Models;

namespace ComputeGap.Sweep.Spec;

/// <summary>
/// A validated sweep: the fixed parameters (baseline with the file's <c>set</c> applied), the
/// structural choices, and the axes. Scenario <c>i</c> takes, on axis <c>a</c>, value
/// <c>Values[(i / Stride(a)) % Count(a)]</c>, the last axis varying fastest.
/// </summary>
/// <param name="Name">The sweep's name.</param>
/// <param name="HorizonMonths">T, 1 … 600.</param>
/// <param name="Regions">Region names in model order.</param>
/// <param name="Focus">Focus region index.</param>
/// <param name="RivalA">First rival index.</param>
/// <param name="RivalB">Second rival index.</param>
/// <param name="FixedSlots">Every parameter slot's value before axes apply (the model's slot layout).</param>
/// <param name="Axes">The axes, in file order.</param>
/// <param name="ScenarioCount">Product of the axes' lengths (1 with no axes), times the design's evaluations.</param>
/// <param name="SourceText">The sweep file's text, exactly as read.</param>
/// <param name="SourceName">The sweep file's path, or "built-in".</param>
/// <param name="Baseline">The baseline it was resolved against.</param>
/// <param name="Model">The model every scenario runs (the baseline's).</param>
public sealed record SweepSpec(
    string Name,
    int HorizonMonths,
    IReadOnlyList<string> Regions,
    int Focus,
    int RivalA,
    int RivalB,
    IReadOnlyList<double> FixedSlots,
    IReadOnlyList<SweepAxis> Axes,
    long ScenarioCount,
    string SourceText,
    string SourceName,
    Baseline Baseline,
    ModelDescriptor Model)
{
    /// <summary>The file's one-line description (empty when it has none).</summary>
    public string Description { get; init; } = string.Empty;

    /// <summary>The sampled design, or null for a grid. With a design, <see cref="Axes"/> are its levers.</summary>
    public SampledDesign? Design { get; init; }

    /// <summary>The design's uncertain parameters, in file order (empty for a grid).</summary>
    public IReadOnlyList<SweepUncertain> Uncertain { get; init; } = [];

    /// <summary>The thresholds the file asks reports to show (and aggregates to count exactly), in file order.</summary>
    public IReadOnlyList<IO.Reports.ChosenThreshold> Thresholds { get; init; } = [];

    /// <summary>
    /// The focus region's share of demand: its <c>usage_share</c> over all regions' (fixed values), or null
    /// for a model without regions.
    /// </summary>
    public double? FocusUsageShare
    {
        get
        {
            if (!Model.HasRegions)
            {
                return null;
            }

            var usage = Model.Find(UsageShare) ?? throw new InvalidOperationException($"Model {Model.Name} has no {UsageShare}.");
            var total = 0.0;
            for (var r = 0; r < Regions.Count; r++)
            {
                total += FixedSlots[ModelDescriptor.SlotOf(usage, r)];
            }

            return FixedSlots[ModelDescriptor.SlotOf(usage, Focus)] / total;
        }
    }

    /// <summary>The per-region parameter whose normalised focus value is the focus region's share of demand.</summary>
    private const string UsageShare = "usage_share";

    /// <summary>The design's kind (<see cref="DesignKind.Grid"/> without one).</summary>
    public DesignKind DesignKind => Design?.Kind ?? DesignKind.Grid;

    /// <summary>Evaluations per lever combination: the design's, or 1 for a grid.</summary>
    public long Evaluations => Design?.Evaluations ?? 1;

    /// <summary>
    /// Scenarios between consecutive values of axis (or lever) <paramref name="axis"/>. Levers vary
    /// slowest, over whole ensembles: scenario s is evaluation s mod <see cref="Evaluations"/> of its
    /// lever combination, so every combination meets the same futures.
    /// </summary>
    public long Stride(int axis)
    {
        var stride = Evaluations;
        for (var a = Axes.Count - 1; a > axis; a--)
        {
            stride *= Axes[a].Values.Count;
        }

        return stride;
    }

    /// <summary>The structural part of every scenario, as the kernels take it.</summary>
    public ModelShape Shape => new(HorizonMonths, Regions.Count, Focus, RivalA, RivalB);

    /// <summary>
    /// Writes the parameters of scenario <paramref name="scenario"/> (0 … ScenarioCount − 1) into
    /// <paramref name="slots"/>: <see cref="FixedSlots"/>, then each axis's value for that scenario,
    /// then the sampled values (float32, as the kernels take them).
    /// </summary>
    public void FillSlots(long scenario, Span<double> slots)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(scenario);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(scenario, ScenarioCount);
        ArgumentOutOfRangeException.ThrowIfLessThan(slots.Length, FixedSlots.Count);
        for (var i = 0; i < FixedSlots.Count; i++)
        {
            slots[i] = FixedSlots[i];
        }

        var rest = scenario / Evaluations;
        if (Design is { } design)
        {
            var evaluation = scenario % Evaluations;
            for (var k = 0; k < Uncertain.Count; k++)
            {
                slots[Uncertain[k].Slot] = design.Value(evaluation, k);
            }
        }

        for (var a = Axes.Count - 1; a >= 0; a--)
        {
            var values = Axes[a].Values;
            slots[Axes[a].Slot] = values[(int)(rest % values.Count)];
            rest /= values.Count;
        }
    }
}
