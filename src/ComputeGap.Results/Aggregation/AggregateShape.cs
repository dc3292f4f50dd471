using System.Text;
using System.Text.Json;
using ComputeGap.Core.Designs;
using ComputeGap.Core.Model;
using ComputeGap.Core.Models;
using ComputeGap.Core.Reduction;
using ComputeGap.Engine.Running;

namespace ComputeGap.Engine.Aggregation;

/// <summary>One swept axis as aggregates need it: its column name and its values (float32, as the kernels use them).</summary>
/// <param name="Column">Column name, e.g. <c>dc_growth_EU</c>.</param>
/// <param name="Values">Values in sweep order.</param>
public sealed record AggregateAxis(string Column, IReadOnlyList<float> Values);

/// <summary>
/// What an <see cref="AggregateState"/> holds aggregates of: the outcome columns, the regions and
/// the key columns (for thresholds and extremes), the axes (for main effects and for naming the extreme
/// scenarios) and the <see cref="PartialLayout"/> of the block records it takes. It is written into
/// every aggregate file, so files can be read back without the sweep.
/// </summary>
public sealed class AggregateShape : IAxisSource
{
    /// <summary>Metadata key holding <see cref="ToJson"/>.</summary>
    public const string MetadataKey = "aggregate_shape";

    private readonly long[] _strides;
    private readonly int[] _offsets;

    /// <summary>Builds a shape and checks it against the layout.</summary>
    /// <exception cref="ArgumentException">The layout's outcomes or axis values do not match, or a key column is out of range.</exception>
    /// <param name="outcomes">Outcome column names.</param>
    /// <param name="regions">Regions (the first outcomes are their shares).</param>
    /// <param name="keys">The columns thresholds and extremes read.</param>
    /// <param name="axes">The axes (a sampled design's levers), slowest first.</param>
    /// <param name="layout">The block records' layout.</param>
    /// <param name="evaluations">Scenarios per axis combination: a sampled design's ensemble, 1 for a grid.</param>
    /// <param name="thresholds">The threshold tests counted, one per threshold slot of the layout; null for those on the key columns (<see cref="Core.Reduction.Thresholds.Keyed"/>), all that files before run-time thresholds counted.</param>
    public AggregateShape(IReadOnlyList<string> outcomes, int regions, KeyColumns keys, IReadOnlyList<AggregateAxis> axes, PartialLayout layout, long evaluations = 1,
        IReadOnlyList<ThresholdTest>? thresholds = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(evaluations, 1);
        if (layout.Outcomes != outcomes.Count || layout.Extremes < 0)
        {
            throw new ArgumentException($"The layout has {layout.Outcomes} outcomes but the shape {outcomes.Count}.", nameof(layout));
        }

        if (regions < 1 || regions > outcomes.Count || keys.FocusShare < 0 || keys.FocusShare >= regions
            || keys.Coverage < 0 || keys.Coverage >= outcomes.Count || keys.RivalRatio < 0 || keys.RivalRatio >= outcomes.Count)
        {
            throw new ArgumentException($"Key columns {keys} of {regions} regions do not fit {outcomes.Count} outcomes.", nameof(keys));
        }

        Thresholds = [.. thresholds ?? Core.Reduction.Thresholds.Keyed(keys)];
        if (Thresholds.Count != layout.Thresholds || Thresholds.Any(t => t.Column < 0 || t.Column >= outcomes.Count))
        {
            throw new ArgumentException($"The layout keeps {layout.Thresholds} thresholds, and the shape has {Thresholds.Count} on columns {string.Join(", ", Thresholds.Select(t => t.Column))} of {outcomes.Count} outcomes.", nameof(thresholds));
        }

        Outcomes = [.. outcomes];
        Regions = regions;
        Keys = keys;
        Axes = [.. axes.Select(a => new AggregateAxis(a.Column, [.. a.Values]))];
        Layout = layout;
        _offsets = new int[Axes.Count];
        _strides = new long[Axes.Count];
        var total = 0;
        var stride = evaluations;
        Evaluations = evaluations;
        for (var a = Axes.Count - 1; a >= 0; a--)
        {
            if (Axes[a].Values.Count == 0)
            {
                throw new ArgumentException($"Axis '{Axes[a].Column}' has no values.", nameof(axes));
            }

            _strides[a] = stride;
            stride = checked(stride * Axes[a].Values.Count);
        }

        for (var a = 0; a < Axes.Count; a++)
        {
            _offsets[a] = total;
            total += Axes[a].Values.Count;
        }

        GridSize = stride;
        TotalAxisValues = total;
        if (layout.AxisValues != 0 && layout.AxisValues != total)
        {
            throw new ArgumentException($"The layout has {layout.AxisValues} axis values but the axes {total}.", nameof(layout));
        }
    }

    /// <summary>Outcome column names, in order.</summary>
    public IReadOnlyList<string> Outcomes { get; }

    /// <summary>Regions (the first outcomes are their shares).</summary>
    public int Regions { get; }

    /// <summary>The columns thresholds and extremes read.</summary>
    public KeyColumns Keys { get; }

    /// <summary>The threshold tests counted, in slot order.</summary>
    public IReadOnlyList<ThresholdTest> Thresholds { get; }

    /// <summary>Focus region index (its share is outcome <see cref="Focus"/>).</summary>
    public int Focus => Keys.FocusShare;

    /// <summary>Axes in sweep order (the last varies fastest).</summary>
    public IReadOnlyList<AggregateAxis> Axes { get; }

    /// <summary>Layout of the block records.</summary>
    public PartialLayout Layout { get; }

    /// <summary>Position of each axis's first value in the concatenated value list.</summary>
    public IReadOnlyList<int> AxisOffsets => _offsets;

    /// <summary>All axes' values together.</summary>
    public int TotalAxisValues { get; }

    /// <summary>Scenarios per axis combination (a sampled design's ensemble; 1 for a grid).</summary>
    public long Evaluations { get; }

    /// <summary>Scenarios in the whole grid (times the evaluations of a sampled design).</summary>
    public long GridSize { get; }

    /// <summary>True when main effects are kept (the layout has axis values).</summary>
    public bool HasEffects => Layout.AxisValues > 0;

    /// <summary>The shape of a sweep's aggregates.</summary>
    public static AggregateShape From(SweepPlan plan, PartialLayout layout) => new(
        plan.OutcomeNames,
        plan.Shape.Regions,
        plan.Keys,
        [.. plan.Spec.Axes.Select((axis, a) => new AggregateAxis(axis.Column,
            [.. plan.AxisValues.AsSpan(plan.AxisOffsets[a], plan.AxisCounts[a]).ToArray()]))],
        layout,
        plan.Evaluations,
        plan.Thresholds);

    /// <summary>Axes (for <see cref="IAxisSource"/>).</summary>
    public int AxisCount => Axes.Count;

    /// <summary>Values of axis <paramref name="axis"/>.</summary>
    public int Count(int axis) => Axes[axis].Values.Count;

    /// <summary>Scenarios between consecutive values of axis <paramref name="axis"/>.</summary>
    public long Stride(int axis) => _strides[axis];

    /// <summary>Axis <paramref name="axis"/>'s first value in the concatenated value list.</summary>
    public int Offset(int axis) => _offsets[axis];

    /// <summary>Position of axis <paramref name="axis"/>'s value in scenario <paramref name="scenario"/> (<see cref="ScenarioDesign.Position"/>).</summary>
    public int Position(int axis, long scenario) => ScenarioDesign.Position(this, axis, scenario);

    /// <summary>The value axis <paramref name="axis"/> takes in scenario <paramref name="scenario"/>.</summary>
    public float AxisValue(int axis, long scenario) => Axes[axis].Values[Position(axis, scenario)];

    /// <summary>The shape as compact JSON (floats in shortest round-trip form).</summary>
    public string ToJson()
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream))
        {
            json.WriteStartObject();
            json.WriteStartArray("outcomes");
            foreach (var outcome in Outcomes)
            {
                json.WriteStringValue(outcome);
            }

            json.WriteEndArray();
            json.WriteNumber("regions", Regions);
            json.WriteNumber("focus", Focus);
            json.WriteStartArray("keys");
            json.WriteNumberValue(Keys.FocusShare);
            json.WriteNumberValue(Keys.Coverage);
            json.WriteNumberValue(Keys.RivalRatio);
            json.WriteEndArray();
            json.WriteNumber("axis_values", Layout.AxisValues);
            json.WriteNumber("extremes", Layout.Extremes);
            json.WriteNumber("evaluations", Evaluations);
            json.WriteStartArray("thresholds");
            foreach (var threshold in Thresholds)
            {
                json.WriteStartObject();
                json.WriteString("outcome", Outcomes[threshold.Column]);
                json.WriteNumber(RunThresholds.ComparisonName(threshold), threshold.Bound);
                if (threshold.HasFloor)
                {
                    json.WriteNumber("from", threshold.Floor);
                }

                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("axes");
            foreach (var axis in Axes)
            {
                json.WriteStartObject();
                json.WriteString("column", axis.Column);
                json.WriteStartArray("values");
                foreach (var value in axis.Values)
                {
                    json.WriteNumberValue(value);
                }

                json.WriteEndArray();
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>Reads <see cref="ToJson"/>'s text.</summary>
    /// <exception cref="InvalidDataException">The text is not a valid shape.</exception>
    public static AggregateShape FromJson(string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            var root = document.RootElement;
            var outcomes = root.GetProperty("outcomes").EnumerateArray().Select(e => e.GetString()!).ToArray();
            var axes = root.GetProperty("axes").EnumerateArray()
                .Select(e => new AggregateAxis(e.GetProperty("column").GetString()!,
                    [.. e.GetProperty("values").EnumerateArray().Select(v => v.GetSingle())]))
                .ToArray();
            var regions = root.GetProperty("regions").GetInt32();
            var focus = root.GetProperty("focus").GetInt32();

            // Files written before model v2 name no key columns: theirs are model v1's.
            var keys = root.TryGetProperty("keys", out var written)
                ? new KeyColumns(written[0].GetInt32(), written[1].GetInt32(), written[2].GetInt32())
                : OutcomeColumns.Keys(regions, focus);
            var evaluations = root.TryGetProperty("evaluations", out var written2) ? written2.GetInt64() : 1;

            // Files written before thresholds were run-time data counted those on the key columns.
            var thresholds = root.TryGetProperty("thresholds", out var written3)
                ? written3.EnumerateArray().Select(t => Threshold(t, outcomes)).ToArray()
                : Core.Reduction.Thresholds.Keyed(keys);
            var layout = new PartialLayout(outcomes.Length, root.GetProperty("axis_values").GetInt32(), root.GetProperty("extremes").GetInt32(), thresholds.Length);
            return new AggregateShape(outcomes, regions, keys, axes, layout, evaluations, thresholds);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or IndexOutOfRangeException or InvalidOperationException or FormatException or ArgumentException or OverflowException)
        {
            throw new InvalidDataException($"Metadata '{MetadataKey}' is not a valid aggregate shape: {e.Message}", e);
        }
    }

    private static ThresholdTest Threshold(JsonElement element, string[] outcomes)
    {
        var outcome = element.GetProperty("outcome").GetString();
        var column = Array.IndexOf(outcomes, outcome);
        if (column < 0)
        {
            throw new FormatException($"threshold on unknown outcome '{outcome}'");
        }

        var atLeast = element.TryGetProperty(IO.Reports.ChosenThreshold.AtLeastKey, out var bound);
        var floor = element.TryGetProperty("from", out var from) ? from.GetSingle() : float.NegativeInfinity;
        return new ThresholdTest(column, (atLeast ? bound : element.GetProperty(IO.Reports.ChosenThreshold.BelowKey)).GetSingle(), atLeast, floor);
    }
}
